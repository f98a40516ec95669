import type pg from "pg";
import type { SchemeCategory, SchemeStage } from "../../../src/generated/prisma/enums";
import { PROTECTED_CHARACTERISTICS } from "../../../src/modules/quality/eia-rules";
import { TableRows, cols } from "../lib/bulk-insert";
import type { Random } from "../lib/random";
import { randomFor, type SchemeInfo, type UserInfo, type World } from "./world";
import { KPI_BY_CATEGORY } from "../../../prisma/seed/seed-gateways";
import { QUALITY_INDICATORS, illustrativeIndicatorPoints } from "../../../prisma/seed/seed-quality";

/**
 * gateway_decision, plan_baseline, scheme_milestone, kpi (a scheme's own), quality_assessment
 * (+ dimensions, sign-offs, reviews), equality_assessment (+ screening), tracked_condition and
 * the scheme's gateway columns, consistent with the stage each scheme was generated in (as
 * prisma/seed/seed-gateways.ts and seed-quality.ts do for the demo):
 *
 * - every gate a scheme has passed has its SUBMITTED (by the lead) and APPROVED (by finance of
 *   its organisation, never the lead; the finance director at gates 2 and 3 from the
 *   organisation's value threshold) decisions, in time order, each bumping the scheme's version;
 *   on hold (from delivery), rejected and withdrawn schemes have the decision that put them there;
 * - delivery, on-hold and complete schemes have plan baseline #1 and plan_locked_at from gate 2;
 *   complete ones a validated benefit and a post-implementation quality review;
 * - schemes past gate 1 have 1-3 milestones and a KPI;
 * - nearly every live scheme has a QIA (version 1, the six dimensions answered) and an EIA (nine
 *   characteristics screened); about a quarter need a full QIA (one negative dimension above the
 *   threshold, residual scores, a quality indicator, a full EIA): signed by the organisation's
 *   medical and nursing approvers once past gate 2, awaiting them in planning. Organisations
 *   without both signatories (the ICB) have screening-only QIAs;
 * - a few open conditions, on gate 2 approvals and on conditional QIA sign-offs;
 * - the approvers' pipeline: about 2% of all schemes submitted (60% at gate 1 from opportunity,
 *   40% at gate 2 from planning), only where the gate's criteria pass, so the bench can approve
 *   them.
 *
 * Runs after the risks (gate 2 needs one on the scheme's register).
 */

const DAY = 86_400_000;
type Gate = 1 | 2 | 3;
const GATE_FROM: Record<Gate, SchemeStage> = { 1: "OPPORTUNITY", 2: "PLANNING", 3: "DELIVERY" };
const GATE_TO: Record<Gate, SchemeStage> = { 1: "PLANNING", 2: "DELIVERY", 3: "COMPLETE" };
/** When, as a fraction of the time from the scheme's creation to the as-of date, each gate was approved. */
const GATE_AT: Record<Gate, number> = { 1: 0.12, 2: 0.35, 3: 0.75 };

const MILESTONES = [
  "Business case agreed with the division",
  "Staff consultation concluded",
  "Contract variation signed",
  "New rota live",
  "Supplier switch complete",
  "Saving confirmed in the ledger",
];

type QiaPlan =
  "none" | "started" | "screened" | "full-awaiting" | "full-medical-signed" | "full-signed" | "full-signed-conditions";

interface SchemeFacts {
  category: SchemeCategory;
  fullYearEffectPence: number;
  createdAt: number;
  directorThresholdPence: number;
  qiaThreshold: number;
  risks: number;
  /** The plan of the scheme's own year, as a PostgreSQL array literal. */
  planMonths: string;
}

export async function generateGateways(world: World, client: pg.ClientBase): Promise<Record<string, number>> {
  const random = randomFor(world, "gateways");
  const asOf = world.plan.asOf.getTime();
  const iso = (ms: number) => new Date(Math.min(ms, asOf - 3_600_000)).toISOString();
  const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

  const decisions = new TableRows(
    "gateway_decision",
    cols(
      "id:uuid",
      "scheme_id:uuid",
      "gate:int",
      "kind:gateway_decision_kind",
      "from_stage:scheme_stage",
      "to_stage:scheme_stage",
      "reason:text",
      "criteria:jsonb",
      "scheme_version:int",
      "decided_by_id:uuid",
      "decided_at:timestamptz",
    ),
  );
  const baselines = new TableRows(
    "plan_baseline",
    cols(
      "id:uuid",
      "scheme_id:uuid",
      "number:int",
      "financial_year:int",
      "months_pence:text",
      "created_by_id:uuid",
      "created_at:timestamptz",
    ),
  );
  baselines.columns[4]!.select = `u."months_pence"::bigint[]`;
  const milestones = new TableRows(
    "scheme_milestone",
    cols(
      "id:uuid",
      "scheme_id:uuid",
      "description:text",
      "due_date:date",
      "status:activity_status",
      "created_at:timestamptz",
    ),
  );
  const kpis = new TableRows(
    "kpi",
    cols(
      "id:uuid",
      "scheme_id:uuid",
      "quality_indicator:boolean",
      "name:text",
      "unit:text",
      "direction:kpi_direction",
      "baseline:numeric",
      "target:numeric",
      "target_note:text",
      "created_at:timestamptz",
    ),
  );
  // Quality indicators get the demo's illustrative monthly series (issue 14), so SPC readers meet real volumes.
  const indicatorPoints = new TableRows(
    "kpi_point",
    cols("kpi_id:uuid", "financial_year:int", "month:int", "actual:numeric"),
  );
  let indicatorCount = 0;
  const qias = new TableRows(
    "quality_assessment",
    cols(
      "id:uuid",
      "scheme_id:uuid",
      "number:int",
      "status:qia_status",
      "threshold:int",
      "screening_complete:boolean",
      "full_required:boolean",
      "impact_summary:text",
      "review_date:date",
      "created_by_id:uuid",
      "created_at:timestamptz",
      "updated_at:timestamptz",
    ),
  );
  const dimensionRows = new TableRows(
    "quality_assessment_dimension",
    cols(
      "assessment_id:uuid",
      "dimension_id:uuid",
      "impact:impact_direction",
      "likelihood:int",
      "consequence:int",
      "description:text",
      "mitigations:text",
      "residual_likelihood:int",
      "residual_consequence:int",
    ),
  );
  const signOffs = new TableRows(
    "quality_sign_off",
    cols(
      "id:uuid",
      "assessment_id:uuid",
      "capacity:clinical_capacity",
      "user_id:uuid",
      "outcome:sign_off_outcome",
      "comment:text",
      "signed_at:timestamptz",
    ),
  );
  const reviews = new TableRows(
    "quality_review",
    cols("id:uuid", "assessment_id:uuid", "reviewed_by_id:uuid", "findings:text", "created_at:timestamptz"),
  );
  const eias = new TableRows(
    "equality_assessment",
    cols(
      "id:uuid",
      "scheme_id:uuid",
      "status:eia_status",
      "screening_complete:boolean",
      "full_required:boolean",
      "analysis:text",
      "mitigations:text",
      "engagement:text",
      "signed_off_by_id:uuid",
      "signed_off_at:timestamptz",
      "sign_off_comment:text",
      "created_at:timestamptz",
      "updated_at:timestamptz",
    ),
  );
  const screenings = new TableRows(
    "equality_screening",
    cols("assessment_id:uuid", "characteristic:protected_characteristic", "impact:impact_direction", "note:text"),
  );
  const conditions = new TableRows(
    "tracked_condition",
    cols(
      "id:uuid",
      "scheme_id:uuid",
      "gateway_decision_id:uuid",
      "quality_sign_off_id:uuid",
      "description:text",
      "met_at:timestamptz",
      "met_by_id:uuid",
      "met_note:text",
      "created_at:timestamptz",
    ),
  );

  const dimensions = (
    await client.query<{ id: string }>("SELECT id FROM quality_dimension WHERE active ORDER BY sort_order")
  ).rows.map((r) => r.id);
  const facts = await schemeFacts(client);

  // Who decides: finance of the scheme's organisation (the ICB's are its system-wide PMO), never the lead.
  const financeAt = new Map<string, UserInfo[]>();
  const clinicalAt = new Map<string, { medical?: UserInfo; nursing?: UserInfo }>();
  for (const u of world.users) {
    if (u.role === "FINANCE") financeAt.set(u.organisationId, [...(financeAt.get(u.organisationId) ?? []), u]);
    if (u.role === "CLINICAL_APPROVER" && u.clinicalCapacity) {
      const entry = clinicalAt.get(u.organisationId) ?? {};
      if (u.clinicalCapacity === "MEDICAL") entry.medical ??= u;
      else entry.nursing ??= u;
      clinicalAt.set(u.organisationId, entry);
    }
  }
  const decider = (scheme: SchemeInfo, f: SchemeFacts, gate: Gate | null): string => {
    const finance = (financeAt.get(scheme.organisationId) ?? []).filter((u) => u.id !== scheme.leadId);
    if (finance.length === 0)
      throw new Error(`No finance user at organisation ${scheme.organisationId} to decide gateways`);
    const needsDirector = gate !== null && gate > 1 && f.fullYearEffectPence >= f.directorThresholdPence;
    const directors = finance.filter((u) => u.financeCapacity !== "PMO");
    return needsDirector && directors.length > 0 ? directors[0]!.id : random.pick(finance).id;
  };

  // The QIA each scheme gets, then the pipeline from the schemes whose next gate would pass.
  const plans = new Map<string, QiaPlan>();
  const sideFrom = new Map<string, SchemeStage>();
  for (const scheme of world.schemes) {
    const signatories = Boolean(
      clinicalAt.get(scheme.organisationId)?.medical && clinicalAt.get(scheme.organisationId)?.nursing,
    );
    if (scheme.stage === "REJECTED" || scheme.stage === "WITHDRAWN")
      sideFrom.set(scheme.id, random.chance(0.3) ? "PLANNING" : "OPPORTUNITY");
    if (scheme.stage === "ON_HOLD") sideFrom.set(scheme.id, "DELIVERY");
    plans.set(scheme.id, qiaPlan(random, scheme.stage, sideFrom.get(scheme.id) ?? null, signatories));
  }
  const submitted = new Map<string, Gate>();
  const pick = (gate: Gate, count: number, eligible: (s: SchemeInfo) => boolean) => {
    const pool = world.schemes.filter(eligible);
    for (let i = 0; i < count && pool.length > 0; i++)
      submitted.set(pool.splice(random.int(0, pool.length - 1), 1)[0]!.id, gate);
  };
  // Gate 1: title, description, workstream, category, recurrence, full-year effect, QIA and EIA screened.
  pick(
    1,
    Math.max(6, Math.round(world.plan.schemes * 0.012)),
    (s) =>
      s.stage === "OPPORTUNITY" &&
      s.workstreamId !== null &&
      plans.get(s.id) === "screened" &&
      facts.get(s.id)!.fullYearEffectPence > 0,
  );
  // Gate 2 also: a risk on the register, milestones and a KPI (every scheme past gate 1 gets them), no full QIA or EIA outstanding.
  pick(
    2,
    Math.max(2, Math.round(world.plan.schemes * 0.008)),
    (s) => s.stage === "PLANNING" && plans.get(s.id) === "screened" && facts.get(s.id)!.risks > 0,
  );

  const schemeUpdates: {
    id: string;
    bump: number;
    gate: number | null;
    submittedAt: string | null;
    locked: string | null;
    validated: string | null;
    before: SchemeStage | null;
  }[] = [];
  for (const scheme of world.schemes) {
    const f = facts.get(scheme.id)!;
    const t0 = Math.min(f.createdAt, asOf - 120 * DAY);
    const span = asOf - 2 * DAY - t0;
    const at = (fraction: number) =>
      t0 + Math.round(span * fraction) + random.int(0, 3) * DAY + random.int(8 * 3600, 17 * 3600) * 1000;
    let version = 1;
    const decide = (
      kind: string,
      gate: Gate | null,
      from: SchemeStage,
      to: SchemeStage,
      by: string,
      when: number,
      reason: string | null = null,
    ) => {
      const id = random.uuid();
      decisions.add({
        id,
        scheme_id: scheme.id,
        gate,
        kind,
        from_stage: from,
        to_stage: to,
        reason,
        criteria: JSON.stringify(gate ? { gate, passes: true, failures: [] } : []),
        scheme_version: version++,
        decided_by_id: by,
        decided_at: iso(when),
      });
      return id;
    };

    // Gates passed, and where a side state left the main path.
    const side = sideFrom.get(scheme.id) ?? null;
    const reached = side ?? scheme.stage;
    const passed = ([1, 2, 3] as const).filter((g) => ["PLANNING", "DELIVERY", "COMPLETE"].indexOf(reached) >= g - 1);
    const approvedAt: Partial<Record<Gate, number>> = {};
    let lockedAt: number | null = null;
    let validatedAt: number | null = null;
    for (const gate of passed) {
      const when = at(GATE_AT[gate]);
      approvedAt[gate] = when;
      const approver = decider(scheme, f, gate);
      if (gate === 3) {
        // Finance validates the benefit before the lead can submit for gateway 3.
        validatedAt = when - random.int(12, 20) * DAY;
        decide(
          "BENEFIT_VALIDATED",
          3,
          "DELIVERY",
          "DELIVERY",
          decider(scheme, f, null),
          validatedAt,
          "Saving confirmed against the ledger.",
        );
      }
      decide("SUBMITTED", gate, GATE_FROM[gate], GATE_FROM[gate], scheme.leadId, when - random.int(2, 9) * DAY);
      const id = decide(
        "APPROVED",
        gate,
        GATE_FROM[gate],
        GATE_TO[gate],
        approver,
        when,
        gate === 2 ? "Plan, QIA and EIA in order." : null,
      );
      if (gate === 2) {
        lockedAt = when;
        baselines.add({
          id: random.uuid(),
          scheme_id: scheme.id,
          number: 1,
          financial_year: scheme.financialYear,
          months_pence: f.planMonths,
          created_by_id: approver,
          created_at: iso(when),
        });
        if (random.chance(0.06)) {
          const met = scheme.stage === "COMPLETE" || random.chance(0.4);
          conditions.add({
            id: random.uuid(),
            scheme_id: scheme.id,
            gateway_decision_id: id,
            description: random.pick([
              "Report the run rate to the finance committee monthly until the saving is recurrent.",
              "Confirm the supplier's prices in writing before the first order.",
              "Agree the revised rota with staff side.",
            ]),
            met_at: met ? iso(when + random.int(20, 60) * DAY) : null,
            met_by_id: met ? approver : null,
            met_note: met ? "Evidence filed with the scheme's papers." : null,
            created_at: iso(when),
          });
        }
      }
    }
    const sideAt = at(0.9);
    let stageBefore: SchemeStage | null = null;
    if (scheme.stage === "ON_HOLD") {
      decide(
        "ON_HOLD",
        null,
        "DELIVERY",
        "ON_HOLD",
        decider(scheme, f, null),
        sideAt,
        "Paused while the service review concludes.",
      );
      stageBefore = "DELIVERY";
    } else if (scheme.stage === "REJECTED") {
      const gate: Gate = side === "PLANNING" ? 2 : 1;
      decide("SUBMITTED", gate, side!, side!, scheme.leadId, sideAt - random.int(2, 9) * DAY);
      decide(
        "REJECTED",
        gate,
        side!,
        "REJECTED",
        decider(scheme, f, gate),
        sideAt,
        "Saving not evidenced; overlaps with a system-wide scheme.",
      );
      stageBefore = side;
    } else if (scheme.stage === "WITHDRAWN") {
      decide(
        "WITHDRAWN",
        null,
        side!,
        "WITHDRAWN",
        scheme.leadId,
        sideAt,
        "Superseded by a system-wide procurement scheme.",
      );
    }
    const pipelineGate = submitted.get(scheme.id) ?? null;
    const submittedAt = pipelineGate ? asOf - random.int(1, 40) * DAY - random.int(8 * 3600, 17 * 3600) * 1000 : null;
    if (pipelineGate) decide("SUBMITTED", pipelineGate, scheme.stage, scheme.stage, scheme.leadId, submittedAt!);
    if (version > 1 || stageBefore) {
      schemeUpdates.push({
        id: scheme.id,
        bump: version - 1,
        gate: pipelineGate,
        submittedAt: submittedAt === null ? null : iso(submittedAt),
        locked: lockedAt === null ? null : iso(lockedAt),
        validated: validatedAt === null ? null : iso(validatedAt),
        before: stageBefore,
      });
    }

    // Milestones and a KPI for schemes past gate 1.
    if (approvedAt[1] !== undefined) {
      const count = random.int(1, 3);
      for (let i = 0; i < count; i++) {
        const due = approvedAt[1] + (i + 1) * random.int(30, 90) * DAY;
        const status =
          due < asOf
            ? scheme.stage === "COMPLETE" || random.chance(0.8)
              ? "DONE"
              : "LATE"
            : random.weighted({ ON_TRACK: 6, NOT_STARTED: 3, AT_RISK: 1 });
        milestones.add({
          id: random.uuid(),
          scheme_id: scheme.id,
          description: i === 0 ? MILESTONES[0] : random.pick(MILESTONES.slice(1)),
          due_date: isoDate(due),
          status,
          created_at: iso(approvedAt[1] - DAY),
        });
      }
      const kpi = KPI_BY_CATEGORY[f.category];
      kpis.add({
        id: random.uuid(),
        scheme_id: scheme.id,
        quality_indicator: false,
        name: kpi.name,
        unit: kpi.unit,
        direction: kpi.direction,
        target_note: "Saving delivered as planned each month",
        created_at: iso(approvedAt[1]),
      });
    }

    // QIA and EIA.
    const plan = plans.get(scheme.id)!;
    if (plan === "none") continue;
    const qiaId = random.uuid();
    const eiaId = random.uuid();
    const createdAt = Math.min(at(0.05), (approvedAt[1] ?? asOf) - 15 * DAY, (submittedAt ?? asOf) - 5 * DAY);
    const full = plan.startsWith("full");
    const signed = plan === "full-signed" || plan === "full-signed-conditions";
    const signers = clinicalAt.get(scheme.organisationId) ?? {};
    // Signed between gates 1 and 2 (past gate 2), or lately (awaiting gate 2).
    const signedAt =
      approvedAt[2] !== undefined ? approvedAt[2] - random.int(3, 10) * DAY : asOf - random.int(2, 20) * DAY;
    const reviewed = scheme.stage === "COMPLETE" && approvedAt[3] !== undefined;
    const reviewDate = !full
      ? null
      : scheme.stage === "COMPLETE"
        ? asOf - random.int(30, 120) * DAY
        : signed && random.chance(0.1)
          ? asOf - random.int(5, 40) * DAY
          : asOf + random.int(60, 240) * DAY;
    const status =
      plan === "full-awaiting" || plan === "full-medical-signed"
        ? "AWAITING_SIGN_OFF"
        : plan === "full-signed-conditions"
          ? "APPROVED_WITH_CONDITIONS"
          : signed
            ? "APPROVED"
            : "DRAFT";
    qias.add({
      id: qiaId,
      scheme_id: scheme.id,
      number: 1,
      status,
      threshold: f.qiaThreshold,
      screening_complete: plan !== "started",
      full_required: full,
      impact_summary: full
        ? "Changes to staffing and pathways could reduce continuity of care; mitigated by induction, audit and monthly monitoring of the quality indicators."
        : null,
      review_date: reviewDate === null ? null : isoDate(reviewDate),
      created_by_id: scheme.leadId,
      created_at: iso(createdAt),
      updated_at: iso(full ? signedAt : createdAt + DAY),
    });
    if (plan !== "started") {
      const negative = random.int(0, dimensions.length - 1);
      dimensions.forEach((dimensionId, i) => {
        if (full && i === negative) {
          // Above the threshold (12 or 16 against the default 8), mitigated to 6 or 4.
          const [likelihood, consequence] = random.pick([
            [3, 4],
            [4, 4],
            [4, 3],
          ] as const);
          const residual = random.pick([
            [2, 3],
            [2, 2],
          ] as const);
          if (likelihood * consequence <= f.qiaThreshold)
            throw new Error(`qia_threshold ${f.qiaThreshold} is too high for the generated full QIAs`);
          dimensionRows.add({
            assessment_id: qiaId,
            dimension_id: dimensionId,
            impact: "NEGATIVE",
            likelihood,
            consequence,
            description: "Fewer experienced staff on some shifts during the change.",
            mitigations: "Induction for bank staff, senior nurse cover at night, monthly audit.",
            residual_likelihood: residual[0],
            residual_consequence: residual[1],
          });
        } else {
          const impact = random.weighted({ NONE: 6, POSITIVE: 3, NEGATIVE: 1 });
          // A negative impact at screening only stays at or under the threshold (2 x 2).
          const [likelihood, consequence] = impact === "NONE" ? [1, 1] : impact === "POSITIVE" ? [3, 2] : [2, 2];
          dimensionRows.add({ assessment_id: qiaId, dimension_id: dimensionId, impact, likelihood, consequence });
        }
      });
    }
    if (full) {
      const indicator = random.pick(QUALITY_INDICATORS);
      const indicatorId = random.uuid();
      for (const p of illustrativeIndicatorPoints(indicatorId, indicator, indicatorCount++, world.plan.asOf))
        indicatorPoints.add({
          kpi_id: p.kpiId,
          financial_year: p.financialYear,
          month: p.month,
          actual: String(p.actual),
        });
      kpis.add({
        id: indicatorId,
        scheme_id: scheme.id,
        quality_indicator: true,
        name: indicator.name,
        unit: indicator.unit,
        direction: indicator.direction,
        baseline: indicator.baseline,
        target: indicator.target,
        created_at: iso(createdAt + 2 * DAY),
      });
    }
    if ((plan === "full-medical-signed" || signed) && signers.medical) {
      const signOffId = random.uuid();
      const withConditions = plan === "full-signed-conditions";
      signOffs.add({
        id: signOffId,
        assessment_id: qiaId,
        capacity: "MEDICAL",
        user_id: signers.medical.id,
        outcome: withConditions ? "APPROVED_WITH_CONDITIONS" : "APPROVED",
        comment: "Mitigations proportionate to the risk.",
        signed_at: iso(signedAt - DAY),
      });
      if (withConditions) {
        const met = random.chance(0.3);
        conditions.add({
          id: random.uuid(),
          scheme_id: scheme.id,
          quality_sign_off_id: signOffId,
          description: "Report the quality indicators to the quality committee monthly for the first six months.",
          met_at: met ? iso(signedAt + random.int(30, 90) * DAY) : null,
          met_by_id: met ? signers.medical.id : null,
          met_note: met ? "Six months reported; no deterioration." : null,
          created_at: iso(signedAt - DAY),
        });
      }
    }
    if (signed && signers.nursing)
      signOffs.add({
        id: random.uuid(),
        assessment_id: qiaId,
        capacity: "NURSING",
        user_id: signers.nursing.id,
        outcome: "APPROVED",
        comment: "Safe staffing levels maintained.",
        signed_at: iso(signedAt),
      });
    if (reviewed) {
      const reviewer = signers.medical?.id ?? decider(scheme, f, null);
      reviews.add({
        id: random.uuid(),
        assessment_id: qiaId,
        reviewed_by_id: reviewer,
        findings:
          "No deterioration in the quality indicators since implementation; no incidents attributed to the change.",
        created_at: iso(approvedAt[3]! - random.int(6, 20) * DAY),
      });
    }

    // The EIA goes with the QIA: screened with it, full (one negative characteristic) with a full QIA.
    const eiaApproved = full && signed && signers.nursing;
    eias.add({
      id: eiaId,
      scheme_id: scheme.id,
      status: eiaApproved ? "APPROVED" : full ? "AWAITING_SIGN_OFF" : "DRAFT",
      screening_complete: plan !== "started",
      full_required: full,
      analysis: full
        ? "The change affects services used more by this group; the evidence is from the trust's patient activity data."
        : null,
      mitigations: full ? "Targeted communication and an alternative access route for people affected." : null,
      engagement: full ? "Patient panel and staff networks consulted." : null,
      signed_off_by_id: eiaApproved ? signers.nursing!.id : null,
      signed_off_at: eiaApproved ? iso(signedAt) : null,
      sign_off_comment: eiaApproved ? "Proportionate mitigations." : null,
      created_at: iso(createdAt),
      updated_at: iso(full ? signedAt : createdAt + DAY),
    });
    if (plan !== "started") {
      const negative = full ? random.pick(["AGE", "DISABILITY", "SEX"] as const) : null;
      for (const characteristic of PROTECTED_CHARACTERISTICS) {
        const impact = characteristic === negative ? "NEGATIVE" : random.chance(0.15) ? "POSITIVE" : "NONE";
        screenings.add({
          assessment_id: eiaId,
          characteristic,
          impact,
          note: characteristic === negative ? "See the full EIA." : null,
        });
      }
    }
  }

  const counts: Record<string, number> = {
    quality_assessment: await qias.insert(client),
    quality_assessment_dimension: await dimensionRows.insert(client),
    quality_sign_off: await signOffs.insert(client),
    quality_review: await reviews.insert(client),
    equality_assessment: await eias.insert(client),
    equality_screening: await screenings.insert(client),
    gateway_decision: await decisions.insert(client),
    tracked_condition: await conditions.insert(client),
    plan_baseline: await baselines.insert(client),
    scheme_milestone: await milestones.insert(client),
    kpi: await kpis.insert(client),
  };
  counts["kpi_point (quality indicators)"] = await indicatorPoints.insert(client);
  await client.query(
    `UPDATE scheme s SET version = s.version + u.bump, submitted_gate = u.gate, submitted_at = u.submitted_at, plan_locked_at = u.locked, benefit_validated_at = u.validated, stage_before_hold = u.before
     FROM unnest($1::uuid[], $2::int[], $3::int[], $4::timestamptz[], $5::timestamptz[], $6::timestamptz[], $7::scheme_stage[]) AS u(id, bump, gate, submitted_at, locked, validated, before)
     WHERE s.id = u.id`,
    [
      schemeUpdates.map((u) => u.id),
      schemeUpdates.map((u) => u.bump),
      schemeUpdates.map((u) => u.gate),
      schemeUpdates.map((u) => u.submittedAt),
      schemeUpdates.map((u) => u.locked),
      schemeUpdates.map((u) => u.validated),
      schemeUpdates.map((u) => u.before),
    ],
  );
  counts["scheme (gateway columns)"] = schemeUpdates.length;
  counts["pipeline"] = submitted.size;
  return counts;
}

/** What a scheme's QIA looks like, from its stage (or the stage it left for a side state). */
function qiaPlan(random: Random, stage: SchemeStage, left: SchemeStage | null, signatories: boolean): QiaPlan {
  const effective = left ?? stage;
  if (effective === "OPPORTUNITY") {
    if (stage === "REJECTED" || stage === "WITHDRAWN") return random.chance(0.5) ? "screened" : "none";
    return random.weighted({ none: 15, started: 20, screened: 65 });
  }
  // Full QIAs where the organisation has both signatories; about 3 in 10 of the schemes past the opportunity stage.
  if (!signatories || !random.chance(0.3) || stage === "REJECTED" || stage === "WITHDRAWN") return "screened";
  if (effective === "PLANNING") return random.chance(0.3) ? "full-medical-signed" : "full-awaiting";
  return random.chance(0.15) ? "full-signed-conditions" : "full-signed";
}

async function schemeFacts(client: pg.ClientBase): Promise<Map<string, SchemeFacts>> {
  const result = await client.query<{
    id: string;
    category: SchemeCategory;
    fye: string;
    created_at: Date;
    dt: string;
    qia_threshold: number;
    risks: number;
    plan: string;
  }>(`
    SELECT s.id, s.category, s.full_year_effect_pence::text AS fye, s.created_at, o.director_threshold_pence::text AS dt, o.qia_threshold,
           COALESCE(r.n, 0)::int AS risks,
           (SELECT array_agg(COALESCE(m.plan_pence, 0) ORDER BY m.month) FROM scheme_month m WHERE m.scheme_id = s.id AND m.financial_year = s.financial_year)::text AS plan
    FROM scheme s JOIN organisation o ON o.id = s.organisation_id
    LEFT JOIN (SELECT scheme_id, count(*) AS n FROM risk WHERE scheme_id IS NOT NULL GROUP BY scheme_id) r ON r.scheme_id = s.id`);
  return new Map(
    result.rows.map((r) => [
      r.id,
      {
        category: r.category,
        fullYearEffectPence: Number(r.fye),
        createdAt: r.created_at.getTime(),
        directorThresholdPence: Number(r.dt),
        qiaThreshold: r.qia_threshold,
        risks: r.risks,
        planMonths: r.plan,
      },
    ]),
  );
}
