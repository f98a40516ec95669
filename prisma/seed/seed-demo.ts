import type { PrismaClient } from "../../src/generated/prisma/client";
import { hashPassword } from "../../src/server/auth/password";
import { seedProgrammes } from "./seed-programmes";
import { seedGateways } from "./seed-gateways";
import { seedPortfolio } from "./seed-portfolio";
import { seedQuality } from "./seed-quality";
import { seedRisks } from "./seed-risks";
import { seedSchemes } from "./seed-schemes";
import { DEMO_ORGANISATIONS, DEMO_PASSWORD, DEMO_SYSTEMS, DEMO_USERS } from "./demo-organisations";

/**
 * Loads the demo data. Idempotent: every row is matched on its natural key and left
 * alone when present, so running it again changes nothing (and writes no audit noise).
 */
export async function seedDemo(db: PrismaClient): Promise<void> {
  const systemIds = new Map<string, string>();
  for (const name of DEMO_SYSTEMS) {
    const system = await db.healthSystem.upsert({ where: { name }, update: {}, create: { name } });
    systemIds.set(name, system.id);
  }

  const organisationIds = new Map<string, string>();
  for (const org of DEMO_ORGANISATIONS) {
    const row = await db.organisation.upsert({
      where: { code: org.code },
      update: {},
      create: {
        code: org.code,
        odsCode: org.odsCode,
        name: org.name,
        type: org.type,
        kind: org.kind,
        systemId: systemIds.get(org.system)!,
      },
    });
    organisationIds.set(org.code, row.id);
    for (const name of org.divisions) {
      await db.division.upsert({
        where: { organisationId_name: { organisationId: row.id, name } },
        update: {},
        create: { organisationId: row.id, name },
      });
    }
  }

  const existing = new Set((await db.user.findMany({ select: { email: true } })).map((u) => u.email));
  // One hash for every demo user: bcrypt is deliberately slow.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const demo of DEMO_USERS) {
    const user = existing.has(demo.email)
      ? await db.user.findUniqueOrThrow({ where: { email: demo.email } })
      : await db.user.create({
          data: {
            email: demo.email,
            name: demo.name,
            jobTitle: demo.jobTitle,
            platformAdmin: demo.platformAdmin ?? false,
            passwordHash,
          },
        });
    for (const grant of demo.roles) {
      const organisationId = organisationIds.get(grant.organisationCode);
      if (!organisationId)
        throw new Error(`Demo user ${demo.email} names unknown organisation ${grant.organisationCode}`);
      await db.membership.upsert({
        where: { userId_organisationId_role: { userId: user.id, organisationId, role: grant.role } },
        update: {},
        create: {
          userId: user.id,
          organisationId,
          role: grant.role,
          clinicalCapacity: grant.clinicalCapacity ?? null,
          financeCapacity: grant.financeCapacity ?? null,
          systemWide: grant.systemWide ?? false,
        },
      });
    }
  }

  await seedProgrammes(db);
  await seedRisks(db);
  await seedSchemes(db);
  await seedQuality(db);
  await seedGateways(db);
  await seedPortfolio(db);
}

export function demoSignInsText(): string {
  const width = Math.max(...DEMO_USERS.map((u) => u.email.length));
  const lines = DEMO_USERS.map((u) => {
    const roles = u.roles.map(
      (r) =>
        `${r.role}${r.clinicalCapacity ? ` (${r.clinicalCapacity.toLowerCase()})` : ""}${r.financeCapacity ? ` (${r.financeCapacity})` : ""} at ${r.organisationCode}${r.systemWide ? " (whole system)" : ""}`,
    );
    return `  ${u.email.padEnd(width)}  ${roles.join(", ")}`;
  });
  return [`Demo sign-ins (password for all: ${DEMO_PASSWORD})`, ...lines].join("\n");
}
