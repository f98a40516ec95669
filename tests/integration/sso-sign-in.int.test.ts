import { describe, expect, it } from "vitest";
import { resolveSsoSignIn } from "@/modules/sso/resolve-sso-sign-in";
import { findAwaitingAccess } from "@/modules/sso/find-awaiting-access";
import type { SsoPolicy } from "@/modules/sso/sso-rules";
import { getUser } from "@/modules/users/find-users";
import { verifyCredentials } from "@/server/auth/verify-credentials";
import { db } from "@/server/db";
import { createActor, createOrganisation, createUser } from "../factories";
import { useTestDatabase } from "../helpers/test-database";

/** Single sign-on's matching on real PostgreSQL: by verified email, awaiting access, disabled, audited. */

const ISSUER = "http://127.0.0.1:3261";
const POLICY: SsoPolicy = { allowedDomains: ["nhs.net"], allowedTenants: [], requireVerifiedEmail: true };
const claims = (email: string, sub = `sub-${email}`) => ({ sub, email, email_verified: true, name: "Jo Bloggs" });
const auditFor = (entityId: string) => db().auditEvent.findMany({ where: { entityId }, orderBy: { id: "asc" } });

describe("SSO sign-in", () => {
  useTestDatabase();

  it("matches an existing user by email, case-insensitively, keeps their roles and audits the sign-in", async () => {
    const org = await createOrganisation();
    const user = await createUser({
      email: "jane.smith@nhs.net",
      roles: [{ organisationId: org.id, role: "FINANCE" }],
    });
    const result = await resolveSsoSignIn(ISSUER, claims("Jane.Smith@NHS.NET"), POLICY);
    expect(result).toEqual({ ok: true, userId: user.id, created: false, awaitingAccess: false });
    const identity = await db().ssoIdentity.findFirstOrThrow({ where: { userId: user.id } });
    expect(identity).toMatchObject({ issuer: ISSUER, subject: "sub-Jane.Smith@NHS.NET" });
    expect((await auditFor(user.id)).map((a) => [a.action, a.actorId])).toEqual([["auth.sso.sign_in", user.id]]);
    expect(await db().membership.count({ where: { userId: user.id } })).toBe(1);
  });

  it("gives an unknown person an account with no roles, awaiting access, that only an administrator sees", async () => {
    const result = await resolveSsoSignIn(ISSUER, claims("new.person@nhs.net"), POLICY);
    expect(result).toMatchObject({ ok: true, created: true, awaitingAccess: true });
    const userId = (result as { userId: string }).userId;
    expect(await db().membership.count({ where: { userId } })).toBe(0);
    const admin = await createActor([{ organisationId: (await createOrganisation()).id, role: "ADMIN" }]);
    const board = await createActor([{ organisationId: (await createOrganisation()).id, role: "BOARD" }]);
    expect((await findAwaitingAccess(admin)).map((u) => u.email)).toContain("new.person@nhs.net");
    expect(await findAwaitingAccess(board)).toEqual([]);
    expect((await getUser(admin, userId)).email).toBe("new.person@nhs.net");
    // No password works for an account made by SSO.
    expect((await verifyCredentials("new.person@nhs.net", "!sso-only")).ok).toBe(false);
    // Signing in again links the same account.
    expect(await resolveSsoSignIn(ISSUER, claims("new.person@nhs.net"), POLICY)).toMatchObject({
      ok: true,
      userId,
      created: false,
    });
  });

  it("two first sign-ins at once make one account", async () => {
    const [a, b] = await Promise.all([
      resolveSsoSignIn(ISSUER, claims("twice@nhs.net"), POLICY),
      resolveSsoSignIn(ISSUER, claims("twice@nhs.net"), POLICY),
    ]);
    expect(a.ok && b.ok && a.userId === b.userId).toBe(true);
    expect(await db().user.count({ where: { email: "twice@nhs.net" } })).toBe(1);
  });

  it("refuses a disabled user, and audits the refusal", async () => {
    const user = await createUser({ email: "gone@nhs.net", active: false });
    expect(await resolveSsoSignIn(ISSUER, claims("gone@nhs.net"), POLICY)).toEqual({ ok: false, reason: "disabled" });
    expect((await auditFor(user.id)).map((a) => a.action)).toEqual(["auth.sso.refused"]);
    expect(await db().ssoIdentity.count({ where: { userId: user.id } })).toBe(0);
  });

  it("refuses a disallowed domain or an unverified email without creating anyone, and audits it", async () => {
    expect(await resolveSsoSignIn(ISSUER, claims("someone@gmail.com", "g1"), POLICY)).toEqual({
      ok: false,
      reason: "domain_not_allowed",
    });
    expect(await resolveSsoSignIn(ISSUER, { sub: "u1", email: "x@nhs.net" }, POLICY)).toEqual({
      ok: false,
      reason: "unverified_email",
    });
    expect(await db().user.count({ where: { email: { in: ["someone@gmail.com", "x@nhs.net"] } } })).toBe(0);
    expect((await auditFor("g1")).map((a) => [a.action, (a.after as { reason: string }).reason])).toEqual([
      ["auth.sso.refused", "domain_not_allowed"],
    ]);
  });
});
