import { formatFinancialYear, monthLabel, type FinancialMonth } from "@/lib/financial-year";
import { formatMoneyPair } from "@/lib/money";

/**
 * The gateway criteria of DESIGN.md section 3 as one pure function: given everything the rules
 * look at (a snapshot the server builds from the database), each gate's verdict and every
 * failed criterion as a sentence a finance director would write. The gateway panel and the
 * server actions both call it; the server never trusts the client's view of it.
 */

export type Gate = 1 | 2 | 3;

export interface QualityAssessmentState {
  /** Every dimension of the QIA screening has been answered. */
  screeningAnswered: boolean;
  /** Screening found a dimension above the threshold: a full QIA is needed. */
  fullRequired: boolean;
  medicalSignedOff: boolean;
  nursingSignedOff: boolean;
  /** The highest residual score of any dimension in the full QIA (null before it is scored). */
  highestResidualScore: number | null;
  /** A quality committee recorded an override of the residual-score rule. */
  qualityCommitteeOverride: boolean;
  postImplementationReviewRecorded: boolean;
}

export interface EqualityAssessmentState {
  screeningAnswered: boolean;
  fullRequired: boolean;
  fullApproved: boolean;
}

export interface GatewaySnapshot {
  title: string;
  description: string;
  hasLead: boolean;
  hasOrganisation: boolean;
  hasWorkstream: boolean;
  hasCategory: boolean;
  recurrenceStated: boolean;
  fullYearEffectPence: number;
  inYearValuePence: number;
  financialYear: number;
  startMonth: number | null;
  /** Plan for months 1-12 of `financialYear` (null = not entered). */
  plan: (number | null)[];
  /** Actuals for months 1-12 of `financialYear` (null = not recorded). */
  actual: (number | null)[];
  /** Months of `financialYear` that have ended. */
  elapsedMonths: number;
  activityCount: number;
  kpiCount: number;
  /** Open or closed risks recorded on the scheme's register. */
  riskCount: number;
  wteStated: boolean;
  qia: QualityAssessmentState | null;
  eia: EqualityAssessmentState | null;
  financeValidatedBenefit: boolean;
}

export interface Criterion {
  /** Stable key, e.g. "plan-adds-up", for tests and for linking to the place to fix it. */
  key: string;
  message: string;
}

export interface GateVerdict {
  gate: Gate;
  passes: boolean;
  failures: Criterion[];
}

/** A full QIA may not carry a dimension whose residual score is this or more (DESIGN.md section 3). */
export const RESIDUAL_SCORE_LIMIT = 15;

const fail = (key: string, message: string): Criterion => ({ key, message });

function gateOne(s: GatewaySnapshot): Criterion[] {
  const failures: Criterion[] = [];
  if (!s.title.trim()) failures.push(fail("title", "The scheme has no title."));
  if (!s.description.trim()) failures.push(fail("description", "The scheme has no description."));
  if (!s.hasLead) failures.push(fail("lead", "No lead is named."));
  if (!s.hasOrganisation) failures.push(fail("organisation", "No organisation is set."));
  if (!s.hasWorkstream) failures.push(fail("workstream", "The scheme is not linked to a workstream."));
  if (!s.hasCategory) failures.push(fail("category", "No category (pay, non-pay or income) is set."));
  if (!s.recurrenceStated) failures.push(fail("recurrence", "It is not stated whether the saving is recurrent."));
  if (s.fullYearEffectPence <= 0)
    failures.push(fail("full-year-effect", "The estimated full-year effect must be more than £0."));
  if (!s.qia?.screeningAnswered)
    failures.push(fail("qia-screening", "The quality impact screening has not been answered."));
  if (!s.eia?.screeningAnswered)
    failures.push(fail("eia-screening", "The equality impact screening has not been answered."));
  return failures;
}

function planFailures(s: GatewaySnapshot): Criterion[] {
  const year = formatFinancialYear(s.financialYear);
  const missing = s.plan.flatMap((value, i) => (value === null ? [i + 1] : []));
  if (missing.length === 12) return [fail("plan-entered", `No monthly plan has been entered for ${year}.`)];
  const failures: Criterion[] = [];
  if (missing.length > 0) {
    const months = missing.map((m) => `M${m} ${monthLabel(m as FinancialMonth)}`).join(", ");
    failures.push(fail("plan-entered", `The monthly plan for ${year} is missing ${months}.`));
  }
  const total = s.plan.reduce<number>((sum, v) => sum + (v ?? 0), 0);
  if (total !== s.inYearValuePence) {
    const [planned, inYear] = formatMoneyPair(total, s.inYearValuePence);
    failures.push(
      fail("plan-adds-up", `Monthly plan for ${year} adds up to ${planned} but the in-year value is ${inYear}.`),
    );
  }
  return failures;
}

function gateTwo(s: GatewaySnapshot): Criterion[] {
  const failures = planFailures(s);
  if (s.startMonth === null) failures.push(fail("start-month", "The start month is not set."));
  if (s.activityCount < 1) failures.push(fail("activities", "The scheme has no activity or milestone."));
  if (s.kpiCount < 1) failures.push(fail("kpis", "The scheme has no KPI."));
  if (s.riskCount < 1)
    failures.push(fail("risks", "The scheme's risks have not been assessed: its risk register is empty."));
  if (!s.wteStated) failures.push(fail("wte", "The WTE impact (substantive, bank, agency) is not stated."));
  const qia = s.qia;
  if (qia?.fullRequired) {
    if (!qia.medicalSignedOff)
      failures.push(fail("qia-medical", "The full QIA has not been signed off by the medical signatory."));
    if (!qia.nursingSignedOff)
      failures.push(fail("qia-nursing", "The full QIA has not been signed off by the nursing signatory."));
    if (
      qia.highestResidualScore !== null &&
      qia.highestResidualScore >= RESIDUAL_SCORE_LIMIT &&
      !qia.qualityCommitteeOverride
    ) {
      failures.push(
        fail(
          "qia-residual",
          `A quality dimension keeps a residual score of ${qia.highestResidualScore} (${RESIDUAL_SCORE_LIMIT} or more needs a recorded quality-committee override).`,
        ),
      );
    }
  }
  if (s.eia?.fullRequired && !s.eia.fullApproved)
    failures.push(fail("eia-full", "The full equality impact assessment has not been approved."));
  return failures;
}

function gateThree(s: GatewaySnapshot): Criterion[] {
  const failures: Criterion[] = [];
  // Months before the scheme started owe no actual.
  const firstMonth = s.startMonth ?? 1;
  const missing = s.actual
    .slice(0, s.elapsedMonths)
    .flatMap((value, i) => (value === null && i + 1 >= firstMonth ? [i + 1] : []));
  if (missing.length > 0) {
    const months = missing.map((m) => `M${m} ${monthLabel(m as FinancialMonth)}`).join(", ");
    failures.push(fail("actuals", `Actuals are missing for ${months} of ${formatFinancialYear(s.financialYear)}.`));
  }
  if (!s.qia?.postImplementationReviewRecorded)
    failures.push(fail("qia-review", "No post-implementation quality review has been recorded."));
  if (!s.financeValidatedBenefit) failures.push(fail("benefit-validated", "Finance has not validated the benefit."));
  return failures;
}

const RULES: Record<Gate, (s: GatewaySnapshot) => Criterion[]> = { 1: gateOne, 2: gateTwo, 3: gateThree };

export function evaluateGate(gate: Gate, snapshot: GatewaySnapshot): GateVerdict {
  const failures = RULES[gate](snapshot);
  return { gate, passes: failures.length === 0, failures };
}

export function evaluateAllGates(snapshot: GatewaySnapshot): GateVerdict[] {
  return ([1, 2, 3] as const).map((gate) => evaluateGate(gate, snapshot));
}
