import { describe, expect, it } from "vitest";
import type { Role } from "@/generated/prisma/enums";
import {
  CAPABILITIES,
  ROLE_CAPABILITIES,
  roleHasCapability,
  rolesHaveCapability,
  type Capability,
} from "./permissions";

const ROLES = Object.keys(ROLE_CAPABILITIES) as Role[];

/**
 * Who may do what, from DESIGN.md section 1. `satisfies Record<Capability, ...>`: a new
 * capability does not compile until this table says which roles hold it.
 */
const EXPECTED = {
  "dashboard.view": ["FINANCE", "LEAD", "CLINICAL_APPROVER", "BOARD", "ADMIN"],
  "admin.view": ["ADMIN"],
  "organisation.manage": ["ADMIN"],
  "user.manage": ["ADMIN"],
  "programme.manage": ["FINANCE", "ADMIN"],
  "activity.update.own": ["LEAD"],
  "kpi.update.own": ["LEAD"],
  "scheme.create": ["FINANCE", "LEAD"],
  "scheme.edit.any": ["FINANCE"],
  "scheme.edit.own": ["LEAD"],
  "scheme.submit": ["LEAD"],
  "gateway.decide": ["FINANCE"],
  "period.close": ["FINANCE"],
  "target.manage": ["FINANCE"],
  "plan.rebaseline": ["FINANCE"],
  "qia.sign": ["CLINICAL_APPROVER"],
  "risk.manage.any": ["FINANCE"],
  "risk.manage.own": ["LEAD"],
  "board.commentary.write": ["FINANCE"],
  "portfolio.manage": ["FINANCE"],
  "api.token.create": ["FINANCE", "BOARD", "ADMIN"],
  "scheme.comment": ["FINANCE", "LEAD", "CLINICAL_APPROVER"],
} as const satisfies Record<Capability, readonly Role[]>;

describe("ROLE_CAPABILITIES", () => {
  const matrix = ROLES.flatMap((role) =>
    CAPABILITIES.map(
      (capability) => [role, capability, (EXPECTED[capability] as readonly Role[]).includes(role)] as const,
    ),
  );

  it.each(matrix)("%s / %s → %s", (role, capability, allowed) => {
    expect(roleHasCapability(role, capability)).toBe(allowed);
  });

  it("covers every role of the schema", () => {
    expect([...ROLES].sort()).toEqual(["ADMIN", "BOARD", "CLINICAL_APPROVER", "FINANCE", "LEAD"]);
  });

  it("gives the board nothing but reading: dashboards, and a personal token for the read-only API", () => {
    expect(ROLE_CAPABILITIES.BOARD).toEqual(["dashboard.view", "api.token.create"]);
  });

  it("gives every capability to at least one role, and only known capabilities", () => {
    for (const capability of CAPABILITIES)
      expect(
        ROLES.some((role) => roleHasCapability(role, capability)),
        capability,
      ).toBe(true);
    for (const role of ROLES)
      for (const capability of ROLE_CAPABILITIES[role]) expect(CAPABILITIES).toContain(capability);
  });

  it("keeps approving and signing away from the scheme lead (DESIGN.md section 1)", () => {
    expect(roleHasCapability("LEAD", "gateway.decide")).toBe(false);
    expect(roleHasCapability("LEAD", "qia.sign")).toBe(false);
    expect(roleHasCapability("LEAD", "scheme.edit.any")).toBe(false);
  });

  it.each([
    [[], "dashboard.view", false],
    [["BOARD"], "scheme.create", false],
    [["BOARD", "LEAD"], "scheme.create", true],
    [["CLINICAL_APPROVER", "ADMIN"], "qia.sign", true],
    [["ADMIN"], "gateway.decide", false],
  ] as [Role[], Capability, boolean][])("rolesHaveCapability(%j, %s) → %s", (roles, capability, expected) => {
    expect(rolesHaveCapability(roles, capability)).toBe(expected);
  });
});
