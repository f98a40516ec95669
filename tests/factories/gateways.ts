import { expect } from "vitest";
import type { Gate } from "@/modules/gateways/gateway-rules";
import type { Actor } from "@/server/auth/actor";
import { db } from "@/server/db";
import { countChanges } from "../helpers/authorization-matrix";
import { auditEventsAfter, lastAuditId, rowCounts, type ActionResult } from "../helpers/db-state";
import { createActor, uniqueToken } from "./index";
import { createProgrammeRow, createWorkstreamRow } from "./programmes";
import { FY, NOW, SCHEME_ACTORS, createSchemeWorld, type SchemeWorld } from "./schemes";

/**
 * Schemes in a known gateway state for the gateway tests, written straight to the database (no
 * use case, no audit event): ready for gate 1, 2 or 3 and, optionally, already submitted. Each
 * builder adds what its gate asks for (DESIGN.md section 3) on top of the previous gate's.
 */

export { FY, NOW };

const PROTECTED_CHARACTERISTICS = [
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

export const GATEWAY_ACTORS = [
  ...SCHEME_ACTORS,
  "PMO at the trust",
  "FINANCE director at the trust, the scheme's lead",
] as const;
export type GatewayActorKey = (typeof GATEWAY_ACTORS)[number];

export interface GatewayWorld extends SchemeWorld {
  /** The scheme actors plus the trust's PMO and a finance director who leads the scheme. */
  gatewayActors: Record<GatewayActorKey, Actor>;
  /** A nursing signatory at the trust (the world's clinical approver is the medical one). */
  nurse: Actor;
  programmeId: string;
  workstreamId: string;
}

export async function createGatewayWorld(): Promise<GatewayWorld> {
  const w = await createSchemeWorld();
  const pmo = await createActor([{ organisationId: w.trustId, role: "FINANCE", financeCapacity: "PMO" }]);
  const financeLead = await createActor([{ organisationId: w.trustId, role: "FINANCE", financeCapacity: "DIRECTOR" }]);
  const nurse = await createActor([
    { organisationId: w.trustId, role: "CLINICAL_APPROVER", clinicalCapacity: "NURSING" },
  ]);
  const programme = await createProgrammeRow({ systemId: w.systemId, organisationId: w.trustId });
  const workstream = await createWorkstreamRow({ programmeId: programme.id });
  return {
    ...w,
    gatewayActors: {
      ...w.actors,
      "PMO at the trust": pmo,
      "FINANCE director at the trust, the scheme's lead": financeLead,
    },
    nurse,
    programmeId: programme.id,
    workstreamId: workstream.id,
  };
}

/** The user who leads the matrix's scheme when this actor acts on it. */
export function leadFor(w: GatewayWorld, key: GatewayActorKey): string {
  return key === "FINANCE director at the trust, the scheme's lead" ? w.gatewayActors[key].userId : w.leadId;
}

/* ----------------------------------------------------------------------------------------------
 * Schemes in a known state
 * -------------------------------------------------------------------------------------------- */

export interface GatewaySchemeInput {
  leadId?: string;
  organisationId?: string;
  /** Default £120k: at or above the default £50k director threshold. */
  fullYearEffectPence?: bigint;
  /** Default £90k. */
  inYearValuePence?: bigint;
  /** QIA screening found a quality impact: gate 2 then needs both clinical sign-offs. */
  qiaFullRequired?: boolean;
  /** Status of the QIA (default: APPROVED when signed off for gate 2 with a full QIA, DRAFT otherwise). */
  qiaStatus?: "DRAFT" | "AWAITING_SIGN_OFF" | "APPROVED";
  /** The 12 months of plan (default: the in-year value spread evenly, the remainder in M12). */
  plan?: bigint[];
  /** Set: already submitted for the scheme's next gate at this moment. */
  submittedAt?: Date;
  title?: string;
}

/** The in-year value spread over 12 months, the remainder of the division in M12. */
export function evenPlan(inYearValuePence: bigint): bigint[] {
  const month = inYearValuePence / 12n;
  return Array.from({ length: 12 }, (_, i) => (i === 11 ? inYearValuePence - month * 11n : month));
}

async function insertScheme(
  w: GatewayWorld,
  input: GatewaySchemeInput,
  stage: "OPPORTUNITY" | "PLANNING" | "DELIVERY",
) {
  const organisationId = input.organisationId ?? w.trustId;
  const last = await db().scheme.aggregate({ where: { organisationId }, _max: { codeNumber: true } });
  const codeNumber = (last._max.codeNumber ?? 0) + 1;
  return db().scheme.create({
    data: {
      organisationId,
      divisionId: organisationId === w.trustId ? w.divisionId : null,
      workstreamId: w.workstreamId,
      leadId: input.leadId ?? w.leadId,
      code: `GW-CIP-${codeNumber}`,
      codeNumber,
      type: "CIP",
      title: input.title ?? `Gateway scheme ${uniqueToken()}`,
      description: "Convert agency shifts to bank",
      category: "PAY",
      subCategory: "Agency",
      recurrent: true,
      financialYear: FY,
      fullYearEffectPence: input.fullYearEffectPence ?? 12_000_000n,
      inYearValuePence: input.inYearValuePence ?? 9_000_000n,
      startMonth: stage === "OPPORTUNITY" ? null : 1,
      wteAgency: "-2.5",
      stage,
    },
  });
}

/** QIA screening answered (the six dimensions the migration inserted) and EIA screening answered. */
async function answerScreenings(
  w: GatewayWorld,
  schemeId: string,
  fullRequired: boolean,
  status: "DRAFT" | "AWAITING_SIGN_OFF" | "APPROVED",
) {
  const dimensions = await db().qualityDimension.findMany({ where: { active: true }, orderBy: { sortOrder: "asc" } });
  const qia = await db().qualityAssessment.create({
    data: {
      schemeId,
      number: 1,
      status,
      threshold: 8,
      screeningComplete: true,
      fullRequired,
      createdById: w.leadId,
      dimensions: {
        create: dimensions.map((d) =>
          fullRequired && d.key === "safe"
            ? // 3 x 4 = 12, above the threshold of 8: a full QIA; mitigated to 2 x 3 = 6.
              {
                dimensionId: d.id,
                impact: "NEGATIVE" as const,
                likelihood: 3,
                consequence: 4,
                description: "Fewer senior shifts at night",
                mitigations: "Escalation rota",
                residualLikelihood: 2,
                residualConsequence: 3,
              }
            : { dimensionId: d.id, impact: "NONE" as const, likelihood: 1, consequence: 1 },
        ),
      },
    },
  });
  await db().equalityAssessment.create({
    data: {
      schemeId,
      screeningComplete: true,
      fullRequired: false,
      screening: {
        create: PROTECTED_CHARACTERISTICS.map((characteristic) => ({ characteristic, impact: "NONE" as const })),
      },
    },
  });
  return qia;
}

export async function markSubmitted(schemeId: string, gate: Gate, at: Date = NOW) {
  return db().scheme.update({ where: { id: schemeId }, data: { submittedGate: gate, submittedAt: at } });
}

/** Stage OPPORTUNITY with every gate-1 field set and both screenings answered. */
export async function createGateOneReadyScheme(w: GatewayWorld, input: GatewaySchemeInput = {}) {
  const scheme = await insertScheme(w, input, "OPPORTUNITY");
  await answerScreenings(w, scheme.id, input.qiaFullRequired ?? false, input.qiaStatus ?? "DRAFT");
  return input.submittedAt ? markSubmitted(scheme.id, 1, input.submittedAt) : scheme;
}

/** Gate 2's additions on a scheme in `stage`: plan, milestone, KPI, a scheme risk, sign-offs. */
async function addGateTwoRows(
  w: GatewayWorld,
  scheme: { id: string; inYearValuePence: bigint },
  input: GatewaySchemeInput,
) {
  const fullRequired = input.qiaFullRequired ?? false;
  const qia = await answerScreenings(
    w,
    scheme.id,
    fullRequired,
    input.qiaStatus ?? (fullRequired ? "APPROVED" : "DRAFT"),
  );
  if (fullRequired) {
    await db().qualitySignOff.createMany({
      data: [
        {
          assessmentId: qia.id,
          capacity: "MEDICAL",
          userId: w.actors["CLINICAL_APPROVER at the trust"].userId,
          outcome: "APPROVED",
        },
        { assessmentId: qia.id, capacity: "NURSING", userId: w.nurse.userId, outcome: "APPROVED" },
      ],
    });
  }
  const plan = input.plan ?? evenPlan(scheme.inYearValuePence);
  await db().schemeMonth.createMany({
    data: plan.map((planPence, i) => ({ schemeId: scheme.id, financialYear: FY, month: i + 1, planPence })),
  });
  await db().schemeMilestone.create({
    data: { schemeId: scheme.id, description: "Bank rates agreed with staff side" },
  });
  await db().kpi.create({
    data: { schemeId: scheme.id, name: "Agency shifts per week", unit: "count", direction: "LOWER_IS_BETTER" },
  });
  await db().risk.create({
    data: {
      schemeId: scheme.id,
      title: "Bank fill rate too low",
      cause: "Staff prefer agency rates",
      event: "Shifts go unfilled",
      effect: "Agency spend continues",
      ownerId: input.leadId ?? w.leadId,
      category: "FINANCIAL",
      inherentLikelihood: 3,
      inherentConsequence: 3,
      currentLikelihood: 3,
      currentConsequence: 3,
      targetLikelihood: 2,
      targetConsequence: 2,
      currentScore: 9,
      targetScore: 4,
      reviewDate: new Date("2099-01-01T00:00:00Z"),
    },
  });
  return qia;
}

/** Stage PLANNING meeting every gate-2 criterion. */
export async function createGateTwoReadyScheme(w: GatewayWorld, input: GatewaySchemeInput = {}) {
  const scheme = await insertScheme(w, input, "PLANNING");
  await addGateTwoRows(w, scheme, input);
  return input.submittedAt ? markSubmitted(scheme.id, 2, input.submittedAt) : scheme;
}

/** Stage DELIVERY after gate 2 (plan locked, baseline #1) meeting every gate-3 criterion at NOW. */
export async function createGateThreeReadyScheme(
  w: GatewayWorld,
  input: GatewaySchemeInput & { benefitValidated?: boolean } = {},
) {
  const inserted = await insertScheme(w, input, "DELIVERY");
  const qia = await addGateTwoRows(w, inserted, input);
  const plan = input.plan ?? evenPlan(inserted.inYearValuePence);
  await db().planBaseline.create({
    data: {
      schemeId: inserted.id,
      number: 1,
      financialYear: FY,
      monthsPence: plan,
      createdById: w.actors["FINANCE at the trust"].userId,
    },
  });
  // NOW is 15 July 2025: M1-M3 of 2025/26 have ended.
  for (const month of [1, 2, 3]) {
    await db().schemeMonth.update({
      where: { schemeId_financialYear_month: { schemeId: inserted.id, financialYear: FY, month } },
      data: { actualPence: plan[month - 1]! - 10_000n },
    });
  }
  await db().qualityReview.create({
    data: {
      assessmentId: qia.id,
      reviewedById: w.actors["CLINICAL_APPROVER at the trust"].userId,
      findings: "No harm seen; guardrails green",
    },
  });
  const scheme = await db().scheme.update({
    where: { id: inserted.id },
    data: {
      planLockedAt: new Date(Date.UTC(2025, 3, 30)),
      benefitValidatedAt: input.benefitValidated === false ? null : new Date(Date.UTC(2025, 6, 1)),
    },
  });
  return input.submittedAt ? markSubmitted(scheme.id, 3, input.submittedAt) : scheme;
}

/** An approved gate-1 decision with one open condition (what meetGatewayCondition acts on). */
export async function createOpenCondition(w: GatewayWorld, schemeId: string) {
  const decision = await db().gatewayDecision.create({
    data: {
      schemeId,
      gate: 1,
      kind: "APPROVED",
      fromStage: "OPPORTUNITY",
      toStage: "PLANNING",
      schemeVersion: 1,
      decidedById: w.actors["FINANCE at the trust"].userId,
      conditions: { create: [{ schemeId, description: "Confirm bank rates with staff side" }] },
    },
    include: { conditions: true },
  });
  return decision.conditions[0]!;
}

/** The scheme and everything a gateway write may touch: what a refused write must leave as it was. */
export function gatewayState(schemeId: string) {
  return db().scheme.findUniqueOrThrow({
    where: { id: schemeId },
    include: {
      months: { orderBy: [{ financialYear: "asc" }, { month: "asc" }] },
      gatewayDecisions: { orderBy: { decidedAt: "asc" }, include: { conditions: true } },
      planBaselines: { orderBy: { number: "asc" } },
      milestones: { orderBy: { createdAt: "asc" } },
      kpis: { orderBy: { createdAt: "asc" } },
      conditions: { orderBy: { createdAt: "asc" } },
    },
  });
}

/* ----------------------------------------------------------------------------------------------
 * Authorization matrix
 * -------------------------------------------------------------------------------------------- */

export type GatewayOutcome = "allowed" | "FORBIDDEN" | "NOT_FOUND";

export interface GatewayCellSpec {
  name: string;
  expected: Record<GatewayActorKey, GatewayOutcome>;
  /** Audit action of an allowed run (the last event it writes). */
  action: string;
  /**
   * Audit action a refusal writes through the use case (withRefusalsAudited), or null when the
   * use case writes none (only authedAction's "access.denied" would, and it needs a request).
   */
  refusedAction: string | null;
  /** Row-count changes of an allowed run, audit_event included. */
  changes: Record<string, number>;
  /** A fresh scheme (led by `leadId`) and the raw form to send. */
  prepare: (leadId: string) => Promise<{
    schemeId: string;
    raw: Record<string, unknown>;
    verify: (actor: Actor) => Promise<void>;
    /** The record a refusal is audited against, when it is not the scheme (a condition). */
    refusedEntity?: { entityType: string; entityId: string };
  }>;
  run: (actor: Actor, raw: Record<string, unknown>) => Promise<ActionResult<unknown>>;
}

/**
 * One cell: an allowed run makes its change with the expected row counts and audit event; a
 * refused one leaves every table and the scheme as they were, and leaves exactly the refusal's
 * audit event (or none, for the writes whose use case does not audit refusals).
 */
export async function checkGatewayCell(w: GatewayWorld, spec: GatewayCellSpec, key: GatewayActorKey): Promise<void> {
  const actor = w.gatewayActors[key];
  const expected = spec.expected[key];
  const prepared = await spec.prepare(leadFor(w, key));
  const counts = await rowCounts();
  const lastId = await lastAuditId();
  const state = await gatewayState(prepared.schemeId);
  const result = await spec.run(actor, prepared.raw);

  if (expected !== "allowed") {
    expect(result, JSON.stringify(result)).toMatchObject({ ok: false, code: expected });
    const { audit_event: auditAfter, ...after } = await rowCounts();
    const { audit_event: auditBefore, ...before } = counts;
    expect(after).toEqual(before);
    expect(await gatewayState(prepared.schemeId)).toEqual(state);
    const events = await auditEventsAfter(lastId);
    if (spec.refusedAction === null) {
      expect(events).toEqual([]);
      expect(auditAfter).toBe(auditBefore);
      return;
    }
    expect(events).toHaveLength(1);
    const entity = prepared.refusedEntity ?? { entityType: "scheme", entityId: prepared.schemeId };
    expect(events[0]).toMatchObject({
      action: spec.refusedAction,
      actorId: actor.userId,
      ...entity,
      organisationId: w.trustId,
      after: { code: expected },
    });
    return;
  }
  expect(result, JSON.stringify(result)).toMatchObject({ ok: true });
  expect(countChanges(counts, await rowCounts())).toEqual(spec.changes);
  const events = await auditEventsAfter(lastId);
  expect(events.at(-1)).toMatchObject({ action: spec.action, actorId: actor.userId, organisationId: w.trustId });
  await prepared.verify(actor);
}
