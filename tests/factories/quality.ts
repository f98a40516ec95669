import type { ClinicalCapacity, EiaStatus, ImpactDirection, QiaStatus, SignOffOutcome } from "@/generated/prisma/enums";
import type { Actor } from "@/server/auth/actor";
import { db } from "@/server/db";
import { checkWriteCell, type CellOutcome } from "../helpers/authorization-matrix";
import type { ActionResult } from "../helpers/db-state";
import { createActor } from "./index";
import { SCHEME_ACTORS, createSchemeRow, createSchemeWorld, type SchemeActorKey, type SchemeWorld } from "./schemes";

/**
 * QIA and EIA rows for tests, written straight to the database (no use case, no audit event),
 * and the actors of the quality matrix: the scheme actors plus a medical and a nursing clinical
 * approver at the trust and a clinical approver who leads the scheme.
 */

export const QUALITY_ACTORS = [
  ...SCHEME_ACTORS,
  "MEDICAL approver at the trust",
  "NURSING approver at the trust",
  "CLINICAL_APPROVER at the trust, the scheme's lead",
] as const;
export type QualityActorKey = (typeof QUALITY_ACTORS)[number];

export interface QualityWorld extends Omit<SchemeWorld, "actors"> {
  actors: Record<QualityActorKey, Actor>;
  /** The clinical approver (medical) who also leads schemes at the trust. */
  approverLeadId: string;
}

export async function createQualityWorld(): Promise<QualityWorld> {
  const base = await createSchemeWorld();
  const trust = base.trustId;
  const approverLead = await createActor([
    { organisationId: trust, role: "LEAD" },
    { organisationId: trust, role: "CLINICAL_APPROVER", clinicalCapacity: "MEDICAL" },
  ]);
  const actors: Record<QualityActorKey, Actor> = {
    ...base.actors,
    "MEDICAL approver at the trust": await createActor([
      { organisationId: trust, role: "CLINICAL_APPROVER", clinicalCapacity: "MEDICAL" },
    ]),
    "NURSING approver at the trust": await createActor([
      { organisationId: trust, role: "CLINICAL_APPROVER", clinicalCapacity: "NURSING" },
    ]),
    "CLINICAL_APPROVER at the trust, the scheme's lead": approverLead,
  };
  return { ...base, actors, approverLeadId: approverLead.userId };
}

/** The lead of the scheme a matrix cell acts on: the lead-approver leads their own. */
export function leadFor(w: QualityWorld, key: QualityActorKey): string {
  return key === "CLINICAL_APPROVER at the trust, the scheme's lead" ? w.approverLeadId : w.leadId;
}

export async function newScheme(w: QualityWorld, leadId = w.leadId) {
  return createSchemeRow({ organisationId: w.trustId, leadId });
}

export async function activeDimensions() {
  return db().qualityDimension.findMany({ where: { active: true }, orderBy: { sortOrder: "asc" } });
}

export type Answer = [impact: ImpactDirection, likelihood: number, consequence: number];

/** "low": every dimension none 1x1. "full": the first dimension negative 3x4 (12 > 8), the rest none. */
export type ScreeningPreset = "none" | "low" | "full";

export async function presetAnswers(preset: ScreeningPreset): Promise<Map<string, Answer>> {
  const dims = await activeDimensions();
  const answers = new Map<string, Answer>();
  if (preset === "none") return answers;
  dims.forEach((d, i) => answers.set(d.id, preset === "full" && i === 0 ? ["NEGATIVE", 3, 4] : ["NONE", 1, 1]));
  return answers;
}

export interface QiaRowInput {
  schemeId: string;
  createdById: string;
  number?: number;
  status?: QiaStatus;
  threshold?: number;
  screening?: ScreeningPreset;
  /** Fill the full QIA (description, mitigations, residual 2x3, summary, review date) and one indicator. */
  fullDetails?: boolean;
  reviewDate?: Date | null;
  signOffs?: { userId: string; capacity: ClinicalCapacity; outcome: SignOffOutcome; conditions?: string[] }[];
  committeeOverride?: string | null;
  version?: number;
}

export async function createQiaRow(input: QiaRowInput) {
  const screening = input.screening ?? "none";
  const answers = await presetAnswers(screening);
  const details = input.fullDetails ?? false;
  const qia = await db().qualityAssessment.create({
    data: {
      schemeId: input.schemeId,
      number: input.number ?? 1,
      status: input.status ?? "DRAFT",
      threshold: input.threshold ?? 8,
      screeningComplete: screening !== "none",
      fullRequired: screening === "full",
      impactSummary: details ? "Fewer agency nurses on the wards; continuity of care protected by the bank." : null,
      reviewDate: input.reviewDate !== undefined ? input.reviewDate : details ? new Date(Date.UTC(2099, 0, 1)) : null,
      committeeOverride: input.committeeOverride ?? null,
      version: input.version ?? 1,
      createdById: input.createdById,
      dimensions: {
        create: [...answers].map(([dimensionId, [impact, likelihood, consequence]]) => {
          const above = impact === "NEGATIVE";
          return {
            dimensionId,
            impact,
            likelihood,
            consequence,
            ...(details && above
              ? {
                  description: "Fewer experienced staff on night shifts",
                  mitigations: "Bank staff inducted on each ward",
                  residualLikelihood: 2,
                  residualConsequence: 3,
                }
              : {}),
          };
        }),
      },
    },
  });
  if (details) {
    await db().kpi.create({
      data: {
        schemeId: input.schemeId,
        qualityIndicator: true,
        name: "Falls per 1,000 bed days",
        unit: "rate",
        direction: "LOWER_IS_BETTER",
        baseline: "6.1",
        target: "6.1",
      },
    });
  }
  for (const s of input.signOffs ?? []) {
    await db().qualitySignOff.create({
      data: {
        assessmentId: qia.id,
        userId: s.userId,
        capacity: s.capacity,
        outcome: s.outcome,
        conditions: { create: (s.conditions ?? []).map((description) => ({ schemeId: input.schemeId, description })) },
      },
    });
  }
  return qia;
}

/** A full QIA signed by both (medical with one condition) and approved with conditions. */
export async function createSignedQia(w: QualityWorld, schemeId: string, extra: Partial<QiaRowInput> = {}) {
  return createQiaRow({
    schemeId,
    createdById: w.leadId,
    screening: "full",
    fullDetails: true,
    status: "APPROVED_WITH_CONDITIONS",
    signOffs: [
      {
        userId: w.actors["MEDICAL approver at the trust"].userId,
        capacity: "MEDICAL",
        outcome: "APPROVED_WITH_CONDITIONS",
        conditions: ["Monthly falls audit to the quality committee"],
      },
      { userId: w.actors["NURSING approver at the trust"].userId, capacity: "NURSING", outcome: "APPROVED" },
    ],
    ...extra,
  });
}

export interface EiaRowInput {
  schemeId: string;
  status?: EiaStatus;
  /** "negative": age negative, the rest none (full EIA required). */
  screening?: "none" | "no-impact" | "negative";
  full?: boolean;
  signedOffById?: string;
}

export async function createEiaRow(input: EiaRowInput) {
  const screening = input.screening ?? "none";
  const characteristics = [
    "AGE",
    "DISABILITY",
    "GENDER_REASSIGNMENT",
    "MARRIAGE_CIVIL_PARTNERSHIP",
    "PREGNANCY_MATERNITY",
    "RACE",
    "RELIGION_BELIEF",
    "SEX",
    "SEXUAL_ORIENTATION",
  ] as const;
  return db().equalityAssessment.create({
    data: {
      schemeId: input.schemeId,
      status: input.status ?? "DRAFT",
      screeningComplete: screening !== "none",
      fullRequired: screening === "negative",
      analysis: input.full ? "Older patients rely more on ward continuity." : null,
      mitigations: input.full ? "Named nurse for patients over 80." : null,
      engagement: input.full ? "Age UK East London consulted." : null,
      signedOffById: input.signedOffById ?? null,
      signedOffAt: input.signedOffById ? new Date() : null,
      screening:
        screening === "none"
          ? undefined
          : {
              create: characteristics.map((characteristic, i) => ({
                characteristic,
                impact: screening === "negative" && i === 0 ? "NEGATIVE" : "NONE",
              })),
            },
    },
  });
}

/** The raw screening form: every active dimension answered per the preset (or `answers`). */
export async function screeningForm(
  assessmentId: string,
  version: number,
  answers?: Map<string, Answer>,
  preset: ScreeningPreset = "full",
) {
  const raw: Record<string, unknown> = { assessmentId, version: String(version) };
  for (const [id, [impact, likelihood, consequence]] of answers ?? (await presetAnswers(preset))) {
    raw[`impact.${id}`] = impact;
    raw[`likelihood.${id}`] = String(likelihood);
    raw[`consequence.${id}`] = String(consequence);
  }
  return raw;
}

export function eiaScreeningForm(assessmentId: string, version: number, negative: string[] = []) {
  const raw: Record<string, unknown> = { assessmentId, version: String(version) };
  for (const c of [
    "AGE",
    "DISABILITY",
    "GENDER_REASSIGNMENT",
    "MARRIAGE_CIVIL_PARTNERSHIP",
    "PREGNANCY_MATERNITY",
    "RACE",
    "RELIGION_BELIEF",
    "SEX",
    "SEXUAL_ORIENTATION",
  ]) {
    raw[`impact.${c}`] = negative.includes(c) ? "NEGATIVE" : "NONE";
  }
  return raw;
}

/** Everything quality-related about a scheme: what a refused write must leave untouched. */
export async function qualityState(schemeId: string) {
  return Promise.all([
    db().qualityAssessment.findMany({
      where: { schemeId },
      orderBy: { number: "asc" },
      include: {
        dimensions: { orderBy: { dimensionId: "asc" } },
        signOffs: { orderBy: { capacity: "asc" }, include: { conditions: true } },
        reviews: true,
      },
    }),
    db().kpi.findMany({ where: { schemeId }, orderBy: { id: "asc" } }),
    db().equalityAssessment.findUnique({
      where: { schemeId },
      include: { screening: { orderBy: { characteristic: "asc" } } },
    }),
  ]);
}

/* ----------------------------------------------------------------------------------------------
 * Authorization matrix
 * -------------------------------------------------------------------------------------------- */

export function qualityOutcomes(
  allowed: readonly QualityActorKey[],
  other: Partial<Record<QualityActorKey, CellOutcome>> = {},
): Record<QualityActorKey, CellOutcome> {
  const hidden: Partial<Record<QualityActorKey, CellOutcome>> = {
    "FINANCE at another trust of the system": "NOT_FOUND",
    "FINANCE at another system's ICB, system-wide": "NOT_FOUND",
  };
  return Object.fromEntries(
    QUALITY_ACTORS.map((key) => [key, allowed.includes(key) ? "allowed" : (other[key] ?? hidden[key] ?? "FORBIDDEN")]),
  ) as Record<QualityActorKey, CellOutcome>;
}

export interface QualityMatrixSpec {
  name: string;
  expected: Record<QualityActorKey, CellOutcome>;
  action: string;
  entityType: string;
  changes: Record<string, number>;
  /** Sets up the row the action works on, for a scheme led by `leadId`. */
  prepare: (leadId: string) => Promise<{
    raw: Record<string, unknown>;
    schemeId: string;
    verify: (entityId: string, actor: Actor) => Promise<void>;
  }>;
  run: (actor: Actor, raw: Record<string, unknown>) => Promise<ActionResult<{ entityId: string }>>;
}

export async function checkQualityCell(w: QualityWorld, spec: QualityMatrixSpec, key: QualityActorKey): Promise<void> {
  const prepare = async () => {
    const prepared = await spec.prepare(leadFor(w, key));
    return {
      raw: prepared.raw,
      organisationId: w.trustId,
      snapshot: () => qualityState(prepared.schemeId),
      verify: (written: { entityId: string }, who: Actor) => prepared.verify(written.entityId, who),
    };
  };
  await checkWriteCell(
    { ...spec, prepare, entityIdOf: (written) => written.entityId },
    w.actors[key],
    spec.expected[key],
  );
}

export type { SchemeActorKey };
