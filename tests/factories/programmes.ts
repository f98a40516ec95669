import type { PrismaClient } from "@/generated/prisma/client";
import type { ActivityStatus } from "@/generated/prisma/enums";
import type { Actor } from "@/server/auth/actor";
import { db } from "@/server/db";
import { checkWriteCell } from "../helpers/authorization-matrix";
import type { ActionResult } from "../helpers/db-state";
import { createActor, createSystemWithOrganisations, uniqueToken, type RoleGrant } from "./index";

/**
 * Programme, workstream, lead, activity and KPI rows for tests, written straight to the
 * database (no use case, no audit event), with unique names so tests never clash.
 */

export async function createProgrammeRow(
  input: { systemId: string; organisationId: string | null; name?: string; theme?: string; objective?: string },
  client: PrismaClient = db(),
) {
  const token = uniqueToken();
  return client.programme.create({
    data: {
      systemId: input.systemId,
      organisationId: input.organisationId,
      theme: input.theme ?? "Test theme",
      name: input.name ?? `Programme ${token}`,
      objective: input.objective ?? `Objective of programme ${token}`,
    },
  });
}

export async function createWorkstreamRow(
  input: { programmeId: string; name?: string; number?: number | null },
  client: PrismaClient = db(),
) {
  return client.workstream.create({
    data: {
      programmeId: input.programmeId,
      name: input.name ?? `Workstream ${uniqueToken()}`,
      number: input.number ?? null,
    },
  });
}

export async function createLeadRow(
  input: { systemId: string; userId?: string | null; title?: string },
  client: PrismaClient = db(),
) {
  return client.lead.create({
    data: { systemId: input.systemId, title: input.title ?? `Lead ${uniqueToken()}`, userId: input.userId ?? null },
  });
}

let activitySequence = 0;

export async function createActivityRow(
  input: {
    programmeId: string;
    leadIds?: string[];
    number?: string | null;
    status?: ActivityStatus;
    startQuarter?: number | null;
    endQuarter?: number | null;
    workstreamId?: string | null;
    description?: string;
  },
  client: PrismaClient = db(),
) {
  activitySequence += 1;
  return client.activity.create({
    data: {
      programmeId: input.programmeId,
      workstreamId: input.workstreamId ?? null,
      number: input.number ?? null,
      sequence: activitySequence,
      description: input.description ?? `Activity ${uniqueToken()}`,
      startQuarter: input.startQuarter ?? null,
      endQuarter: input.endQuarter ?? input.startQuarter ?? null,
      status: input.status ?? "NOT_STARTED",
      leads: { create: (input.leadIds ?? []).map((leadId) => ({ leadId })) },
    },
  });
}

export async function createKpiRow(
  input: { programmeId: string; ownerLeadId?: string | null; name?: string },
  client: PrismaClient = db(),
) {
  return client.kpi.create({
    data: {
      programmeId: input.programmeId,
      name: input.name ?? `KPI ${uniqueToken()}`,
      unit: "%",
      direction: "HIGHER_IS_BETTER",
      ownerLeadId: input.ownerLeadId ?? null,
    },
  });
}

/**
 * The actors of the programme authorization matrices. "The trust" owns the programme under
 * test; "the activity's lead" is linked to the linked LEAD (and a second lead of the same
 * activity to the board member, so being named a lead never lets a board member write).
 */
export const PROGRAMME_ACTORS = [
  "FINANCE at the trust",
  "LEAD at the trust, linked to the activity's lead",
  "LEAD at the trust, linked to another lead",
  "CLINICAL_APPROVER at the trust",
  "BOARD at the trust, linked to a second lead of the activity",
  "ADMIN at the trust",
  "FINANCE at the ICB, system-wide",
  "FINANCE at the ICB, not system-wide",
  "FINANCE at another trust of the system",
  "FINANCE at another system's ICB, system-wide",
] as const;
export type ProgrammeActorKey = (typeof PROGRAMME_ACTORS)[number];

export interface ProgrammeWorld {
  systemId: string;
  icbId: string;
  trustId: string;
  otherTrustId: string;
  otherSystemId: string;
  otherIcbId: string;
  actors: Record<ProgrammeActorKey, Actor>;
  /** Linked to "LEAD at the trust, linked to the activity's lead": the activity's and KPI's owner. */
  ownLeadId: string;
  /** Linked to the board member; also a lead of every matrix activity. */
  boardLeadId: string;
  /** Linked to "LEAD at the trust, linked to another lead"; on no matrix activity or KPI. */
  otherLeadId: string;
  /** A lead of the other system. */
  foreignLeadId: string;
}

/** Two systems: ours (ICB + two trusts) and another, with one actor per matrix row. */
export async function createProgrammeWorld(client: PrismaClient = db()): Promise<ProgrammeWorld> {
  const ours = await createSystemWithOrganisations({ trusts: 2 }, client);
  const theirs = await createSystemWithOrganisations({ trusts: 1 }, client);
  const trust = ours.trusts[0]!.id;
  const grants: Record<ProgrammeActorKey, RoleGrant[]> = {
    "FINANCE at the trust": [{ organisationId: trust, role: "FINANCE" }],
    "LEAD at the trust, linked to the activity's lead": [{ organisationId: trust, role: "LEAD" }],
    "LEAD at the trust, linked to another lead": [{ organisationId: trust, role: "LEAD" }],
    "CLINICAL_APPROVER at the trust": [{ organisationId: trust, role: "CLINICAL_APPROVER" }],
    "BOARD at the trust, linked to a second lead of the activity": [{ organisationId: trust, role: "BOARD" }],
    "ADMIN at the trust": [{ organisationId: trust, role: "ADMIN" }],
    "FINANCE at the ICB, system-wide": [{ organisationId: ours.icb.id, role: "FINANCE", systemWide: true }],
    "FINANCE at the ICB, not system-wide": [{ organisationId: ours.icb.id, role: "FINANCE" }],
    "FINANCE at another trust of the system": [{ organisationId: ours.trusts[1]!.id, role: "FINANCE" }],
    "FINANCE at another system's ICB, system-wide": [
      { organisationId: theirs.icb.id, role: "FINANCE", systemWide: true },
    ],
  };
  const actors = {} as Record<ProgrammeActorKey, Actor>;
  for (const key of PROGRAMME_ACTORS) actors[key] = await createActor(grants[key], client);
  const lead = (userId: string | null, systemId = ours.system.id) => createLeadRow({ systemId, userId }, client);
  return {
    systemId: ours.system.id,
    icbId: ours.icb.id,
    trustId: trust,
    otherTrustId: ours.trusts[1]!.id,
    otherSystemId: theirs.system.id,
    otherIcbId: theirs.icb.id,
    actors,
    ownLeadId: (await lead(actors["LEAD at the trust, linked to the activity's lead"].userId)).id,
    boardLeadId: (await lead(actors["BOARD at the trust, linked to a second lead of the activity"].userId)).id,
    otherLeadId: (await lead(actors["LEAD at the trust, linked to another lead"].userId)).id,
    foreignLeadId: (await lead(null, theirs.system.id)).id,
  };
}

export { countChanges } from "../helpers/authorization-matrix";

/* ----------------------------------------------------------------------------------------------
 * Authorization matrices: one use case, run as each actor of PROGRAMME_ACTORS.
 * -------------------------------------------------------------------------------------------- */

export type Outcome = "allowed" | "FORBIDDEN" | "NOT_FOUND";

/** Expected outcome per actor: those listed allowed or NOT_FOUND, every other actor FORBIDDEN. */
export function outcomes(
  allowed: readonly ProgrammeActorKey[],
  notFound: readonly ProgrammeActorKey[] = [],
): Record<ProgrammeActorKey, Outcome> {
  return Object.fromEntries(
    PROGRAMME_ACTORS.map((key) => [
      key,
      allowed.includes(key) ? "allowed" : notFound.includes(key) ? "NOT_FOUND" : "FORBIDDEN",
    ]),
  ) as Record<ProgrammeActorKey, Outcome>;
}

/** What a successful run wrote, to match against its audit event. */
export interface Written {
  entityId: string;
}

export interface Prepared {
  raw: Record<string, unknown>;
  /** The organisation the audit event must name: the programme's owner (null for a system's). */
  organisationId: string | null;
  /** The state a refused run must leave untouched (the target row and its children). */
  snapshot: () => Promise<unknown>;
  /** After a successful run: the change is in the database. */
  verify: (written: Written) => Promise<void>;
}

export interface MatrixSpec {
  name: string;
  expected: Record<ProgrammeActorKey, Outcome>;
  action: string;
  entityType: string;
  /** Row-count changes of a successful run, audit_event's +1 included. */
  changes: Record<string, number>;
  prepare: () => Promise<Prepared>;
  run: (actor: Actor, raw: Record<string, unknown>) => Promise<ActionResult<Written>>;
}

/** Runs one cell of a matrix and checks it: the change and one audit event, or nothing at all. */
export async function checkMatrixCell(spec: MatrixSpec, actor: Actor, expected: Outcome): Promise<void> {
  await checkWriteCell({ ...spec, entityIdOf: (written: Written) => written.entityId }, actor, expected);
}
