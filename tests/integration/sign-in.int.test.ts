import { describe, expect, it } from "vitest";
import { env } from "@/env";
import { loadActor } from "@/server/auth/load-actor";
import { createSession, endSession, findSessionUserId } from "@/server/auth/sessions";
import { lockedMessage, verifyCredentials } from "@/server/auth/verify-credentials";
import { db } from "@/server/db";
import { TEST_PASSWORD, createOrganisation, createSystemWithOrganisations, createUser } from "../factories";
import { useTestDatabase } from "../helpers/test-database";

const MINUTE = 60_000;
const at = (base: Date, ms: number) => new Date(base.getTime() + ms);

describe("sign-in", () => {
  useTestDatabase();

  describe("verifyCredentials", () => {
    it("accepts the right password, whatever the case and spacing of the email", async () => {
      const user = await createUser({ email: "right.password@test.nhs.uk" });
      expect(await verifyCredentials("right.password@test.nhs.uk", TEST_PASSWORD)).toEqual({
        ok: true,
        userId: user.id,
      });
      expect(await verifyCredentials("  Right.Password@TEST.nhs.uk ", TEST_PASSWORD)).toEqual({
        ok: true,
        userId: user.id,
      });
    });

    it("refuses a wrong password, an unknown email and a deactivated user alike", async () => {
      const user = await createUser();
      const inactive = await createUser({ active: false });
      expect(await verifyCredentials(user.email, `${TEST_PASSWORD}!`)).toEqual({ ok: false, reason: "invalid" });
      expect(await verifyCredentials(user.email, "")).toEqual({ ok: false, reason: "invalid" });
      expect(await verifyCredentials("nobody@test.nhs.uk", TEST_PASSWORD)).toEqual({ ok: false, reason: "invalid" });
      expect(await verifyCredentials(inactive.email, TEST_PASSWORD)).toEqual({ ok: false, reason: "invalid" });
    });

    it("refuses an email or password holding a control character as wrong, not as a server error", async () => {
      const user = await createUser();
      expect(await verifyCredentials(`${user.email}\u0000`, TEST_PASSWORD)).toEqual({ ok: false, reason: "invalid" });
      expect(await verifyCredentials(user.email, `${TEST_PASSWORD}\u0000`)).toEqual({ ok: false, reason: "invalid" });
    });

    it("records every attempt with its outcome, for the rate limit", async () => {
      const user = await createUser();
      const now = new Date("2030-01-01T09:00:00Z");
      await verifyCredentials(user.email, "wrong-password", now);
      await verifyCredentials(user.email, TEST_PASSWORD, at(now, 1000));
      const attempts = await db().loginAttempt.findMany({
        where: { email: user.email },
        orderBy: { attemptedAt: "asc" },
      });
      expect(attempts.map((a) => [a.succeeded, a.attemptedAt.toISOString()])).toEqual([
        [false, "2030-01-01T09:00:00.000Z"],
        [true, "2030-01-01T09:00:01.000Z"],
      ]);
    });
  });

  describe("lockout after repeated failures", () => {
    const t0 = new Date("2030-03-01T10:00:00Z");

    it("locks the account after 5 failures, even for the right password, and only that account", async () => {
      const { LOGIN_MAX_FAILURES, LOGIN_WINDOW_MINUTES } = env();
      expect([LOGIN_MAX_FAILURES, LOGIN_WINDOW_MINUTES]).toEqual([5, 15]);
      const victim = await createUser();
      const bystander = await createUser();
      for (let i = 0; i < LOGIN_MAX_FAILURES; i++) {
        expect(await verifyCredentials(victim.email, `guess-${i}`, at(t0, i * 1000))).toEqual({
          ok: false,
          reason: "invalid",
        });
      }
      const sixth = at(t0, 10_000);
      // Unlocks when the first failure (t0) leaves the 15-minute window: 14m50s from now, shown as 15.
      expect(await verifyCredentials(victim.email, TEST_PASSWORD, sixth)).toEqual({
        ok: false,
        reason: "locked",
        minutes: 15,
      });
      expect(await verifyCredentials(victim.email.toUpperCase(), TEST_PASSWORD, at(t0, 11 * MINUTE))).toEqual({
        ok: false,
        reason: "locked",
        minutes: 4,
      });
      expect(lockedMessage(15)).toMatch(/Try again in 15 minutes\.$/);
      expect(lockedMessage(1)).toMatch(/Try again in 1 minute\.$/);
      expect(await verifyCredentials(bystander.email, TEST_PASSWORD, sixth)).toEqual({
        ok: true,
        userId: bystander.id,
      });
    });

    it("lifts the lock once the failures leave the window", async () => {
      const user = await createUser();
      for (let i = 0; i < 5; i++) await verifyCredentials(user.email, `guess-${i}`, at(t0, i * 1000));
      expect(await verifyCredentials(user.email, TEST_PASSWORD, at(t0, 15 * MINUTE - 1))).toMatchObject({
        reason: "locked",
        minutes: 1,
      });
      // At t0 + 15 min the first failure has left the window; four remain, under the limit.
      expect(await verifyCredentials(user.email, TEST_PASSWORD, at(t0, 15 * MINUTE))).toEqual({
        ok: true,
        userId: user.id,
      });
    });

    it("does not lock when a success breaks the run of failures", async () => {
      const user = await createUser();
      for (let i = 0; i < 4; i++) await verifyCredentials(user.email, `guess-${i}`, at(t0, i * 1000));
      expect(await verifyCredentials(user.email, TEST_PASSWORD, at(t0, 5000))).toMatchObject({ ok: true });
      for (let i = 0; i < 4; i++) await verifyCredentials(user.email, `guess-${i}`, at(t0, 6000 + i * 1000));
      expect(await verifyCredentials(user.email, TEST_PASSWORD, at(t0, 20_000))).toMatchObject({ ok: true });
    });

    it("locks an unknown email too, so probing cannot tell which accounts exist", async () => {
      const email = "ghost@test.nhs.uk";
      expect(await verifyCredentials(email, "guess-0", t0)).toEqual({ ok: false, reason: "invalid" });
      // The other four failures as earlier sign-ins would have left them (saves four slow dummy-hash checks).
      await db().loginAttempt.createMany({
        data: [1, 2, 3, 4].map((i) => ({ email, succeeded: false, attemptedAt: at(t0, i * 1000) })),
      });
      expect(await verifyCredentials(email, "another", at(t0, 6000))).toEqual({
        ok: false,
        reason: "locked",
        minutes: 15,
      });
    });

    // BUG (see report): the count of failures is read before this attempt is recorded, with
    // no lock, so a burst of parallel guesses is all evaluated before any is counted.
    it("holds under a burst of parallel guesses: at most LOGIN_MAX_FAILURES passwords are checked", async () => {
      const user = await createUser();
      const now = new Date("2030-05-01T10:00:00Z");
      const results = await Promise.all(
        Array.from({ length: 12 }, (_, i) => verifyCredentials(user.email, `guess-${i}`, at(now, i))),
      );
      expect(results.filter((r) => r.ok === false && r.reason === "invalid")).toHaveLength(env().LOGIN_MAX_FAILURES);
      expect(await verifyCredentials(user.email, TEST_PASSWORD, at(now, 1000))).toMatchObject({ reason: "locked" });
    });
  });

  describe("sessions", () => {
    it("finds the user of a live session, and nothing once it has expired", async () => {
      const user = await createUser();
      const now = new Date("2030-06-01T08:00:00Z");
      const session = await createSession(user.id, now);
      expect(session.expiresAt).toEqual(at(now, env().SESSION_MAX_AGE_MINUTES * MINUTE));
      expect(await findSessionUserId(session.id, now)).toBe(user.id);
      expect(await findSessionUserId(session.id, at(session.expiresAt, -1))).toBe(user.id);
      expect(await findSessionUserId(session.id, session.expiresAt)).toBeNull();
      expect(await findSessionUserId(session.id, at(session.expiresAt, 60 * MINUTE))).toBeNull();
    });

    it("ends a session on sign-out without touching the user's other sessions", async () => {
      const user = await createUser();
      const now = new Date();
      const first = await createSession(user.id, now);
      const second = await createSession(user.id, now);
      expect(first.id).not.toBe(second.id);
      expect(first.id.length).toBeGreaterThanOrEqual(43);
      await endSession(first.id);
      expect(await findSessionUserId(first.id, now)).toBeNull();
      expect(await findSessionUserId(second.id, now)).toBe(user.id);
      await expect(endSession(first.id)).resolves.toBeUndefined();
    });

    it("gives no actor for a deactivated user's session", async () => {
      const user = await createUser();
      const session = await createSession(user.id);
      await db().user.update({ where: { id: user.id }, data: { active: false } });
      const userId = await findSessionUserId(session.id);
      expect(userId === null || (await loadActor(userId)) === null).toBe(true);
      expect(await loadActor(user.id)).toBeNull();
      expect(await loadActor("00000000-0000-4000-8000-000000000000")).toBeNull();
    });
  });

  describe("loadActor", () => {
    it("extends a system-wide ICB role to every organisation of that system, and no other", async () => {
      const north = await createSystemWithOrganisations({ trusts: 2 });
      const south = await createSystemWithOrganisations({ trusts: 1 });
      const user = await createUser({
        roles: [
          { organisationId: north.icb.id, role: "FINANCE", systemWide: true },
          { organisationId: north.trusts[0]!.id, role: "LEAD" },
        ],
      });
      const actor = await loadActor(user.id);
      expect(actor).not.toBeNull();
      const roles = Object.fromEntries(actor!.organisations.map((o) => [o.id, [...o.roles].sort()]));
      expect(roles).toEqual({
        [north.icb.id]: ["FINANCE"],
        [north.trusts[0]!.id]: ["FINANCE", "LEAD"],
        [north.trusts[1]!.id]: ["FINANCE"],
      });
      for (const org of [south.icb, ...south.trusts]) expect(roles[org.id]).toBeUndefined();
      // The ICB first, then by name.
      expect(actor!.organisations[0]!.id).toBe(north.icb.id);
      expect(actor!.organisations.every((o) => o.systemId === north.system.id)).toBe(true);
    });

    it("keeps a role that is not system-wide at its own organisation, with its clinical capacity", async () => {
      const { icb, trusts } = await createSystemWithOrganisations({ trusts: 1 });
      const user = await createUser({
        roles: [
          { organisationId: icb.id, role: "ADMIN" },
          { organisationId: trusts[0]!.id, role: "CLINICAL_APPROVER", clinicalCapacity: "NURSING" },
        ],
      });
      const actor = await loadActor(user.id);
      expect(actor!.organisations.map((o) => ({ id: o.id, roles: o.roles, capacities: o.clinicalCapacities }))).toEqual(
        [
          { id: icb.id, roles: ["ADMIN"], capacities: [] },
          { id: trusts[0]!.id, roles: ["CLINICAL_APPROVER"], capacities: ["NURSING"] },
        ],
      );
    });

    it("gives a user without any role no organisation", async () => {
      const user = await createUser();
      expect(await loadActor(user.id)).toMatchObject({ userId: user.id, email: user.email, organisations: [] });
    });

    it("cannot be given a system-wide role at a trust (database guard)", async () => {
      const trust = await createOrganisation();
      await expect(
        createUser({ roles: [{ organisationId: trust.id, role: "ADMIN", systemWide: true }] }),
      ).rejects.toThrow(/system-wide role can only be held at an ICB/);
    });
  });
});
