import type { Prisma, PrismaClient } from "../../src/generated/prisma/client";
import type { ImpactDirection, ProtectedCharacteristic, QiaStatus } from "../../src/generated/prisma/enums";
import { PROTECTED_CHARACTERISTICS } from "../../src/modules/quality/eia-rules";

/**
 * Demo QIAs and EIAs, consistent with each scheme's stage (run after seedSchemes):
 * - opportunity: by turns nothing yet, a QIA and EIA started but unanswered, or both screened;
 * - planning: screened; every third needs a full QIA, sent for sign-off (at Barts Health one has
 *   the medical signature and awaits the nursing one), with a full EIA awaiting sign-off;
 * - delivery and complete: screened; where a full QIA is needed it is signed by both of the
 *   trust's clinical approvers (two with open conditions, one with an overdue review), and
 *   complete schemes have their post-implementation review recorded;
 * - on hold: screened, no impact; rejected and withdrawn: none.
 * Only organisations with a medical and a nursing clinical approver (Barts Health in the demo)
 * get signed full QIAs; elsewhere delivery schemes are screening-only and planning ones await
 * sign-off. Idempotent: a scheme that already has a QIA (or an EIA) is left alone.
 */
export async function seedQuality(db: PrismaClient, now = new Date()): Promise<void> {
  await db.$transaction((tx) => seed(tx, now), { maxWait: 30_000, timeout: 120_000 });
}

const DAY = 86_400_000;
const utcDay = (days: number, now: Date) =>
  new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) + days * DAY);

/** Quality indicators a full QIA monitors (the demo's and the bench's). */
export const QUALITY_INDICATORS = [
  {
    name: "Patient falls per 1,000 occupied bed days",
    unit: "rate",
    direction: "LOWER_IS_BETTER",
    baseline: "6.2",
    target: "6.2",
  },
  {
    name: "Fill rate of registered nurse shifts",
    unit: "%",
    direction: "HIGHER_IS_BETTER",
    baseline: "94",
    target: "95",
  },
  { name: "Complaints about care received", unit: "count", direction: "LOWER_IS_BETTER", baseline: "12", target: "12" },
  { name: "Staff turnover", unit: "%", direction: "LOWER_IS_BETTER", baseline: "11.5", target: "11" },
] as const;

/** Months of illustrative actuals per quality indicator: enough for firm SPC limits and a signal. */
export const INDICATOR_MONTHS = 27;
const NOISE = [0.4, -0.3, 0.1, -0.5, 0.2, 0, -0.2, 0.45, -0.35, 0.15, -0.05, 0.3];

/**
 * Illustrative monthly actuals of a quality indicator (invented, not from any paper) for the
 * INDICATOR_MONTHS months up to the last complete month: steady noise of about 1.5% around the
 * baseline, then by turns (n % 4) a shift of 9% to the worse side in the last 8 months (a
 * special cause of concern: the guardrail the board must see), a steady improvement over the
 * last 8 months, or common-cause variation only.
 */
export function illustrativeIndicatorPoints(
  kpiId: string,
  indicator: (typeof QUALITY_INDICATORS)[number],
  n: number,
  now: Date,
): Prisma.KpiPointCreateManyInput[] {
  const base = Number(indicator.baseline);
  const worse = indicator.direction === "LOWER_IS_BETTER" ? 1 : -1;
  const current = now.getUTCFullYear() * 12 + now.getUTCMonth(); // calendar month index, 0 = January
  return Array.from({ length: INDICATOR_MONTHS }, (_, i) => {
    const calendar = current - INDICATOR_MONTHS + i; // ends with the month before this one
    const year = Math.floor(calendar / 12);
    const monthOfYear = (calendar % 12) + 1; // 1 = January
    const financialYear = monthOfYear >= 4 ? year : year - 1;
    const month = monthOfYear >= 4 ? monthOfYear - 3 : monthOfYear + 9;
    const late = i - (INDICATOR_MONTHS - 8); // 0..7 in the last 8 months
    const signal = late < 0 ? 0 : n % 4 === 0 ? 0.09 * worse : n % 4 === 1 ? -0.012 * worse * (late + 1) : 0;
    const value = base * (1 + 0.03 * NOISE[i % NOISE.length]! + signal);
    return { kpiId, financialYear, month, actual: value.toFixed(4) };
  });
}

type Plan =
  | "none"
  | "started"
  | "screened"
  | "full-draft"
  | "full-awaiting"
  | "full-medical-signed"
  | "full-signed"
  | "full-signed-conditions"
  | "full-signed-overdue";

/** What each scheme gets, from its stage, its place in the stage and whether signatories exist. */
function planFor(stage: string, n: number, signatories: boolean): Plan {
  if (stage === "OPPORTUNITY") return (["none", "started", "screened"] as const)[n % 3]!;
  if (stage === "ON_HOLD") return "screened";
  if (stage === "REJECTED" || stage === "WITHDRAWN") return "none";
  const full = n % 3 === 0;
  if (stage === "PLANNING") {
    if (!full) return n % 3 === 1 ? "screened" : "full-draft";
    return signatories && n === 0 ? "full-medical-signed" : "full-awaiting";
  }
  // DELIVERY and COMPLETE: a full QIA only where it can have been signed.
  if (!full || !signatories) return "screened";
  if (stage === "DELIVERY" && n === 3) return "full-signed-overdue";
  if (stage === "DELIVERY" && (n === 6 || n === 9)) return "full-signed-conditions";
  return "full-signed";
}

async function seed(tx: Prisma.TransactionClient, now: Date): Promise<void> {
  const dimensions = await tx.qualityDimension.findMany({
    where: { active: true },
    orderBy: { sortOrder: "asc" },
    select: { id: true, name: true },
  });
  const schemes = await tx.scheme.findMany({
    orderBy: [{ organisationId: "asc" }, { codeNumber: "asc" }],
    select: {
      id: true,
      stage: true,
      leadId: true,
      organisationId: true,
      organisation: { select: { qiaThreshold: true } },
      qualityAssessments: { select: { id: true }, take: 1 },
      equalityAssessment: { select: { id: true } },
    },
  });
  const approvers = await tx.membership.findMany({
    where: { role: "CLINICAL_APPROVER", clinicalCapacity: { not: null }, user: { active: true } },
    orderBy: { user: { email: "asc" } },
    select: { organisationId: true, clinicalCapacity: true, userId: true },
  });
  const signatory = (organisationId: string, capacity: "MEDICAL" | "NURSING", leadId: string) =>
    approvers.find((a) => a.organisationId === organisationId && a.clinicalCapacity === capacity && a.userId !== leadId)
      ?.userId;

  const counters = new Map<string, number>();
  for (const scheme of schemes) {
    const key = `${scheme.organisationId}|${scheme.stage}`;
    const n = counters.get(key) ?? 0;
    counters.set(key, n + 1);
    const medical = signatory(scheme.organisationId, "MEDICAL", scheme.leadId);
    const nursing = signatory(scheme.organisationId, "NURSING", scheme.leadId);
    const plan = planFor(scheme.stage, n, Boolean(medical && nursing));
    if (plan === "none") continue;
    const negative = dimensions[n % dimensions.length]!;
    if (scheme.qualityAssessments.length === 0)
      await seedQia(tx, scheme, plan, negative.id, dimensions, { medical, nursing }, n, now);
    if (!scheme.equalityAssessment) await seedEia(tx, scheme, plan, n, nursing, now);
  }
}

type SchemeRow = { id: string; stage: string; leadId: string; organisation: { qiaThreshold: number } };

async function seedQia(
  tx: Prisma.TransactionClient,
  scheme: SchemeRow,
  plan: Plan,
  negativeId: string,
  dimensions: { id: string }[],
  signers: { medical?: string; nursing?: string },
  n: number,
  now: Date,
) {
  const full = plan.startsWith("full");
  const signed = plan.startsWith("full-signed");
  const status: QiaStatus =
    plan === "full-awaiting" || plan === "full-medical-signed"
      ? "AWAITING_SIGN_OFF"
      : plan === "full-signed-conditions"
        ? "APPROVED_WITH_CONDITIONS"
        : signed
          ? "APPROVED"
          : "DRAFT";
  const detailed = full && plan !== "full-draft";
  const reviewDate = !detailed
    ? null
    : plan === "full-signed-overdue"
      ? utcDay(-14, now)
      : scheme.stage === "COMPLETE"
        ? utcDay(-30, now)
        : utcDay(90 + (n % 4) * 30, now);
  const qia = await tx.qualityAssessment.create({
    data: {
      schemeId: scheme.id,
      number: 1,
      status,
      threshold: scheme.organisation.qiaThreshold,
      screeningComplete: plan !== "started",
      fullRequired: full,
      impactSummary: detailed
        ? "Changes to staffing and pathways could reduce continuity of care; mitigated by induction, audit and monthly monitoring of the quality indicators."
        : null,
      reviewDate,
      createdById: scheme.leadId,
      dimensions:
        plan === "started"
          ? undefined
          : {
              create: dimensions.map((d, i) => {
                const isNegative = full && d.id === negativeId;
                const impact: ImpactDirection = isNegative ? "NEGATIVE" : i % 3 === 1 ? "POSITIVE" : "NONE";
                return {
                  dimensionId: d.id,
                  impact,
                  // A full QIA: 3 x 4 = 12, above the default threshold of 8.
                  likelihood: isNegative ? 3 : impact === "POSITIVE" ? 3 : 1,
                  consequence: isNegative ? 4 : impact === "POSITIVE" ? 2 : 1,
                  ...(isNegative && detailed
                    ? {
                        description: "Fewer experienced staff on some shifts during the change.",
                        mitigations: "Induction for bank staff, senior nurse cover at night, monthly audit.",
                        residualLikelihood: 2,
                        residualConsequence: 3,
                      }
                    : {}),
                };
              }),
            },
    },
  });
  if (detailed) {
    const indicator = QUALITY_INDICATORS[n % QUALITY_INDICATORS.length]!;
    const kpi = await tx.kpi.create({ data: { schemeId: scheme.id, qualityIndicator: true, ...indicator } });
    await tx.kpiPoint.createMany({ data: illustrativeIndicatorPoints(kpi.id, indicator, n, now) });
  }
  const { medical, nursing } = signers;
  if ((plan === "full-medical-signed" || signed) && medical) {
    await tx.qualitySignOff.create({
      data: {
        assessmentId: qia.id,
        capacity: "MEDICAL",
        userId: medical,
        outcome: plan === "full-signed-conditions" ? "APPROVED_WITH_CONDITIONS" : "APPROVED",
        comment: "Mitigations proportionate to the risk.",
        conditions:
          plan === "full-signed-conditions"
            ? {
                create: [
                  {
                    schemeId: scheme.id,
                    description:
                      "Report the quality indicators to the quality committee monthly for the first six months.",
                  },
                ],
              }
            : undefined,
      },
    });
  }
  if (signed && nursing) {
    await tx.qualitySignOff.create({
      data: {
        assessmentId: qia.id,
        capacity: "NURSING",
        userId: nursing,
        outcome: "APPROVED",
        comment: "Safe staffing levels maintained.",
      },
    });
  }
  // Complete schemes had their post-implementation review (by the medical signatory, where there is one).
  if (scheme.stage === "COMPLETE" && medical) {
    await tx.qualityReview.create({
      data: {
        assessmentId: qia.id,
        reviewedById: medical,
        findings:
          "No deterioration in the quality indicators since implementation; no incidents attributed to the change.",
      },
    });
  }
}

async function seedEia(
  tx: Prisma.TransactionClient,
  scheme: SchemeRow,
  plan: Plan,
  n: number,
  signer: string | undefined,
  now: Date,
) {
  if (plan === "started") {
    await tx.equalityAssessment.create({ data: { schemeId: scheme.id } });
    return;
  }
  // Full QIAs go with a negative equality impact on one characteristic and a full EIA.
  const full = plan.startsWith("full") && plan !== "full-draft";
  const negative: ProtectedCharacteristic = (["AGE", "DISABILITY", "SEX"] as const)[n % 3]!;
  const approved = full && plan.startsWith("full-signed") && signer;
  await tx.equalityAssessment.create({
    data: {
      schemeId: scheme.id,
      status: approved ? "APPROVED" : full ? "AWAITING_SIGN_OFF" : "DRAFT",
      screeningComplete: true,
      fullRequired: full,
      analysis: full
        ? "The change affects services used more by this group; the evidence is from the trust's patient activity data."
        : null,
      mitigations: full ? "Targeted communication and an alternative access route for people affected." : null,
      engagement: full ? "Patient panel and staff networks consulted." : null,
      signedOffById: approved ? signer : null,
      signedOffAt: approved ? now : null,
      signOffComment: approved ? "Proportionate mitigations." : null,
      screening: {
        create: PROTECTED_CHARACTERISTICS.map((characteristic) => ({
          characteristic,
          impact: full && characteristic === negative ? ("NEGATIVE" as const) : ("NONE" as const),
          note: full && characteristic === negative ? "See the full EIA." : null,
        })),
      },
    },
  });
}
