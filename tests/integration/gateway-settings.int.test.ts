import { beforeAll, describe, expect, it } from "vitest";
import { findGatewaySettings, setGatewaySettings, setGatewaySettingsSchema } from "@/modules/gateways/gateway-settings";
import { grantRole } from "@/modules/users/grant-role";
import { grantRoleSchema } from "@/modules/users/user-schemas";
import { loadActor } from "@/server/auth/load-actor";
import { db } from "@/server/db";
import { createActor, createUser } from "../factories";
import { createSchemeWorld, expectFieldErrors, writesNothing, type SchemeWorld } from "../factories/schemes";
import { auditEventsAfter, lastAuditId, runAction } from "../helpers/db-state";
import { useTestDatabase } from "../helpers/test-database";

/** Gateway and QIA thresholds per organisation, and the finance director / PMO distinction they rest on. */

let w: SchemeWorld;
const set = (raw: Record<string, unknown>, actor: Parameters<typeof setGatewaySettings>[0]) =>
  runAction(setGatewaySettingsSchema, setGatewaySettings, actor, raw);

describe("gateway and QIA thresholds", () => {
  useTestDatabase();

  beforeAll(async () => {
    w = await createSchemeWorld();
  });

  it("default to £50k and a screening score of 8 (DESIGN.md sections 2-3)", async () => {
    expect(await findGatewaySettings(w.trustId)).toEqual({ directorThresholdPence: 5_000_000, qiaThreshold: 8 });
  });

  it("are changed by the finance director, audited", async () => {
    const since = await lastAuditId();
    const result = await set(
      { organisationId: w.trustId, directorThreshold: "100,000", qiaThreshold: "10" },
      w.actors["FINANCE at the trust"],
    );
    expect(result).toMatchObject({ ok: true });
    expect(await findGatewaySettings(w.trustId)).toEqual({ directorThresholdPence: 10_000_000, qiaThreshold: 10 });
    const events = await auditEventsAfter(since);
    expect(events.map((e) => e.action)).toEqual(["gateway-settings.set"]);
    expect(events[0]!.before).toEqual({ directorThresholdPence: "5000000", qiaThreshold: 8 });
  });

  it("are refused to the PMO, who would be setting their own approval limit", async () => {
    const pmo = await createActor([{ organisationId: w.trustId, role: "FINANCE", financeCapacity: "PMO" }]);
    const result = await writesNothing(() =>
      set({ organisationId: w.trustId, directorThreshold: "1", qiaThreshold: "8" }, pmo),
    );
    expect(result).toMatchObject({
      ok: false,
      code: "FORBIDDEN",
      message: "Only the finance director of this organisation can change the gateway and QIA thresholds.",
    });
  });

  it.each([
    "LEAD at the trust, the scheme's lead",
    "BOARD at the trust",
    "CLINICAL_APPROVER at the trust",
    "ADMIN at the trust",
    "FINANCE at another trust of the system",
  ] as const)("are refused to %s", async (who) => {
    const result = await writesNothing(() =>
      set({ organisationId: w.trustId, directorThreshold: "1", qiaThreshold: "8" }, w.actors[who]),
    );
    expect(result).toMatchObject({ ok: false, code: "FORBIDDEN" });
  });

  it.each([
    [{ qiaThreshold: "0" }, "qiaThreshold", "Enter the QIA screening threshold as a whole number from 1 to 24"],
    [{ qiaThreshold: "25" }, "qiaThreshold", "Enter the QIA screening threshold as a whole number from 1 to 24"],
    [{ qiaThreshold: "8.5" }, "qiaThreshold", "Enter the QIA screening threshold as a whole number from 1 to 24"],
    [
      { directorThreshold: "" },
      "directorThreshold",
      "Enter the full-year effect from which the finance director decides",
    ],
  ])("refuses %j with a message on the field", async (bad, field, message) => {
    const result = await writesNothing(() =>
      set(
        { organisationId: w.trustId, directorThreshold: "50000", qiaThreshold: "8", ...bad },
        w.actors["FINANCE at the trust"],
      ),
    );
    expectFieldErrors(result, "VALIDATION", { [field]: message });
  });
});

describe("finance director or PMO", () => {
  useTestDatabase();

  beforeAll(async () => {
    w = await createSchemeWorld();
  });

  it("a finance role is the director's unless granted as the PMO's; the actor carries it", async () => {
    const admin = await createActor([{ organisationId: w.trustId, role: "ADMIN" }]);
    const director = await createUser();
    const pmo = await createUser();
    expect(
      await runAction(grantRoleSchema, grantRole, admin, {
        userId: director.id,
        organisationId: w.trustId,
        role: "FINANCE",
      }),
    ).toMatchObject({ ok: true });
    expect(
      await runAction(grantRoleSchema, grantRole, admin, {
        userId: pmo.id,
        organisationId: w.trustId,
        role: "FINANCE",
        financeCapacity: "PMO",
      }),
    ).toMatchObject({ ok: true });
    expect((await loadActor(director.id))!.organisations.find((o) => o.id === w.trustId)!.financeCapacities).toEqual([
      "DIRECTOR",
    ]);
    expect((await loadActor(pmo.id))!.organisations.find((o) => o.id === w.trustId)!.financeCapacities).toEqual([
      "PMO",
    ]);
  });

  it("only a finance role carries a finance capacity", async () => {
    const admin = await createActor([{ organisationId: w.trustId, role: "ADMIN" }]);
    const user = await createUser();
    const result = await writesNothing(() =>
      runAction(grantRoleSchema, grantRole, admin, {
        userId: user.id,
        organisationId: w.trustId,
        role: "LEAD",
        financeCapacity: "PMO",
      }),
    );
    expectFieldErrors(result, "VALIDATION", {
      financeCapacity: "Only a finance role is the finance director's or the PMO's",
    });
    expect(await db().membership.count({ where: { userId: user.id } })).toBe(0);
  });
});
