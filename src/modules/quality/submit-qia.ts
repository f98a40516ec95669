import type { Actor } from "@/server/auth/actor";
import { db } from "@/server/db";
import { DomainError, forbidden } from "@/server/errors";
import { recordAudit } from "@/modules/audit/record-audit";
import { canEditScheme } from "@/modules/schemes/scheme-access";
import { fullQiaGaps } from "./qia-rules";
import { assertVersion, conflict, lockQia, updateQiaVersion } from "./qia-write-helpers";
import type { QiaVersionInput } from "./quality-schemas";

/** Sends a complete full QIA to its medical and nursing signatories. */
export async function submitQiaForSignOff(actor: Actor, input: QiaVersionInput) {
  return db().$transaction(async (tx) => {
    const qia = await lockQia(tx, actor, input.assessmentId);
    if (!canEditScheme(actor, qia.scheme))
      throw forbidden("Only the scheme's lead, finance or the PMO can submit its QIA.");
    assertVersion(qia, input.version);
    if (qia.status !== "DRAFT") throw conflict("Only a draft QIA can be sent for sign-off.");
    if (!qia.screeningComplete) throw conflict("Finish the screening first.");
    if (!qia.fullRequired)
      throw conflict("Screening found no negative impact above the threshold, so this QIA needs no sign-off.");
    const before = await tx.qualityAssessment.findUniqueOrThrow({
      where: { id: qia.id },
      include: { dimensions: { include: { dimension: { select: { name: true } } } } },
    });
    const indicatorCount = await tx.kpi.count({ where: { schemeId: qia.scheme.id, qualityIndicator: true } });
    const gaps = fullQiaGaps({
      ...before,
      indicatorCount,
      dimensions: before.dimensions.map((d) => ({ ...d, name: d.dimension.name })),
    });
    if (gaps.length > 0) throw new DomainError("INVALID", `The full QIA is not complete. ${gaps.join(" ")}`);
    const after = await updateQiaVersion(tx, qia, { status: "AWAITING_SIGN_OFF" });
    await recordAudit(tx, actor, {
      action: "qia.submit",
      entityType: "quality_assessment",
      entityId: qia.id,
      organisationId: qia.scheme.organisationId,
      before: { status: qia.status },
      after: { status: after.status },
    });
    return after;
  });
}
