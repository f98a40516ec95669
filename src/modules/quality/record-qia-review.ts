import type { Actor } from "@/server/auth/actor";
import { db } from "@/server/db";
import { forbidden } from "@/server/errors";
import { recordAudit } from "@/modules/audit/record-audit";
import { mayBeReviewed } from "./qia-rules";
import { canFollowUpQuality } from "./quality-access";
import { assertVersion, conflict, lockQia, startNextVersion } from "./qia-write-helpers";
import type { RecordQiaReviewInput } from "./quality-schemas";

/**
 * Records a post-implementation review of the current QIA (finance or a clinical approver,
 * never the scheme's lead). A review that reopens the QIA starts its next version as a draft.
 */
export async function recordQiaReview(actor: Actor, input: RecordQiaReviewInput) {
  return db().$transaction(async (tx) => {
    const qia = await lockQia(tx, actor, input.assessmentId);
    if (!canFollowUpQuality(actor, qia.scheme))
      throw forbidden(
        "Only finance or a clinical approver of the organisation, other than the scheme's lead, can record a QIA review.",
      );
    assertVersion(qia, input.version);
    if (!mayBeReviewed(qia))
      throw conflict("Only a screened QIA that needs no full QIA, or an approved full QIA, can be reviewed.");
    const review = await tx.qualityReview.create({
      data: { assessmentId: qia.id, reviewedById: actor.userId, findings: input.findings, reopened: input.reopen },
    });
    const next = input.reopen ? (await startNextVersion(tx, qia, actor.userId)).next : null;
    await recordAudit(tx, actor, {
      action: "qia.review",
      entityType: "quality_assessment",
      entityId: qia.id,
      organisationId: qia.scheme.organisationId,
      after: { review, reopenedAs: next ? { id: next.id, number: next.number } : null },
    });
    return { review, next, schemeId: qia.scheme.id };
  });
}
