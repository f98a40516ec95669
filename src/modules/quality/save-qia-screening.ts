import type { Actor } from "@/server/auth/actor";
import { db } from "@/server/db";
import { forbidden, invalidField } from "@/server/errors";
import { recordAudit } from "@/modules/audit/record-audit";
import { canEditScheme } from "@/modules/schemes/scheme-access";
import { isFullQiaRequired, isScreeningComplete } from "./qia-rules";
import { assertEditable } from "./qia-edit-guard";
import { assertVersion, lockQia, updateQiaVersion } from "./qia-write-helpers";
import type { SaveQiaScreeningInput } from "./quality-schemas";

/**
 * Saves the screening (part done is fine): each answered dimension's impact, likelihood and
 * consequence. Works out whether screening is complete and whether a full QIA is required.
 */
export async function saveQiaScreening(actor: Actor, input: SaveQiaScreeningInput) {
  return db().$transaction(async (tx) => {
    const qia = await lockQia(tx, actor, input.assessmentId);
    if (!canEditScheme(actor, qia.scheme))
      throw forbidden("Only the scheme's lead, finance or the PMO can change its QIA.");
    assertVersion(qia, input.version);
    assertEditable(qia);
    const active = await tx.qualityDimension.findMany({ where: { active: true }, select: { id: true } });
    const activeIds = active.map((d) => d.id);
    for (const answer of input.answers) {
      if (!activeIds.includes(answer.dimensionId))
        throw invalidField(
          `impact.${answer.dimensionId}`,
          "This quality dimension is no longer assessed; reload the page",
        );
    }
    const before = await tx.qualityAssessment.findUniqueOrThrow({
      where: { id: qia.id },
      include: { dimensions: true },
    });
    const answeredIds = input.answers.map((a) => a.dimensionId);
    // A row cleared in the form is no longer answered.
    await tx.qualityAssessmentDimension.deleteMany({
      where: { assessmentId: qia.id, dimensionId: { in: activeIds.filter((id) => !answeredIds.includes(id)) } },
    });
    for (const { dimensionId, impact, likelihood, consequence } of input.answers) {
      await tx.qualityAssessmentDimension.upsert({
        where: { assessmentId_dimensionId: { assessmentId: qia.id, dimensionId } },
        create: { assessmentId: qia.id, dimensionId, impact, likelihood, consequence },
        update: { impact, likelihood, consequence },
      });
    }
    const after = await updateQiaVersion(tx, qia, {
      status: "DRAFT",
      screeningComplete: isScreeningComplete(activeIds, answeredIds),
      fullRequired: isFullQiaRequired(input.answers, qia.threshold),
    });
    await recordAudit(tx, actor, {
      action: "qia.screening.save",
      entityType: "quality_assessment",
      entityId: qia.id,
      organisationId: qia.scheme.organisationId,
      before,
      after,
    });
    return after;
  });
}
