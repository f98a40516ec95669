import type { Prisma, PrismaClient } from "../../src/generated/prisma/client";
import type { GatewayDecisionKind, SchemeCategory, SchemeStage } from "../../src/generated/prisma/enums";
import { evaluateGate, type Gate } from "../../src/modules/gateways/gateway-rules";
import { loadGatewaySnapshot } from "../../src/modules/gateways/gateway-snapshot";

/**
 * Gateway history for the demo schemes, consistent with the stage each was seeded in: approvals
 * of the gates already passed (by a finance user of the organisation, never the lead), the plan
 * baselined and locked at gateway 2, milestones and a KPI for every scheme past gateway 1, and a
 * few schemes waiting in the approvers' pipeline. Runs after the QIA seed, because a scheme is
 * only put in the pipeline when the gate's rules (QIA and EIA included) really pass.
 *
 * Idempotent: a scheme that already has a gateway decision is left alone.
 */
export async function seedGateways(db: PrismaClient, now = new Date()): Promise<void> {
  await db.$transaction((tx) => seed(tx, now), { maxWait: 30_000, timeout: 120_000 });
}

const DAY = 24 * 60 * 60 * 1000;
const daysAgo = (now: Date, days: number) => new Date(now.getTime() - days * DAY);

/** Gates a scheme in this stage has passed. */
const PASSED: Record<SchemeStage, Gate[]> = {
  OPPORTUNITY: [],
  PLANNING: [1],
  DELIVERY: [1, 2],
  COMPLETE: [1, 2, 3],
  ON_HOLD: [1],
  REJECTED: [],
  WITHDRAWN: [],
};

/** The KPI every demo scheme past gateway 1 tracks, by category (the demo's and the bench's). */
export const KPI_BY_CATEGORY: Record<
  SchemeCategory,
  { name: string; unit: string; direction: "LOWER_IS_BETTER" | "HIGHER_IS_BETTER" }
> = {
  PAY: { name: "Pay spend against the scheme's baseline", unit: "£", direction: "LOWER_IS_BETTER" },
  NON_PAY: { name: "Non-pay spend against the scheme's baseline", unit: "£", direction: "LOWER_IS_BETTER" },
  INCOME: { name: "Income billed against plan", unit: "£", direction: "HIGHER_IS_BETTER" },
};

/** A typical delivery risk of a scheme, by category: scored 3 x 3 now, 2 x 3 once mitigated. */
const SCHEME_RISK_TEXT: Record<SchemeCategory, { title: string; cause: string; event: string; effect: string }> = {
  PAY: {
    title: "Vacancies not filled substantively",
    cause: "Recruitment to the posts the scheme converts from agency is slower than planned",
    event: "Agency shifts continue to be booked",
    effect: "The saving is delayed and the run rate does not fall",
  },
  NON_PAY: {
    title: "Supplier prices rise during the contract change",
    cause: "Inflation clauses in the current contracts",
    event: "The new prices are higher than the business case assumed",
    effect: "Part of the saving is lost",
  },
  INCOME: {
    title: "Activity is not coded or billed completely",
    cause: "Clinical coding backlog",
    event: "Activity is billed late or not at all",
    effect: "Income falls short of plan",
  },
};

function schemeRisk(category: SchemeCategory) {
  return {
    ...SCHEME_RISK_TEXT[category],
    category: category === "INCOME" ? ("FINANCIAL" as const) : ("DELIVERY" as const),
    inherentLikelihood: 4,
    inherentConsequence: 3,
    currentLikelihood: 3,
    currentConsequence: 3,
    targetLikelihood: 2,
    targetConsequence: 3,
    currentScore: 9,
    targetScore: 6,
  };
}

/** How many schemes per organisation wait for each gate in the demo pipeline. */
const PIPELINE_PER_ORGANISATION = 2;

async function seed(tx: Prisma.TransactionClient, now: Date): Promise<void> {
  const schemes = await tx.scheme.findMany({
    where: { gatewayDecisions: { none: {} } },
    orderBy: [{ organisation: { code: "asc" } }, { codeNumber: "asc" }],
    include: { organisation: { select: { id: true, systemId: true } }, months: true },
  });
  if (schemes.length === 0) return;

  // Approvers: finance at the organisation, else system-wide finance of its system; never the lead.
  const finance = await tx.membership.findMany({
    where: { role: "FINANCE", user: { active: true } },
    select: { userId: true, organisationId: true, systemWide: true, organisation: { select: { systemId: true } } },
    orderBy: { createdAt: "asc" },
  });
  const approverFor = (scheme: (typeof schemes)[number]) =>
    finance.find((m) => m.organisationId === scheme.organisationId && m.userId !== scheme.leadId)?.userId ??
    finance.find(
      (m) => m.systemWide && m.organisation.systemId === scheme.organisation.systemId && m.userId !== scheme.leadId,
    )?.userId;

  const decisions: Prisma.GatewayDecisionCreateManyInput[] = [];
  const milestones: Prisma.SchemeMilestoneCreateManyInput[] = [];
  const kpis: Prisma.KpiCreateManyInput[] = [];
  const baselines: Prisma.PlanBaselineCreateManyInput[] = [];
  const decision = (
    scheme: (typeof schemes)[number],
    by: string,
    kind: GatewayDecisionKind,
    gate: Gate | null,
    from: SchemeStage,
    to: SchemeStage,
    at: Date,
    reason?: string,
  ) =>
    decisions.push({
      schemeId: scheme.id,
      gate,
      kind,
      fromStage: from,
      toStage: to,
      reason: reason ?? null,
      criteria: gate ? { gate, passes: kind !== "REJECTED", failures: [] } : [],
      schemeVersion: scheme.version,
      decidedById: by,
      decidedAt: at,
    });
  const STAGE_BEFORE: Record<Gate, SchemeStage> = { 1: "OPPORTUNITY", 2: "PLANNING", 3: "DELIVERY" };
  const STAGE_AFTER: Record<Gate, SchemeStage> = { 1: "PLANNING", 2: "DELIVERY", 3: "COMPLETE" };

  for (const scheme of schemes) {
    const approver = approverFor(scheme);
    if (!approver) continue;
    const passed = PASSED[scheme.stage];
    for (const gate of passed) {
      const decidedAt = daysAgo(now, 150 - gate * 45);
      decision(scheme, scheme.leadId, "SUBMITTED", gate, STAGE_BEFORE[gate], STAGE_BEFORE[gate], daysAgo(decidedAt, 5));
      decision(
        scheme,
        approver,
        "APPROVED",
        gate,
        STAGE_BEFORE[gate],
        STAGE_AFTER[gate],
        decidedAt,
        gate === 2 ? "Plan, QIA and EIA in order." : undefined,
      );
    }
    if (scheme.stage === "ON_HOLD")
      decision(
        scheme,
        approver,
        "ON_HOLD",
        null,
        "PLANNING",
        "ON_HOLD",
        daysAgo(now, 20),
        "Paused while the service review concludes.",
      );
    if (scheme.stage === "REJECTED")
      decision(
        scheme,
        approver,
        "REJECTED",
        1,
        "OPPORTUNITY",
        "REJECTED",
        daysAgo(now, 60),
        "Saving not evidenced; overlaps with a system-wide scheme.",
      );
    if (scheme.stage === "WITHDRAWN")
      decision(
        scheme,
        scheme.leadId,
        "WITHDRAWN",
        null,
        "OPPORTUNITY",
        "WITHDRAWN",
        daysAgo(now, 40),
        "Superseded by a system-wide procurement scheme.",
      );

    if (passed.length > 0) {
      const start = scheme.startMonth ?? 1;
      milestones.push(
        {
          schemeId: scheme.id,
          description: "Business case agreed with the division",
          status: "DONE",
          dueDate: daysAgo(now, 120),
        },
        {
          schemeId: scheme.id,
          description: `Saving live from M${start}`,
          status: passed.includes(2) ? "DONE" : "ON_TRACK",
          dueDate: daysAgo(now, passed.includes(2) ? 60 : -30),
        },
      );
      const kpi = KPI_BY_CATEGORY[scheme.category];
      kpis.push({
        schemeId: scheme.id,
        name: kpi.name,
        unit: kpi.unit,
        direction: kpi.direction,
        targetNote: "Saving delivered as planned each month",
      });
    }
    if (passed.includes(2)) {
      const monthsPence = Array.from(
        { length: 12 },
        (_, i) =>
          scheme.months.find((m) => m.financialYear === scheme.financialYear && m.month === i + 1)?.planPence ?? 0n,
      );
      baselines.push({
        schemeId: scheme.id,
        number: 1,
        financialYear: scheme.financialYear,
        monthsPence,
        createdById: approver,
        createdAt: daysAgo(now, 60),
      });
    }
  }
  if (decisions.length > 0) await tx.gatewayDecision.createMany({ data: decisions });
  if (milestones.length > 0) await tx.schemeMilestone.createMany({ data: milestones });
  if (kpis.length > 0) await tx.kpi.createMany({ data: kpis });
  if (baselines.length > 0) await tx.planBaseline.createMany({ data: baselines, skipDuplicates: true });

  const locked = schemes.filter((s) => PASSED[s.stage].includes(2)).map((s) => s.id);
  await tx.scheme.updateMany({ where: { id: { in: locked } }, data: { planLockedAt: daysAgo(now, 60) } });
  const onHold = schemes.filter((s) => s.stage === "ON_HOLD").map((s) => s.id);
  await tx.scheme.updateMany({ where: { id: { in: onHold } }, data: { stageBeforeHold: "PLANNING" } });
  const rejected = schemes.filter((s) => s.stage === "REJECTED").map((s) => s.id);
  await tx.scheme.updateMany({ where: { id: { in: rejected } }, data: { stageBeforeHold: "OPPORTUNITY" } });
  const complete = schemes.filter((s) => s.stage === "COMPLETE").map((s) => s.id);
  await tx.scheme.updateMany({ where: { id: { in: complete } }, data: { benefitValidatedAt: daysAgo(now, 10) } });

  // Half the schemes in planning have assessed their risks (a gate 2 criterion); the rest show
  // the gap on their gateway panel.
  const risks: Prisma.RiskCreateManyInput[] = schemes
    // By code number, not position: ids are random, so positions would change from run to run.
    .filter((s) => s.stage === "PLANNING" && s.codeNumber % 2 === 1)
    .map((s) => ({
      ...schemeRisk(s.category),
      schemeId: s.id,
      ownerId: s.leadId,
      reviewDate: daysAgo(now, -45),
      sourceNote: "Illustrative demo risk",
    }));
  if (risks.length > 0) await tx.risk.createMany({ data: risks });

  // The pipeline: schemes whose next gate's rules pass are submitted, oldest first.
  const waiting = new Map<string, number>();
  for (const scheme of schemes) {
    const gate: Gate | null = scheme.stage === "OPPORTUNITY" ? 1 : scheme.stage === "PLANNING" ? 2 : null;
    if (!gate || (waiting.get(scheme.organisationId) ?? 0) >= PIPELINE_PER_ORGANISATION) continue;
    if (!evaluateGate(gate, await loadGatewaySnapshot(tx, scheme.id, now)).passes) continue;
    const submittedAt = daysAgo(now, 2 + (waiting.get(scheme.organisationId) ?? 0) * 5);
    await tx.scheme.update({
      where: { id: scheme.id },
      data: { submittedGate: gate, submittedAt, version: { increment: 1 } },
    });
    decision(scheme, scheme.leadId, "SUBMITTED", gate, scheme.stage, scheme.stage, submittedAt);
    await tx.gatewayDecision.create({ data: decisions[decisions.length - 1]! });
    waiting.set(scheme.organisationId, (waiting.get(scheme.organisationId) ?? 0) + 1);
  }
}
