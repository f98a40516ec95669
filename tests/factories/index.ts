import { randomBytes } from "node:crypto";
import type { PrismaClient } from "@/generated/prisma/client";
import type {
  ClinicalCapacity,
  FinanceCapacity,
  OrganisationKind,
  OrganisationType,
  Role,
} from "@/generated/prisma/enums";
import type { Actor } from "@/server/auth/actor";
import { loadActor } from "@/server/auth/load-actor";
import { db } from "@/server/db";

/**
 * Test data factories. Each creates rows with unique names, so tests sharing a database
 * never clash and never depend on one another. Pass `client` to use another Prisma client
 * (e.g. from a Playwright seed script); by default they use `db()`.
 */

/** The password of every factory user. */
export const TEST_PASSWORD = "Correct-horse-42";
/** bcrypt of TEST_PASSWORD at cost 4: verifying it takes ~1 ms instead of ~250 ms at cost 12. */
export const TEST_PASSWORD_HASH = "$2b$04$GRz.4E9WFd38BU4NqPwlAuCzK29bWlGq0qTOuztkZedmL15AbjCnC";

let sequence = 0;
const runTag = randomBytes(2).toString("hex").toUpperCase();

/** A short unique token (letters and digits), e.g. for organisation codes. */
export function uniqueToken(): string {
  sequence += 1;
  return `${runTag}${sequence.toString(36).toUpperCase()}`;
}

let odsSequence = 0;
/** A well-formed ODS code no demo organisation uses: T.. for a trust, Q.. for an ICB (1,296 of each per run). */
export function uniqueOdsCode(kind: "TRUST" | "ICB" = "TRUST"): string {
  const n = odsSequence++ % 1296;
  return `${kind === "ICB" ? "Q" : "T"}${n.toString(36).toUpperCase().padStart(2, "0")}`;
}

export async function createSystem(input: { name?: string } = {}, client: PrismaClient = db()) {
  return client.healthSystem.create({ data: { name: input.name ?? `Test system ${uniqueToken()}` } });
}

export async function createOrganisation(
  input: {
    systemId?: string;
    type?: OrganisationType;
    kind?: OrganisationKind;
    code?: string;
    odsCode?: string;
    name?: string;
  } = {},
  client: PrismaClient = db(),
) {
  const systemId = input.systemId ?? (await createSystem({}, client)).id;
  const type = input.type ?? (input.kind === "ICB" ? "ICB" : "TRUST");
  const token = uniqueToken();
  return client.organisation.create({
    data: {
      systemId,
      type,
      kind: input.kind ?? (type === "ICB" ? "ICB" : "ACUTE"),
      odsCode: input.odsCode ?? null,
      code: input.code ?? `T${token}`.slice(0, 12),
      name: input.name ?? `Test ${type === "ICB" ? "ICB" : "Trust"} ${token}`,
    },
  });
}

export async function createDivision(input: { organisationId: string; name?: string }, client: PrismaClient = db()) {
  return client.division.create({
    data: { organisationId: input.organisationId, name: input.name ?? `Division ${uniqueToken()}` },
  });
}

/** A system with its ICB and `trusts` trusts (default 2). */
export async function createSystemWithOrganisations(input: { trusts?: number } = {}, client: PrismaClient = db()) {
  const system = await createSystem({}, client);
  const icb = await createOrganisation({ systemId: system.id, type: "ICB" }, client);
  const trusts = [];
  for (let i = 0; i < (input.trusts ?? 2); i++) trusts.push(await createOrganisation({ systemId: system.id }, client));
  return { system, icb, trusts };
}

export interface RoleGrant {
  organisationId: string;
  role: Role;
  /** Defaults to MEDICAL for a clinical approver, none otherwise. */
  clinicalCapacity?: ClinicalCapacity | null;
  /** For FINANCE; none means the finance director. */
  financeCapacity?: FinanceCapacity | null;
  systemWide?: boolean;
}

export async function createUser(
  input: { email?: string; name?: string; active?: boolean; passwordHash?: string; roles?: RoleGrant[] } = {},
  client: PrismaClient = db(),
) {
  const token = uniqueToken().toLowerCase();
  return client.user.create({
    data: {
      email: input.email ?? `user-${token}@test.nhs.uk`,
      name: input.name ?? `Test User ${token}`,
      active: input.active ?? true,
      passwordHash: input.passwordHash ?? TEST_PASSWORD_HASH,
      memberships: {
        create: (input.roles ?? []).map((grant) => ({
          organisationId: grant.organisationId,
          role: grant.role,
          clinicalCapacity:
            grant.clinicalCapacity === undefined
              ? grant.role === "CLINICAL_APPROVER"
                ? "MEDICAL"
                : null
              : grant.clinicalCapacity,
          financeCapacity: grant.financeCapacity ?? null,
          systemWide: grant.systemWide ?? false,
        })),
      },
    },
  });
}

/** The actor of a user, exactly as a signed-in request would see it. */
export async function actorFor(userId: string): Promise<Actor> {
  const actor = await loadActor(userId);
  if (!actor) throw new Error(`actorFor: user ${userId} does not exist or is deactivated`);
  return actor;
}

/** A user with the given roles, and their actor. */
export async function createActor(roles: RoleGrant[], client: PrismaClient = db()): Promise<Actor> {
  const user = await createUser({ roles }, client);
  return actorFor(user.id);
}

/** A platform administrator (issue 11): above system administrators, with `roles` besides if given. */
export async function createPlatformAdmin(roles: RoleGrant[] = [], client: PrismaClient = db()): Promise<Actor> {
  const user = await createUser({ roles }, client);
  await client.user.update({ where: { id: user.id }, data: { platformAdmin: true } });
  return actorFor(user.id);
}
