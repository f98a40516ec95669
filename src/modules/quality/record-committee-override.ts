import type { Actor } from "@/server/auth/actor";
import { db } from "@/server/db";
import { forbidden } from "@/server/errors";
import { recordAudit } from "@/modules/audit/record-audit";
import { canOverrideQuality } from "./quality-access";
import { assertVersion, conflict, lockQia, updateQiaVersion } from "./qia-write-helpers";
import type { RecordCommitteeOverrideInput } from "./quality-schemas";

/**
 * Records the quality committee's decision to accept a residual score of 15 or more (gateway 2
 * then lets it pass). Finance records it, never as the scheme's lead.
 */
export async function recordQualityCommitteeOverride(actor: Actor, input: RecordCommitteeOverrideInput) {
  return db().$transaction(async (tx) => {
    const qia = await lockQia(tx, actor, input.assessmentId);
    if (!canOverrideQuality(actor, qia.scheme))
      throw forbidden(
        "Only finance of the organisation, other than the scheme's lead, can record a quality committee override.",
      );
    assertVersion(qia, input.version);
    if (qia.status === "SUPERSEDED")
      throw conflict("This is an earlier version of the QIA; record the override on the current one.");
    if (!qia.fullRequired) throw conflict("Only a full QIA can carry a quality committee override.");
    const after = await updateQiaVersion(tx, qia, { committeeOverride: input.reason });
    await recordAudit(tx, actor, {
      action: "qia.committee-override",
      entityType: "quality_assessment",
      entityId: qia.id,
      organisationId: qia.scheme.organisationId,
      before: { committeeOverride: qia.committeeOverride },
      after: { committeeOverride: after.committeeOverride },
    });
    return after;
  });
}
