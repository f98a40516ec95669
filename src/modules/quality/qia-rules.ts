import type { ClinicalCapacity, ImpactDirection, QiaStatus, SignOffOutcome } from "@/generated/prisma/enums";

/**
 * Quality impact assessment rules (DESIGN.md section 2), pure so the forms, the use cases and
 * the gateway snapshot all agree. Scores use the NHS 5x5 matrix: likelihood x consequence.
 */

export const CLINICAL_CAPACITIES = ["MEDICAL", "NURSING"] as const satisfies readonly ClinicalCapacity[];

export interface ScreeningAnswer {
  impact: ImpactDirection;
  likelihood: number;
  consequence: number;
}

export interface FullDimension extends ScreeningAnswer {
  description: string | null;
  mitigations: string | null;
  residualLikelihood: number | null;
  residualConsequence: number | null;
}

export function screeningScore(likelihood: number, consequence: number): number {
  return likelihood * consequence;
}

/**
 * A dimension needs the full QIA when its score is above the threshold and the impact is
 * negative. A positive or no impact never does, whatever its score: the score then measures
 * how likely and how large a benefit (or nothing) is, not a harm to mitigate.
 */
export function isAboveThreshold(answer: ScreeningAnswer, threshold: number): boolean {
  return answer.impact === "NEGATIVE" && screeningScore(answer.likelihood, answer.consequence) > threshold;
}

/** Screening is complete when every active dimension has an answer. */
export function isScreeningComplete(
  activeDimensionIds: readonly string[],
  answeredDimensionIds: readonly string[],
): boolean {
  const answered = new Set(answeredDimensionIds);
  return activeDimensionIds.every((id) => answered.has(id));
}

export function isFullQiaRequired(answers: readonly ScreeningAnswer[], threshold: number): boolean {
  return answers.some((a) => isAboveThreshold(a, threshold));
}

export function residualScore(d: Pick<FullDimension, "residualLikelihood" | "residualConsequence">): number | null {
  return d.residualLikelihood === null || d.residualConsequence === null
    ? null
    : screeningScore(d.residualLikelihood, d.residualConsequence);
}

/** The highest residual score of any scored dimension (null before any is scored). */
export function highestResidualScore(
  dimensions: readonly Pick<FullDimension, "residualLikelihood" | "residualConsequence">[],
): number | null {
  const scores = dimensions.map(residualScore).filter((s): s is number => s !== null);
  return scores.length ? Math.max(...scores) : null;
}

export interface FullQiaContent {
  threshold: number;
  impactSummary: string | null;
  reviewDate: Date | null;
  indicatorCount: number;
  dimensions: (FullDimension & { name: string })[];
}

/** What still stops a full QIA going for sign-off, as sentences; empty when complete. */
export function fullQiaGaps(qia: FullQiaContent): string[] {
  const gaps: string[] = [];
  for (const d of qia.dimensions.filter((x) => isAboveThreshold(x, qia.threshold))) {
    if (!d.description?.trim()) gaps.push(`${d.name}: describe the impact.`);
    if (!d.mitigations?.trim()) gaps.push(`${d.name}: record the mitigations.`);
    if (residualScore(d) === null) gaps.push(`${d.name}: score the residual likelihood and consequence.`);
  }
  if (!qia.impactSummary?.trim()) gaps.push("Write the impact summary.");
  if (qia.indicatorCount < 1) gaps.push("Name at least one quality indicator to monitor.");
  if (!qia.reviewDate) gaps.push("Set the post-implementation review date.");
  return gaps;
}

export const APPROVING_OUTCOMES: readonly SignOffOutcome[] = ["APPROVED", "APPROVED_WITH_CONDITIONS"];

export function isApproving(outcome: SignOffOutcome): boolean {
  return APPROVING_OUTCOMES.includes(outcome);
}

/**
 * The QIA's status once its sign-offs are in: any rejection rejects it at once; both
 * signatories approving approves it, with conditions if either set some; otherwise it is
 * still awaiting the other signature (null).
 */
export function combinedOutcome(
  signOffs: readonly { capacity: ClinicalCapacity; outcome: SignOffOutcome }[],
): QiaStatus | null {
  if (signOffs.some((s) => s.outcome === "REJECTED")) return "REJECTED";
  const signed = new Set(signOffs.map((s) => s.capacity));
  if (!CLINICAL_CAPACITIES.every((c) => signed.has(c))) return null;
  return signOffs.some((s) => s.outcome === "APPROVED_WITH_CONDITIONS") ? "APPROVED_WITH_CONDITIONS" : "APPROVED";
}

export interface Signatory {
  userId: string;
  /** Holds the clinical approver role at the scheme's organisation. */
  isClinicalApprover: boolean;
  /** The clinical capacities of that role there (medical, nursing). */
  capacities: readonly ClinicalCapacity[];
}

/**
 * Why this person may not sign this version in this capacity (null: they may). The scheme's
 * lead never signs; a signatory signs once per version, in a capacity they hold, and each
 * capacity is signed once.
 */
export function signOffRefusal(
  who: Signatory,
  capacity: ClinicalCapacity,
  scheme: { leadId: string },
  existing: readonly { userId: string; capacity: ClinicalCapacity }[],
): string | null {
  if (!who.isClinicalApprover) return "Only a clinical approver of the scheme's organisation can sign off its QIA.";
  if (scheme.leadId === who.userId) return "You lead this scheme, so you cannot sign off its QIA.";
  const mine = existing.find((s) => s.userId === who.userId);
  if (mine)
    return `You have already signed this version of the QIA as the ${CAPACITY_LABELS[mine.capacity].toLowerCase()} signatory.`;
  if (!who.capacities.includes(capacity))
    return `You are not a ${CAPACITY_LABELS[capacity].toLowerCase()} signatory, so you cannot sign in that capacity.`;
  if (existing.some((s) => s.capacity === capacity))
    return `The ${CAPACITY_LABELS[capacity].toLowerCase()} sign-off of this version has already been given.`;
  return null;
}

/** The capacities this person could still sign this version in (empty: none). */
export function capacitiesOpenTo(
  who: Signatory,
  scheme: { leadId: string },
  existing: readonly { userId: string; capacity: ClinicalCapacity }[],
): ClinicalCapacity[] {
  return CLINICAL_CAPACITIES.filter((c) => signOffRefusal(who, c, scheme, existing) === null);
}

/**
 * How a version's content may change: a draft freely; one awaiting sign-off that nobody has
 * signed goes back to draft; once anyone has signed (or it is decided) only a new version may
 * change it, so a signature always covers exactly what was signed.
 */
export type QiaEditMode = "edit" | "back-to-draft" | "new-version" | "closed";

export function qiaEditMode(status: QiaStatus, signOffCount: number): QiaEditMode {
  if (status === "SUPERSEDED") return "closed";
  if (status === "DRAFT") return "edit";
  if (status === "AWAITING_SIGN_OFF" && signOffCount === 0) return "back-to-draft";
  return "new-version";
}

/**
 * A post-implementation review looks back at a QIA that was settled: screened with no full
 * QIA needed, or a full QIA approved (with or without conditions).
 */
export function mayBeReviewed(qia: { status: QiaStatus; screeningComplete: boolean; fullRequired: boolean }): boolean {
  if (qia.status === "SUPERSEDED" || !qia.screeningComplete) return false;
  return qia.fullRequired
    ? qia.status === "APPROVED" || qia.status === "APPROVED_WITH_CONDITIONS"
    : qia.status !== "REJECTED";
}

/** Review date passed (whole days) and no review recorded on this version. */
export function isReviewOverdue(
  qia: { status: QiaStatus; reviewDate: Date | null; reviewCount: number },
  today: Date,
): boolean {
  return qia.status !== "SUPERSEDED" && qia.reviewDate !== null && qia.reviewDate < today && qia.reviewCount === 0;
}

export const CAPACITY_LABELS: Record<ClinicalCapacity, string> = { MEDICAL: "Medical", NURSING: "Nursing" };

export const QIA_STATUS_LABELS: Record<QiaStatus, string> = {
  DRAFT: "Draft",
  AWAITING_SIGN_OFF: "Awaiting sign-off",
  APPROVED: "Approved",
  APPROVED_WITH_CONDITIONS: "Approved with conditions",
  REJECTED: "Rejected",
  SUPERSEDED: "Superseded",
};

export const SIGN_OFF_OUTCOME_LABELS: Record<SignOffOutcome, string> = {
  APPROVED: "Approved",
  APPROVED_WITH_CONDITIONS: "Approved with conditions",
  REJECTED: "Rejected",
};

export const IMPACT_LABELS: Record<ImpactDirection, string> = {
  POSITIVE: "Positive",
  NONE: "None",
  NEGATIVE: "Negative",
};

/** How a QIA whose screening found no full QIA needed reads everywhere (issue 13 item 9). */
export const SCREENED_OUT_LABEL = "Screened out: no full QIA needed";
export const SCREENED_OUT_REASON = `${SCREENED_OUT_LABEL} (no negative impact scores above the threshold).`;
