import { beforeEach, describe, expect, it } from "vitest";
import { createSsoGroupRole, deleteSsoGroupRole, findSsoGroupRoles } from "@/modules/sso/sso-group-roles";
import { createSsoGroupRoleSchema } from "@/modules/sso/sso-group-schemas";
import { resolveSsoSignIn } from "@/modules/sso/resolve-sso-sign-in";
import type { SsoPolicy } from "@/modules/sso/sso-rules";
import { db } from "@/server/db";
import { DomainError } from "@/server/errors";
import { createActor, createOrganisation, createUser } from "../factories";
import { useTestDatabase } from "../helpers/test-database";

/** Group -> role mappings on real PostgreSQL: who may map, what a sign-in grants and removes, audit. */

const ISSUER = "http://127.0.0.1:3262";
const POLICY: SsoPolicy = { allowedDomains: [], allowedTenants: [], requireVerifiedEmail: true };
// Fresh group ids per test: the database is shared by the tests of this file.
let FINANCE_GROUP = "";
let BOARD_GROUP = "";
beforeEach(() => {
  FINANCE_GROUP = crypto.randomUUID();
  BOARD_GROUP = crypto.randomUUID();
});
const signInWith = (email: string, groups: unknown) =>
  resolveSsoSignIn(ISSUER, { sub: `sub-${email}`, email, email_verified: true, name: "Sam Group", groups }, POLICY);
const rolesOf = (userId: string) =>
  db().membership.findMany({
    where: { userId },
    select: { organisationId: true, role: true, financeCapacity: true, ssoGroupRoleId: true },
    orderBy: { role: "asc" },
  });

async function setUp() {
  const org = await createOrganisation();
  const other = await createOrganisation();
  const admin = await createActor([{ organisationId: org.id, role: "ADMIN" }]);
  return { org, other, admin };
}

describe("SSO group -> role mappings", () => {
  useTestDatabase();

  it("only an administrator of the organisation maps a group, audited; a duplicate is refused on its field", async () => {
    const { org, other, admin } = await setUp();
    const finance = await createActor([{ organisationId: org.id, role: "FINANCE" }]);
    const otherAdmin = await createActor([{ organisationId: other.id, role: "ADMIN" }]);
    const input = { organisationId: org.id, groupId: FINANCE_GROUP.toUpperCase(), role: "FINANCE" as const };
    await expect(createSsoGroupRole(finance, input)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(createSsoGroupRole(otherAdmin, input)).rejects.toMatchObject({ code: "FORBIDDEN" });
    const mapping = await createSsoGroupRole(admin, createSsoGroupRoleSchema.parse(input));
    expect(mapping.groupId).toBe(FINANCE_GROUP); // stored lower-case
    const audit = await db().auditEvent.findFirstOrThrow({ where: { entityId: mapping.id } });
    expect(audit).toMatchObject({ action: "sso_group_role.create", actorId: admin.userId, organisationId: org.id });
    const again = createSsoGroupRole(admin, createSsoGroupRoleSchema.parse(input));
    await expect(again).rejects.toBeInstanceOf(DomainError);
    await expect(again).rejects.toMatchObject({ code: "CONFLICT", fieldErrors: { groupId: [expect.any(String)] } });
    expect(await findSsoGroupRoles(admin, org.id)).toHaveLength(1);
    await expect(findSsoGroupRoles(otherAdmin, org.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("refuses administrator and clinical approver mappings and a bad group id, each on its field", () => {
    for (const [input, field] of [
      [{ groupId: FINANCE_GROUP, role: "ADMIN" }, "role"],
      [{ groupId: FINANCE_GROUP, role: "CLINICAL_APPROVER" }, "role"],
      [{ groupId: "  ", role: "LEAD" }, "groupId"],
      [{ groupId: "a\u0000b", role: "LEAD" }, "groupId"],
      [{ groupId: "x".repeat(201), role: "LEAD" }, "groupId"],
    ] as const) {
      const parsed = createSsoGroupRoleSchema.safeParse({ organisationId: crypto.randomUUID(), ...input });
      expect(parsed.success).toBe(false);
      expect(parsed.error?.issues.map((i) => i.path[0])).toEqual([field]);
    }
  });

  it("a sign-in grants the mapped roles of the token's groups, and only those; finance is the PMO's", async () => {
    const { org, other, admin } = await setUp();
    const otherAdmin = await createActor([{ organisationId: other.id, role: "ADMIN" }]);
    const finance = await createSsoGroupRole(admin, {
      organisationId: org.id,
      groupId: FINANCE_GROUP,
      role: "FINANCE",
    });
    const board = await createSsoGroupRole(otherAdmin, {
      organisationId: other.id,
      groupId: BOARD_GROUP,
      role: "BOARD",
    });

    const result = await signInWith("sam@nhs.net", [FINANCE_GROUP.toUpperCase(), BOARD_GROUP, "unmapped-admins"]);
    expect(result).toMatchObject({ ok: true, created: true, awaitingAccess: false });
    const userId = (result as { userId: string }).userId;
    expect(await rolesOf(userId)).toEqual(
      expect.arrayContaining([
        { organisationId: org.id, role: "FINANCE", financeCapacity: "PMO", ssoGroupRoleId: finance.id },
        { organisationId: other.id, role: "BOARD", financeCapacity: null, ssoGroupRoleId: board.id },
      ]),
    );
    expect(await rolesOf(userId)).toHaveLength(2);
    const grants = await db().auditEvent.findMany({ where: { action: "membership.grant", actorId: userId } });
    expect(grants.map((g) => (g.after as { groupId: string }).groupId).sort()).toEqual(
      [FINANCE_GROUP, BOARD_GROUP].sort(),
    );

    // Without a groups claim, nobody gets a role.
    expect(await signInWith("nobody@nhs.net", undefined)).toMatchObject({ ok: true, awaitingAccess: true });
  });

  it("leaving the group removes the mapped role at the next sign-in; a role granted by hand stays", async () => {
    const { org, admin } = await setUp();
    await createSsoGroupRole(admin, { organisationId: org.id, groupId: BOARD_GROUP, role: "BOARD" });
    const user = await createUser({ email: "kept@nhs.net", roles: [{ organisationId: org.id, role: "LEAD" }] });
    await signInWith("kept@nhs.net", [BOARD_GROUP]);
    expect((await rolesOf(user.id)).map((m) => m.role)).toEqual(["LEAD", "BOARD"]);
    await signInWith("kept@nhs.net", []);
    expect((await rolesOf(user.id)).map((m) => m.role)).toEqual(["LEAD"]);
    const revoke = await db().auditEvent.findFirstOrThrow({ where: { action: "membership.revoke", actorId: user.id } });
    expect(revoke.after).toEqual({ reason: "sso_group_left" });
  });

  it("a role held by hand is not granted twice through a group", async () => {
    const { org, admin } = await setUp();
    await createSsoGroupRole(admin, { organisationId: org.id, groupId: BOARD_GROUP, role: "BOARD" });
    const user = await createUser({ email: "both@nhs.net", roles: [{ organisationId: org.id, role: "BOARD" }] });
    await signInWith("both@nhs.net", [BOARD_GROUP]);
    expect(await rolesOf(user.id)).toEqual([
      { organisationId: org.id, role: "BOARD", financeCapacity: null, ssoGroupRoleId: null },
    ]);
  });

  it("removing a mapping removes the roles it granted, audited with who lost them", async () => {
    const { org, admin } = await setUp();
    const mapping = await createSsoGroupRole(admin, { organisationId: org.id, groupId: BOARD_GROUP, role: "BOARD" });
    const signedIn = (await signInWith("gone@nhs.net", [BOARD_GROUP])) as { userId: string };
    const finance = await createActor([{ organisationId: org.id, role: "FINANCE" }]);
    await expect(deleteSsoGroupRole(finance, { ssoGroupRoleId: mapping.id })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    const removed = await deleteSsoGroupRole(admin, { ssoGroupRoleId: mapping.id });
    expect(removed.memberships.map((m) => m.userId)).toEqual([signedIn.userId]);
    expect(await rolesOf(signedIn.userId)).toEqual([]);
    const audit = await db().auditEvent.findFirstOrThrow({ where: { action: "sso_group_role.delete" } });
    expect(audit).toMatchObject({ entityId: mapping.id, actorId: admin.userId });
    await expect(deleteSsoGroupRole(admin, { ssoGroupRoleId: mapping.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});
