import type { Actor } from "@/server/auth/actor";
import { db } from "@/server/db";
import { forbidden } from "@/server/errors";
import { recordAudit } from "@/modules/audit/record-audit";
import { canEditScheme } from "@/modules/schemes/scheme-access";
import { qiaEditMode } from "./qia-rules";
import { assertVersion, conflict, lockQia, startNextVersion } from "./qia-write-helpers";
import type { QiaVersionInput } from "./quality-schemas";

/**
 * Editing a signed (or decided) QIA: starts the next version as a draft with the same answers;
 * it needs both signatures again, and the signed version stays as it was, superseded.
 */
export async function reviseQia(actor: Actor, input: QiaVersionInput) {
  return db().$transaction(async (tx) => {
    const qia = await lockQia(tx, actor, input.assessmentId);
    if (!canEditScheme(actor, qia.scheme))
      throw forbidden("Only the scheme's lead, finance or the PMO can change its QIA.");
    assertVersion(qia, input.version);
    const mode = qiaEditMode(qia.status, qia.signOffs.length);
    if (mode === "closed") throw conflict("This is an earlier version of the QIA; a newer one exists.");
    if (mode !== "new-version") throw conflict("Nobody has signed this version yet: change it directly.");
    const { superseded, next } = await startNextVersion(tx, qia, actor.userId);
    await recordAudit(tx, actor, {
      action: "qia.revise",
      entityType: "quality_assessment",
      entityId: next.id,
      organisationId: qia.scheme.organisationId,
      before: { id: superseded.id, number: superseded.number, status: qia.status },
      after: next,
    });
    return next;
  });
}
