/**
 * Run by tests/integration/pg-serial-queries.int.test.ts in a process of its own (pg warns once per
 * process): one interactive transaction that reads a user with four relations, as Prisma runs it,
 * then prints the process warnings seen as JSON. RAW_PG_CLIENT=true uses pg's own Client (the control).
 */
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/generated/prisma/client";
import { db } from "@/server/db";

const warnings: string[] = [];
process.on("warning", (warning) => warnings.push(`${warning.name}: ${warning.message}`));

const prisma =
  process.env.RAW_PG_CLIENT === "true"
    ? new PrismaClient({ adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL!, max: 2 }) })
    : db();

const relations = await prisma.$transaction(async (tx) => {
  const user = await tx.user.create({
    data: { email: `include-${process.pid}-${Date.now()}@test.nhs.uk`, name: "Include Probe", passwordHash: "x" },
  });
  await tx.session.create({
    data: { id: `s-${process.pid}-${Date.now()}`, userId: user.id, expiresAt: new Date(Date.now() + 60_000) },
  });
  const found = await tx.user.findUniqueOrThrow({
    where: { id: user.id },
    include: { memberships: true, sessions: true, notifications: true, emailPreferences: true, auditEvents: true },
  });
  return found.sessions.length;
});
await new Promise((resolve) => setTimeout(resolve, 50)); // warnings are emitted on a later tick
await prisma.$disconnect();
console.log(JSON.stringify({ relations, warnings }));
