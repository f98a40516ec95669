import { expect } from "vitest";
import type { SchemeStage } from "@/generated/prisma/enums";
import type { Actor } from "@/server/auth/actor";
import { db } from "@/server/db";
import { checkWriteCell } from "../helpers/authorization-matrix";
import { auditEventsAfter, lastAuditId, rowCounts, type ActionResult } from "../helpers/db-state";
import { createActor, createDivision, createSystemWithOrganisations, uniqueToken, type RoleGrant } from "./index";

/**
 * Schemes for the scheme and financials tests: a world of actors around one trust, scheme rows
 * written straight to the database (no use case, no audit event), and an authorization-matrix
 * runner that checks a refused write left everything as it was.
 */

/** 15 July 2025: M1-M3 of 2025/26 have ended, M4 (July) is under way, M5 onwards not started. */
export const NOW = new Date(Date.UTC(2025, 6, 15, 12));
export const FY = 2025;

export const SCHEME_ACTORS = [
  "FINANCE at the trust",
  "LEAD at the trust, the scheme's lead",
  "LEAD at the trust, not the scheme's lead",
  "CLINICAL_APPROVER at the trust",
  "BOARD at the trust",
  "ADMIN at the trust",
  "FINANCE at the ICB, system-wide",
  "FINANCE at another trust of the system",
  "FINANCE at another system's ICB, system-wide",
] as const;
export type SchemeActorKey = (typeof SCHEME_ACTORS)[number];

export interface SchemeWorld {
  systemId: string;
  icbId: string;
  trustId: string;
  otherTrustId: string;
  divisionId: string;
  /** A division of the other trust. */
  otherDivisionId: string;
  actors: Record<SchemeActorKey, Actor>;
  /** The user id of "LEAD at the trust, the scheme's lead". */
  leadId: string;
}

export async function createSchemeWorld(): Promise<SchemeWorld> {
  const ours = await createSystemWithOrganisations({ trusts: 2 });
  const theirs = await createSystemWithOrganisations({ trusts: 1 });
  const trust = ours.trusts[0]!.id;
  const grants: Record<SchemeActorKey, RoleGrant[]> = {
    "FINANCE at the trust": [{ organisationId: trust, role: "FINANCE" }],
    "LEAD at the trust, the scheme's lead": [{ organisationId: trust, role: "LEAD" }],
    "LEAD at the trust, not the scheme's lead": [{ organisationId: trust, role: "LEAD" }],
    "CLINICAL_APPROVER at the trust": [{ organisationId: trust, role: "CLINICAL_APPROVER" }],
    "BOARD at the trust": [{ organisationId: trust, role: "BOARD" }],
    "ADMIN at the trust": [{ organisationId: trust, role: "ADMIN" }],
    "FINANCE at the ICB, system-wide": [{ organisationId: ours.icb.id, role: "FINANCE", systemWide: true }],
    "FINANCE at another trust of the system": [{ organisationId: ours.trusts[1]!.id, role: "FINANCE" }],
    "FINANCE at another system's ICB, system-wide": [
      { organisationId: theirs.icb.id, role: "FINANCE", systemWide: true },
    ],
  };
  const actors = {} as Record<SchemeActorKey, Actor>;
  for (const key of SCHEME_ACTORS) actors[key] = await createActor(grants[key]);
  return {
    systemId: ours.system.id,
    icbId: ours.icb.id,
    trustId: trust,
    otherTrustId: ours.trusts[1]!.id,
    divisionId: (await createDivision({ organisationId: trust })).id,
    otherDivisionId: (await createDivision({ organisationId: ours.trusts[1]!.id })).id,
    actors,
    leadId: actors["LEAD at the trust, the scheme's lead"].userId,
  };
}

/** A scheme row with the next free number at its organisation (call one at a time per organisation). */
export async function createSchemeRow(input: {
  organisationId: string;
  leadId: string;
  stage?: SchemeStage;
  financialYear?: number;
  title?: string;
}) {
  const last = await db().scheme.aggregate({
    where: { organisationId: input.organisationId },
    _max: { codeNumber: true },
  });
  const codeNumber = (last._max.codeNumber ?? 0) + 1;
  return db().scheme.create({
    data: {
      organisationId: input.organisationId,
      leadId: input.leadId,
      code: `TEST-CIP-${codeNumber}`,
      codeNumber,
      type: "CIP",
      title: input.title ?? `Scheme ${uniqueToken()}`,
      description: "Reduce agency spend",
      category: "PAY",
      recurrent: true,
      financialYear: input.financialYear ?? FY,
      fullYearEffectPence: 12_000_000n,
      inYearValuePence: 9_000_000n,
      stage: input.stage ?? "PLANNING",
    },
  });
}

type Money = bigint | null;

/** Stores plan/forecast/actual (pence) of some months directly. */
export async function setMonthRows(
  schemeId: string,
  financialYear: number,
  rows: { month: number; plan?: Money; forecast?: Money; actual?: Money }[],
) {
  for (const r of rows) {
    const values = { planPence: r.plan ?? null, forecastPence: r.forecast ?? null, actualPence: r.actual ?? null };
    await db().schemeMonth.upsert({
      where: { schemeId_financialYear_month: { schemeId, financialYear, month: r.month } },
      create: { schemeId, financialYear, month: r.month, ...values },
      update: values,
    });
  }
}

export async function closeMonthRow(organisationId: string, financialYear: number, month: number, closedById: string) {
  return db().periodClose.create({ data: { organisationId, financialYear, month, closedById } });
}

/** The scheme with its months and updates: what a refused write must leave untouched. */
export function schemeState(schemeId: string) {
  return db().scheme.findUniqueOrThrow({
    where: { id: schemeId },
    include: {
      months: { orderBy: [{ financialYear: "asc" }, { month: "asc" }] },
      updates: { orderBy: { submittedAt: "asc" } },
    },
  });
}

/** The raw form of a valid new scheme at an organisation. */
export function schemeForm(organisationId: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    organisationId,
    title: `Agency reduction ${uniqueToken()}`,
    description: "Convert agency shifts to bank",
    category: "PAY",
    subCategory: "Agency",
    recurrent: "true",
    cashReleasing: "on",
    financialYear: "2025/26",
    fullYearEffect: "450,000",
    inYearValue: "£300,000.50",
    startMonth: "4",
    wteSubstantive: "0",
    wteBank: "-2.5",
    wteAgency: "4",
    ...overrides,
  };
}

/* ----------------------------------------------------------------------------------------------
 * Authorization matrix
 * -------------------------------------------------------------------------------------------- */

export type Outcome = "allowed" | "FORBIDDEN" | "NOT_FOUND" | "INVALID";

export function schemeOutcomes(
  allowed: readonly SchemeActorKey[],
  other: Partial<Record<SchemeActorKey, Outcome>> = {},
): Record<SchemeActorKey, Outcome> {
  return Object.fromEntries(
    SCHEME_ACTORS.map((key) => [key, allowed.includes(key) ? "allowed" : (other[key] ?? "FORBIDDEN")]),
  ) as Record<SchemeActorKey, Outcome>;
}

export interface SchemeMatrixSpec {
  name: string;
  expected: Record<SchemeActorKey, Outcome>;
  action: string;
  entityType: string;
  /** Row-count changes of an allowed run, audit_event's +1 included. */
  changes: Record<string, number>;
  prepare: () => Promise<{
    raw: Record<string, unknown>;
    organisationId: string;
    snapshot: () => Promise<unknown>;
    verify: (entityId: string, actor: Actor) => Promise<void>;
  }>;
  run: (actor: Actor, raw: Record<string, unknown>) => Promise<ActionResult<{ entityId: string }>>;
}

/** One matrix cell: an allowed run writes its change and one audit event; a refused one nothing at all. */
export async function checkSchemeCell(spec: SchemeMatrixSpec, actor: Actor, expected: Outcome): Promise<void> {
  const prepare = async () => {
    const prepared = await spec.prepare();
    return {
      ...prepared,
      verify: (written: { entityId: string }, who: Actor) => prepared.verify(written.entityId, who),
    };
  };
  await checkWriteCell({ ...spec, prepare, entityIdOf: (written) => written.entityId }, actor, expected);
}

/* ----------------------------------------------------------------------------------------------
 * Refused writes
 * -------------------------------------------------------------------------------------------- */

function everything() {
  return Promise.all([
    rowCounts(),
    db().scheme.findMany({
      orderBy: { id: "asc" },
      include: { months: { orderBy: [{ financialYear: "asc" }, { month: "asc" }] }, updates: true },
    }),
    db().periodClose.findMany({ orderBy: [{ organisationId: "asc" }, { financialYear: "asc" }, { month: "asc" }] }),
    db().savingsTarget.findMany({ orderBy: [{ organisationId: "asc" }, { financialYear: "asc" }] }),
  ]);
}

/** Runs `attempt` and checks it wrote nothing: no row, no audit event, schemes and their figures as they were. */
export async function writesNothing<T>(attempt: () => Promise<ActionResult<T>>): Promise<ActionResult<T>> {
  const before = await everything();
  const lastId = await lastAuditId();
  const result = await attempt();
  expect(result.ok, JSON.stringify(result)).toBe(false);
  expect(await everything()).toEqual(before);
  expect(await auditEventsAfter(lastId)).toEqual([]);
  return result;
}

/** A refusal with exactly these fields at fault, each message matching. */
export function expectFieldErrors(
  result: ActionResult<unknown>,
  code: string,
  expected: Record<string, string | RegExp>,
) {
  expect(result).toMatchObject({ ok: false, code });
  if (result.ok) return;
  const errors = result.fieldErrors ?? {};
  expect(Object.keys(errors).sort(), JSON.stringify(errors)).toEqual(Object.keys(expected).sort());
  for (const [field, message] of Object.entries(expected)) expect(errors[field]?.join(" | ")).toMatch(message);
}
