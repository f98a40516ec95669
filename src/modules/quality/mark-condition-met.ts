import type { Actor } from "@/server/auth/actor";
import { db } from "@/server/db";
import { forbidden, notFound } from "@/server/errors";
import { recordConditionMet } from "@/modules/gateways/tracked-conditions";
import { schemeScope } from "@/modules/schemes/scheme-access";
import { canFollowUpQuality } from "./quality-access";
import type { MarkConditionMetInput } from "./quality-schemas";

/** Marks a condition of a QIA sign-off as met, with a note of how (finance or a clinical approver). */
export async function markQiaConditionMet(actor: Actor, input: MarkConditionMetInput, now = new Date()) {
  return db().$transaction(async (tx) => {
    const condition = await tx.trackedCondition.findFirst({
      where: { id: input.conditionId, qualitySignOffId: { not: null }, scheme: schemeScope(actor) },
      include: { scheme: { select: { organisationId: true, leadId: true } } },
    });
    if (!condition) throw notFound("The condition");
    if (!canFollowUpQuality(actor, condition.scheme))
      throw forbidden(
        "Only finance or a clinical approver of the organisation, other than the scheme's lead, can mark a condition met.",
      );
    return recordConditionMet(tx, actor, condition, input.note ?? null, now, "qia.condition.met");
  });
}
