import type { EqualityAssessmentState, QualityAssessmentState } from "@/modules/gateways/gateway-rules";
import type { Tx } from "@/server/db";

const APPROVING = new Set(["APPROVED", "APPROVED_WITH_CONDITIONS"]);

/** What the gateway rules need to know of a scheme's current QIA and its EIA. */
export async function loadAssessmentStates(tx: Tx, schemeId: string): Promise<{ qia: QualityAssessmentState | null; eia: EqualityAssessmentState | null }> {
  const [qia, eia] = await Promise.all([
    tx.qualityAssessment.findFirst({
      where: { schemeId, status: { not: "SUPERSEDED" } },
      orderBy: { number: "desc" },
      include: { dimensions: true, signOffs: true, reviews: true },
    }),
    tx.equalityAssessment.findUnique({ where: { schemeId } }),
  ]);
  const signed = (capacity: "MEDICAL" | "NURSING") => qia?.signOffs.some((s) => s.capacity === capacity && APPROVING.has(s.outcome)) ?? false;
  const residuals = (qia?.dimensions ?? []).flatMap((d) => (d.residualLikelihood && d.residualConsequence ? [d.residualLikelihood * d.residualConsequence] : []));
  return {
    qia: qia && {
      screeningAnswered: qia.screeningComplete,
      fullRequired: qia.fullRequired,
      medicalSignedOff: signed("MEDICAL"),
      nursingSignedOff: signed("NURSING"),
      highestResidualScore: residuals.length ? Math.max(...residuals) : null,
      qualityCommitteeOverride: qia.committeeOverride !== null,
      postImplementationReviewRecorded: qia.reviews.some((r) => !r.reopened),
    },
    eia: eia && { screeningAnswered: eia.screeningComplete, fullRequired: eia.fullRequired, fullApproved: eia.status === "APPROVED" },
  };
}
