import type { EqualityAssessmentState, QualityAssessmentState } from "@/modules/gateways/gateway-rules";
import type { Tx } from "@/server/db";
import { highestResidualScore, isApproving } from "./qia-rules";

/**
 * What the gateway rules need to know about a scheme's QIA (its current version) and EIA, read
 * inside the caller's transaction. Null when the assessment has not been started.
 */
export async function loadAssessmentStates(
  tx: Tx,
  schemeId: string,
): Promise<{ qia: QualityAssessmentState | null; eia: EqualityAssessmentState | null }> {
  // One after the other: a transaction is one connection, which runs one query at a time.
  const qia = await tx.qualityAssessment.findFirst({
    // The current version; a superseded one never counts, even if it were the only one.
    where: { schemeId, status: { not: "SUPERSEDED" } },
    orderBy: { number: "desc" },
    include: {
      dimensions: { select: { residualLikelihood: true, residualConsequence: true } },
      signOffs: { select: { capacity: true, outcome: true } },
      reviews: { select: { reopened: true } },
    },
  });
  const eia = await tx.equalityAssessment.findUnique({
    where: { schemeId },
    select: { status: true, screeningComplete: true, fullRequired: true },
  });
  return {
    qia: qia && {
      screeningAnswered: qia.screeningComplete,
      fullRequired: qia.fullRequired,
      medicalSignedOff: qia.signOffs.some((s) => s.capacity === "MEDICAL" && isApproving(s.outcome)),
      nursingSignedOff: qia.signOffs.some((s) => s.capacity === "NURSING" && isApproving(s.outcome)),
      highestResidualScore: highestResidualScore(qia.dimensions),
      qualityCommitteeOverride: qia.committeeOverride !== null,
      // A review that reopened the QIA sits on a superseded version, never the current one.
      postImplementationReviewRecorded: qia.reviews.some((r) => !r.reopened),
    },
    eia: eia && {
      screeningAnswered: eia.screeningComplete,
      fullRequired: eia.fullRequired,
      fullApproved: eia.fullRequired && eia.status === "APPROVED",
    },
  };
}
