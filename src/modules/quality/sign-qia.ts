import type { Actor } from "@/server/auth/actor";
import { db } from "@/server/db";
import { forbidden } from "@/server/errors";
import { recordAudit } from "@/modules/audit/record-audit";
import { combinedOutcome, signOffRefusal } from "./qia-rules";
import { signatoryAt } from "./quality-access";
import { assertVersion, conflict, lockQia } from "./qia-write-helpers";
import type { SignQiaInput } from "./quality-schemas";

/**
 * A clinical approver signs a QIA version as its medical or nursing signatory. A rejection
 * rejects the QIA at once; the second approval approves it (with conditions if either set any,
 * each tracked until met). The row lock in lockQia makes two signatures at the same moment
 * apply one after the other, so the status is decided exactly once. A signature does not move
 * `version`: it changes no content, and the other signatory's page stays current.
 */
export async function signQia(actor: Actor, input: SignQiaInput) {
  return db().$transaction(async (tx) => {
    const qia = await lockQia(tx, actor, input.assessmentId);
    const refusal = signOffRefusal(
      signatoryAt(actor, qia.scheme.organisationId),
      input.capacity,
      qia.scheme,
      qia.signOffs,
    );
    if (refusal) throw forbidden(refusal);
    if (qia.status !== "AWAITING_SIGN_OFF") throw conflict("This version of the QIA is not awaiting sign-off.");
    assertVersion(qia, input.version);
    const signOff = await tx.qualitySignOff.create({
      data: {
        assessmentId: qia.id,
        capacity: input.capacity,
        userId: actor.userId,
        outcome: input.outcome,
        comment: input.comment ?? null,
        conditions: { create: input.conditions.map((description) => ({ schemeId: qia.scheme.id, description })) },
      },
      include: { conditions: true },
    });
    const status = combinedOutcome([...qia.signOffs, signOff]);
    const after = status ? await tx.qualityAssessment.update({ where: { id: qia.id }, data: { status } }) : qia;
    await recordAudit(tx, actor, {
      action: "qia.sign",
      entityType: "quality_assessment",
      entityId: qia.id,
      organisationId: qia.scheme.organisationId,
      before: { status: qia.status },
      after: { status: after.status, signOff },
    });
    return { signOff, status: after.status, schemeId: qia.scheme.id };
  });
}
