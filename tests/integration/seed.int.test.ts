import { beforeAll, describe, expect, it } from "vitest";
import { canAnywhere } from "@/server/auth/actor";
import { loadActor } from "@/server/auth/load-actor";
import { verifyPassword } from "@/server/auth/password";
import { verifyCredentials } from "@/server/auth/verify-credentials";
import { db } from "@/server/db";
import { DEMO_ORGANISATIONS, DEMO_PASSWORD, DEMO_USERS } from "../../prisma/seed/demo-organisations";
import { DEMO_SCHEME_LEADS } from "../../prisma/seed/seed-schemes";
import { seedDemo } from "../../prisma/seed/seed-demo";
import { rowCounts } from "../helpers/db-state";
import { useTestDatabase } from "../helpers/test-database";

describe("seedDemo", () => {
  useTestDatabase();
  let afterFirst: Record<string, number>;

  beforeAll(async () => {
    await seedDemo(db());
    afterFirst = await rowCounts();
  });

  it("loads the demo organisations, divisions and users", async () => {
    expect(afterFirst.organisation).toBe(DEMO_ORGANISATIONS.length);
    expect(afterFirst.division).toBe(DEMO_ORGANISATIONS.reduce((n, o) => n + o.divisions.length, 0));
    // The scheme seed adds its own leads, one LEAD membership each.
    expect(afterFirst.app_user).toBe(DEMO_USERS.length + DEMO_SCHEME_LEADS.length);
    expect(afterFirst.membership).toBe(DEMO_USERS.reduce((n, u) => n + u.roles.length, 0) + DEMO_SCHEME_LEADS.length);
  });

  it("is idempotent: a second run leaves every table's row count as it was", async () => {
    const before = await rowCounts();
    expect(before.app_user).toBe(afterFirst.app_user);
    await seedDemo(db());
    expect(await rowCounts()).toEqual(before);
  });

  it("lets every demo user sign in with DEMO_PASSWORD and gives them their roles", async () => {
    const users = await db().user.findMany({ where: { email: { in: DEMO_USERS.map((u) => u.email) } } });
    expect(users.map((u) => u.email).sort()).toEqual(DEMO_USERS.map((u) => u.email.toLowerCase()).sort());
    // bcrypt at cost 12 is slow: check each distinct hash once, then every user end to end.
    const hashes = new Set(users.map((u) => u.passwordHash));
    for (const hash of hashes) expect(await verifyPassword(DEMO_PASSWORD, hash)).toBe(true);
    const signIn = await verifyCredentials(DEMO_USERS[0]!.email, DEMO_PASSWORD, new Date("2031-01-01T09:00:00Z"));
    expect(signIn).toMatchObject({ ok: true });
    for (const demo of DEMO_USERS) {
      const user = users.find((u) => u.email === demo.email.toLowerCase())!;
      expect(user.active, demo.email).toBe(true);
      const actor = await loadActor(user.id);
      const held = new Set(actor!.organisations.flatMap((o) => o.roles.map((role) => `${role}@${o.code}`)));
      for (const grant of demo.roles)
        expect([...held], demo.email).toContain(`${grant.role}@${grant.organisationCode}`);
    }
  });

  it("gives the system administrator every organisation of the demo systems", async () => {
    const admin = DEMO_USERS.find((u) => u.roles.some((r) => r.role === "ADMIN" && r.systemWide));
    expect(admin).toBeDefined();
    const user = await db().user.findUniqueOrThrow({ where: { email: admin!.email } });
    const actor = await loadActor(user.id);
    const icbCodes = admin!.roles.filter((r) => r.systemWide).map((r) => r.organisationCode);
    const systems = await db().organisation.findMany({ where: { code: { in: icbCodes } }, select: { systemId: true } });
    const expected = await db().organisation.findMany({
      where: { systemId: { in: systems.map((s) => s.systemId) } },
      select: { code: true },
    });
    expect(actor!.organisations.map((o) => o.code).sort()).toEqual(expected.map((o) => o.code).sort());
    expect(canAnywhere(actor!, "user.manage")).toBe(true);
  });

  it("gives the platform administrator ADMIN at every organisation of every system", async () => {
    const demo = DEMO_USERS.find((u) => u.platformAdmin);
    expect(demo).toBeDefined();
    const user = await db().user.findUniqueOrThrow({ where: { email: demo!.email } });
    expect(user.platformAdmin).toBe(true);
    const actor = await loadActor(user.id);
    expect(actor!.platformAdmin).toBe(true);
    expect(actor!.organisations.map((o) => o.code).sort()).toEqual(DEMO_ORGANISATIONS.map((o) => o.code).sort());
    expect(actor!.organisations.every((o) => o.roles.includes("ADMIN"))).toBe(true);
    const ods = await db().organisation.findMany({ select: { code: true, odsCode: true, kind: true } });
    expect(ods.sort((a, b) => a.code.localeCompare(b.code))).toEqual(
      DEMO_ORGANISATIONS.map((o) => ({ code: o.code, odsCode: o.odsCode, kind: o.kind })).sort((a, b) =>
        a.code.localeCompare(b.code),
      ),
    );
  });
});
