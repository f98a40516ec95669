import type { Actor } from "@/server/auth/actor";
import { db } from "@/server/db";
import { forbidden, notFound } from "@/server/errors";
import { recordAudit } from "@/modules/audit/record-audit";
import { schemeScope } from "@/modules/schemes/scheme-access";
import { canFollowUpQuality } from "./quality-access";
import { conflict } from "./qia-write-helpers";
import type { MarkConditionMetInput } from "./quality-schemas";

/** Marks a condition of a QIA sign-off as met, with a note of how (finance or a clinical approver). */
export async function markQiaConditionMet(actor: Actor, input: MarkConditionMetInput, now = new Date()) {
  return db().$transaction(async (tx) => {
    const condition = await tx.trackedCondition.findFirst({
      where: { id: input.conditionId, qualitySignOffId: { not: null }, scheme: schemeScope(actor) },
      include: { scheme: { select: { organisationId: true, leadId: true } } },
    });
    if (!condition) throw notFound("The condition");
    if (!canFollowUpQuality(actor, condition.scheme)) throw forbidden("Only finance or a clinical approver of the organisation, other than the scheme's lead, can mark a condition met.");
    // Conditional update: of two people marking it at once, one records it.
    const { count } = await tx.trackedCondition.updateMany({ where: { id: condition.id, metAt: null }, data: { metAt: now, metById: actor.userId, metNote: input.note } });
    if (count === 0) throw conflict("This condition has already been marked met.");
    const after = await tx.trackedCondition.findUniqueOrThrow({ where: { id: condition.id } });
    const { scheme: _scheme, ...before } = condition;
    void _scheme;
    await recordAudit(tx, actor, { action: "qia.condition.met", entityType: "tracked_condition", entityId: condition.id, organisationId: condition.scheme.organisationId, before, after });
    return after;
  });
}
