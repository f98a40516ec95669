import { describe, expect, it } from "vitest";
import { DomainError } from "@/server/errors";
import {
  assertCan,
  can,
  canAnywhere,
  organisationOf,
  rolesAt,
  visibleOrganisationIds,
  type Actor,
  type ActorOrganisation,
} from "./actor";

const org = (id: string, roles: ActorOrganisation["roles"]): ActorOrganisation => ({
  id,
  code: id.toUpperCase(),
  name: `Org ${id}`,
  type: "TRUST",
  systemId: "s1",
  roles,
  clinicalCapacities: [],
  financeCapacities: [],
});

const actor: Actor = {
  userId: "u1",
  email: "u1@test.nhs.uk",
  name: "U One",
  organisations: [org("a", ["ADMIN"]), org("b", ["BOARD"]), org("c", ["LEAD", "FINANCE"])],
};

describe("actor checks are per organisation", () => {
  it.each([
    ["a", "user.manage", true],
    ["b", "user.manage", false],
    ["b", "dashboard.view", true],
    ["c", "gateway.decide", true],
    ["c", "scheme.submit", true],
    ["elsewhere", "dashboard.view", false],
  ] as const)("at %s, %s → %s", (organisationId, capability, expected) => {
    expect(can(actor, capability, organisationId)).toBe(expected);
  });

  it("throws FORBIDDEN with the given message, or a generic one", () => {
    expect(() => assertCan(actor, "user.manage", "a")).not.toThrow();
    const error = (() => {
      try {
        assertCan(actor, "user.manage", "b", "Only an administrator may.");
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: "FORBIDDEN", message: "Only an administrator may." });
    expect(() => assertCan(actor, "qia.sign", "c")).toThrow(/permission/);
  });

  it("knows the roles, the organisations and whether a capability is held anywhere", () => {
    expect(rolesAt(actor, "c")).toEqual(["LEAD", "FINANCE"]);
    expect(rolesAt(actor, "elsewhere")).toEqual([]);
    expect(organisationOf(actor, "b")?.name).toBe("Org b");
    expect(visibleOrganisationIds(actor)).toEqual(["a", "b", "c"]);
    expect(canAnywhere(actor, "user.manage")).toBe(true);
    expect(canAnywhere(actor, "qia.sign")).toBe(false);
    expect(canAnywhere({ ...actor, organisations: [] }, "dashboard.view")).toBe(false);
  });
});
