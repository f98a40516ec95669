import type { PrismaClient } from "@/generated/prisma/client";
import type { RiskActionStatus, RiskCategory, RiskStatus } from "@/generated/prisma/enums";
import type { Actor } from "@/server/auth/actor";
import { db } from "@/server/db";
import { checkWriteCell } from "../helpers/authorization-matrix";
import type { ActionResult } from "../helpers/db-state";
import { createActor, createSystemWithOrganisations, uniqueToken, type RoleGrant } from "./index";
import { createProgrammeRow } from "./programmes";

/**
 * Risk and risk-action rows for tests, written straight to the database (no use case, no
 * audit event, no score history), with scores derived from the ratings as the use cases do.
 */

export type Rating = [likelihood: number, consequence: number];

export interface RiskRowInput {
  programmeId: string;
  ownerId: string;
  workstreamId?: string | null;
  title?: string;
  cause?: string;
  event?: string;
  effect?: string;
  category?: RiskCategory;
  /** Defaults to current. */
  inherent?: Rating;
  current?: Rating;
  /** Defaults to current. */
  target?: Rating;
  /** "YYYY-MM-DD"; defaults to 2099-01-01 (never overdue). */
  reviewDate?: string;
  status?: RiskStatus;
  closureReason?: string;
}

export async function createRiskRow(input: RiskRowInput, client: PrismaClient = db()) {
  const current = input.current ?? [3, 3];
  const target = input.target ?? current;
  const inherent = input.inherent ?? current;
  const closed = input.status === "CLOSED";
  return client.risk.create({
    data: {
      programmeId: input.programmeId,
      workstreamId: input.workstreamId ?? null,
      title: input.title ?? `Risk ${uniqueToken()}`,
      cause: input.cause ?? "Something causes it",
      event: input.event ?? "Something happens",
      effect: input.effect ?? "Something follows",
      ownerId: input.ownerId,
      category: input.category ?? "FINANCIAL",
      inherentLikelihood: inherent[0],
      inherentConsequence: inherent[1],
      currentLikelihood: current[0],
      currentConsequence: current[1],
      targetLikelihood: target[0],
      targetConsequence: target[1],
      currentScore: current[0] * current[1],
      targetScore: target[0] * target[1],
      reviewDate: new Date(`${input.reviewDate ?? "2099-01-01"}T00:00:00.000Z`),
      status: input.status ?? "OPEN",
      closureReason: closed ? (input.closureReason ?? "Mitigated") : null,
      closedAt: closed ? new Date() : null,
    },
  });
}

export async function createRiskActionRow(
  input: { riskId: string; ownerId: string; dueDate?: string; status?: RiskActionStatus; description?: string },
  client: PrismaClient = db(),
) {
  return client.riskAction.create({
    data: {
      riskId: input.riskId,
      ownerId: input.ownerId,
      description: input.description ?? `Action ${uniqueToken()}`,
      dueDate: new Date(`${input.dueDate ?? "2099-01-01"}T00:00:00.000Z`),
      status: input.status ?? "OPEN",
      completedAt: input.status === "DONE" ? new Date() : null,
    },
  });
}

/** A complete, valid createRisk form (strings, as a browser sends them): current 3x3, target 2x2. */
export function riskForm(
  programmeId: string,
  ownerId: string,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    programmeId,
    title: `Agency spend above cap ${uniqueToken()}`,
    cause: "High vacancy rates in acute specialties",
    event: "Rota gaps are filled by agency staff above the cap",
    effect: "Premium pay savings fall short of plan",
    ownerId,
    category: "FINANCIAL",
    inherentLikelihood: "4",
    inherentConsequence: "4",
    currentLikelihood: "3",
    currentConsequence: "3",
    targetLikelihood: "2",
    targetConsequence: "2",
    reviewDate: "2026-12-31",
    ...overrides,
  };
}

/** The updateRisk form of an existing row, with changes. */
export function riskUpdateForm(
  risk: Awaited<ReturnType<typeof createRiskRow>>,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    riskId: risk.id,
    version: String(risk.version),
    title: risk.title,
    cause: risk.cause,
    event: risk.event,
    effect: risk.effect,
    ownerId: risk.ownerId,
    category: risk.category,
    inherentLikelihood: String(risk.inherentLikelihood),
    inherentConsequence: String(risk.inherentConsequence),
    currentLikelihood: String(risk.currentLikelihood),
    currentConsequence: String(risk.currentConsequence),
    targetLikelihood: String(risk.targetLikelihood),
    targetConsequence: String(risk.targetConsequence),
    reviewDate: risk.reviewDate.toISOString().slice(0, 10),
    ...overrides,
  };
}

/* ----------------------------------------------------------------------------------------------
 * The risk authorization matrix: one use case, run as each of RISK_ACTORS.
 * -------------------------------------------------------------------------------------------- */

export const RISK_ACTORS = [
  "FINANCE at the trust",
  "LEAD at the trust, the risk's owner",
  "LEAD at the trust, not the owner",
  "CLINICAL_APPROVER at the trust",
  "BOARD at the trust",
  "ADMIN at the trust",
  "FINANCE at the ICB, system-wide",
  "FINANCE at another trust of the system",
  "FINANCE at another system's ICB, system-wide",
] as const;
export type RiskActorKey = (typeof RISK_ACTORS)[number];

export interface RiskWorld {
  systemId: string;
  icbId: string;
  trustId: string;
  otherTrustId: string;
  otherSystemId: string;
  otherIcbId: string;
  actors: Record<RiskActorKey, Actor>;
  /** A trust programme and a system (shared) programme of our system. */
  trustProgrammeId: string;
  systemProgrammeId: string;
  /** An active LEAD of the other system, to try as an owner from outside. */
  foreignUserId: string;
}

/** Two systems: ours (ICB + two trusts, a trust and a system programme) and another, one actor per matrix row. */
export async function createRiskWorld(client: PrismaClient = db()): Promise<RiskWorld> {
  const ours = await createSystemWithOrganisations({ trusts: 2 }, client);
  const theirs = await createSystemWithOrganisations({ trusts: 1 }, client);
  const trust = ours.trusts[0]!.id;
  const grants: Record<RiskActorKey, RoleGrant[]> = {
    "FINANCE at the trust": [{ organisationId: trust, role: "FINANCE" }],
    "LEAD at the trust, the risk's owner": [{ organisationId: trust, role: "LEAD" }],
    "LEAD at the trust, not the owner": [{ organisationId: trust, role: "LEAD" }],
    "CLINICAL_APPROVER at the trust": [{ organisationId: trust, role: "CLINICAL_APPROVER" }],
    "BOARD at the trust": [{ organisationId: trust, role: "BOARD" }],
    "ADMIN at the trust": [{ organisationId: trust, role: "ADMIN" }],
    "FINANCE at the ICB, system-wide": [{ organisationId: ours.icb.id, role: "FINANCE", systemWide: true }],
    "FINANCE at another trust of the system": [{ organisationId: ours.trusts[1]!.id, role: "FINANCE" }],
    "FINANCE at another system's ICB, system-wide": [
      { organisationId: theirs.icb.id, role: "FINANCE", systemWide: true },
    ],
  };
  const actors = {} as Record<RiskActorKey, Actor>;
  for (const key of RISK_ACTORS) actors[key] = await createActor(grants[key], client);
  const foreign = await createActor([{ organisationId: theirs.trusts[0]!.id, role: "LEAD" }], client);
  return {
    systemId: ours.system.id,
    icbId: ours.icb.id,
    trustId: trust,
    otherTrustId: ours.trusts[1]!.id,
    otherSystemId: theirs.system.id,
    otherIcbId: theirs.icb.id,
    actors,
    trustProgrammeId: (await createProgrammeRow({ systemId: ours.system.id, organisationId: trust }, client)).id,
    systemProgrammeId: (await createProgrammeRow({ systemId: ours.system.id, organisationId: null }, client)).id,
    foreignUserId: foreign.userId,
  };
}

/** A refused write: FORBIDDEN or NOT_FOUND, or a field error (code INVALID) on the named field. */
export type RiskOutcome = "allowed" | "FORBIDDEN" | "NOT_FOUND" | { invalid: string };

/** Expected outcome per actor: `allowed` allowed, `notFound` NOT_FOUND, `special` as given, every other FORBIDDEN. */
export function riskOutcomes(
  allowed: readonly RiskActorKey[],
  notFound: readonly RiskActorKey[],
  special: Partial<Record<RiskActorKey, RiskOutcome>> = {},
): Record<RiskActorKey, RiskOutcome> {
  return Object.fromEntries(
    RISK_ACTORS.map((key) => [
      key,
      special[key] ?? (allowed.includes(key) ? "allowed" : notFound.includes(key) ? "NOT_FOUND" : "FORBIDDEN"),
    ]),
  ) as Record<RiskActorKey, RiskOutcome>;
}

export interface RiskWritten {
  /** The audit event's entity: always the risk. */
  riskId: string;
}

export interface RiskPrepared {
  raw: Record<string, unknown>;
  /** The programme's organisation (null for a system programme): the audit event names it. */
  organisationId: string | null;
  /** The state a refused run must leave untouched. */
  snapshot: () => Promise<unknown>;
  /** After a successful run: the change is in the database. */
  verify: (written: RiskWritten, actor: Actor) => Promise<void>;
}

export interface RiskMatrixSpec {
  name: string;
  expected: Record<RiskActorKey, RiskOutcome>;
  action: string;
  /** Row-count changes of a successful run, audit_event's +1 included. */
  changes: Record<string, number>;
  prepare: () => Promise<RiskPrepared>;
  run: (actor: Actor, raw: Record<string, unknown>) => Promise<ActionResult<RiskWritten>>;
}

/** Runs one cell: the change, one audit event (action, actor, risk, organisation) — or nothing at all. */
export async function checkRiskCell(spec: RiskMatrixSpec, actor: Actor, expected: RiskOutcome): Promise<void> {
  await checkWriteCell(
    { ...spec, entityType: "risk", entityIdOf: (written: RiskWritten) => written.riskId },
    actor,
    expected,
  );
}

/** A risk with its actions and score history, for "nothing changed" snapshots. */
export function riskState(riskId: string) {
  return () =>
    db().risk.findUniqueOrThrow({
      where: { id: riskId },
      include: { actions: { orderBy: { id: "asc" } }, scoreChanges: { orderBy: { id: "asc" } } },
    });
}
