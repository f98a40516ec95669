import { beforeAll, describe, expect, it, vi } from "vitest";
import { DEMO_PASSWORD } from "@/lib/demo-password";
import { changeOwnPassword } from "@/modules/users/change-password";
import { createUser as createUserUseCase } from "@/modules/users/create-user";
import { changePasswordSchema, requirePasswordChangeSchema } from "@/modules/users/password-schemas";
import { requirePasswordChange } from "@/modules/users/require-password-change";
import { createUserSchema } from "@/modules/users/user-schemas";
import type { Actor } from "@/server/auth/actor";
import { loadActor } from "@/server/auth/load-actor";
import { verifyPassword } from "@/server/auth/password";
import { createSession, findSessionUserId } from "@/server/auth/sessions";
import { verifyCredentials } from "@/server/auth/verify-credentials";
import { db } from "@/server/db";
import { TEST_PASSWORD, createOrganisation, createUser } from "../factories";
import { auditEventsAfter, lastAuditId, rowCounts, runAction } from "../helpers/db-state";
import { useTestDatabase } from "../helpers/test-database";

// bcrypt at cost 12 for each new password, and zxcvbn's dictionaries built once per file.
vi.setConfig({ testTimeout: 60_000 });

/** Issue 18 item 3: NCSC password rules on every new password, changing one's own, an administrator's forced reset. */

let admin: Actor;
let trust: string;

async function signedIn(user: { id: string }): Promise<{ actor: Actor; sessionId: string }> {
  const session = await createSession(user.id);
  return { actor: { ...(await loadActor(user.id))!, sessionId: session.id }, sessionId: session.id };
}

describe("passwords", () => {
  useTestDatabase();

  beforeAll(async () => {
    trust = (await createOrganisation()).id;
    const adminUser = await createUser({ roles: [{ organisationId: trust, role: "ADMIN" }] });
    admin = (await loadActor(adminUser.id))!;
  });

  describe("an administrator creating a user", () => {
    const newUser = (password: string) => ({
      name: "Jo Bloggs",
      email: `jo-${Math.random().toString(36).slice(2)}@test.nhs.uk`,
      password,
      organisationId: trust,
      role: "LEAD",
    });

    it.each([
      ["aaaaaaaaaaaa", /Repeated characters/],
      ["password1234", /commonly used password/],
      [DEMO_PASSWORD, /demo's published password/],
      ["short-one", /at least 12 characters/],
    ])("refuses %s on the password field and creates nobody", async (password, message) => {
      const before = await rowCounts();
      const result = await runAction(createUserSchema, createUserUseCase, admin, newUser(password));
      expect(result).toMatchObject({ ok: false, code: "VALIDATION" });
      expect(result.ok ? [] : result.fieldErrors?.password).toEqual([expect.stringMatching(message)]);
      expect(await rowCounts()).toEqual(before);
    });

    it("accepts a long passphrase without capitals, digits or symbols", async () => {
      const result = await runAction(createUserSchema, createUserUseCase, admin, newUser("marmalade lighthouse"));
      expect(result.ok).toBe(true);
    });
  });

  describe("changing one's own password", () => {
    it("needs the current password, ends every other session but this one, and is audited", async () => {
      const user = await createUser({ roles: [{ organisationId: trust, role: "LEAD" }] });
      const other = await createSession(user.id);
      const { actor, sessionId } = await signedIn(user);
      const since = await lastAuditId();

      const wrong = await runAction(changePasswordSchema, changeOwnPassword, actor, {
        currentPassword: "not-my-password",
        newPassword: "velvet harbour compass",
        confirmPassword: "velvet harbour compass",
      });
      expect(wrong).toMatchObject({
        ok: false,
        fieldErrors: { currentPassword: ["Your current password is not right"] },
      });
      expect(await findSessionUserId(other.id)).toBe(user.id);

      const changed = await runAction(changePasswordSchema, changeOwnPassword, actor, {
        currentPassword: TEST_PASSWORD,
        newPassword: "velvet harbour compass",
        confirmPassword: "velvet harbour compass",
      });
      expect(changed).toEqual({ ok: true, data: { otherSessionsEnded: 1 } });
      expect(await findSessionUserId(other.id)).toBeNull();
      expect(await findSessionUserId(sessionId)).toBe(user.id);
      expect(await verifyCredentials(user.email, TEST_PASSWORD)).toEqual({ ok: false, reason: "invalid" });
      expect(await verifyCredentials(user.email, "velvet harbour compass")).toEqual({ ok: true, userId: user.id });

      const events = await auditEventsAfter(since);
      const change = events.find((e) => e.action === "user.password.change");
      expect(change).toMatchObject({
        actorId: user.id,
        entityId: user.id,
        after: { otherSessionsEnded: 1, wasRequired: false },
      });
      expect(JSON.stringify(events.map((e) => [e.before, e.after]))).not.toMatch(/velvet|\$2[aby]\$/);
    });

    it.each([
      [
        "the two new passwords differ",
        { newPassword: "velvet harbour compass", confirmPassword: "velvet harbour compasses" },
        "confirmPassword",
        /not the same/,
      ],
      [
        "the new one is the current one",
        { newPassword: TEST_PASSWORD, confirmPassword: TEST_PASSWORD },
        "newPassword",
        /different from your current/,
      ],
      [
        "the new one is common",
        { newPassword: "iloveyou1234", confirmPassword: "iloveyou1234" },
        "newPassword",
        /commonly used/,
      ],
      [
        "the new one is the demo's",
        { newPassword: DEMO_PASSWORD, confirmPassword: DEMO_PASSWORD },
        "newPassword",
        /demo's published/,
      ],
    ])("refuses it when %s, changing nothing", async (_why, fields, field, message) => {
      const user = await createUser({ roles: [{ organisationId: trust, role: "LEAD" }] });
      const other = await createSession(user.id);
      const { actor } = await signedIn(user);
      const result = await runAction(changePasswordSchema, changeOwnPassword, actor, {
        currentPassword: TEST_PASSWORD,
        ...fields,
      });
      expect(result.ok ? {} : result.fieldErrors?.[field]).toEqual([expect.stringMatching(message)]);
      expect(await verifyCredentials(user.email, TEST_PASSWORD)).toEqual({ ok: true, userId: user.id });
      expect(await findSessionUserId(other.id)).toBe(user.id);
    });
  });

  describe("an administrator requiring a new password", () => {
    it("ends all the person's sessions and makes their next sign-in set a new password", async () => {
      const user = await createUser({ roles: [{ organisationId: trust, role: "FINANCE" }] });
      const sessions = [await createSession(user.id), await createSession(user.id)];
      const since = await lastAuditId();

      const result = await runAction(requirePasswordChangeSchema, requirePasswordChange, admin, { userId: user.id });
      expect(result).toMatchObject({ ok: true, data: { sessionsEnded: 2 } });
      for (const session of sessions) expect(await findSessionUserId(session.id)).toBeNull();
      const events = await auditEventsAfter(since);
      expect(events).toEqual([
        expect.objectContaining({ action: "user.password.reset_required", actorId: admin.userId, entityId: user.id }),
      ]);

      // Signing in still works with the old password, but the actor is marked until a new one is set.
      const { actor } = await signedIn(user);
      expect(actor.mustChangePassword).toBe(true);
      const changed = await runAction(changePasswordSchema, changeOwnPassword, actor, {
        currentPassword: TEST_PASSWORD,
        newPassword: "quartz meadow lantern",
        confirmPassword: "quartz meadow lantern",
      });
      expect(changed.ok).toBe(true);
      expect((await loadActor(user.id))!.mustChangePassword).toBe(false);
      const stored = await db().user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true } });
      expect(await verifyPassword("quartz meadow lantern", stored.passwordHash)).toBe(true);
    });

    it("is refused for someone outside the administrator's organisations, and for themselves", async () => {
      const elsewhere = await createUser({
        roles: [{ organisationId: (await createOrganisation()).id, role: "LEAD" }],
      });
      const session = await createSession(elsewhere.id);
      const outside = await runAction(requirePasswordChangeSchema, requirePasswordChange, admin, {
        userId: elsewhere.id,
      });
      expect(outside).toMatchObject({ ok: false, code: "NOT_FOUND" });
      expect(await findSessionUserId(session.id)).toBe(elsewhere.id);
      expect((await loadActor(elsewhere.id))!.mustChangePassword).toBe(false);

      const self = await runAction(requirePasswordChangeSchema, requirePasswordChange, admin, { userId: admin.userId });
      expect(self).toMatchObject({ ok: false, code: "FORBIDDEN" });
    });

    it("is refused to someone who is not an administrator there", async () => {
      const lead = (await loadActor((await createUser({ roles: [{ organisationId: trust, role: "LEAD" }] })).id))!;
      const target = await createUser({ roles: [{ organisationId: trust, role: "LEAD" }] });
      const result = await runAction(requirePasswordChangeSchema, requirePasswordChange, lead, { userId: target.id });
      expect(result).toMatchObject({ ok: false, code: "FORBIDDEN" });
    });
  });
});
