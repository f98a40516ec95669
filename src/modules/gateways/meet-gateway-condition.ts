import { schemeScope } from "@/modules/schemes/scheme-access";
import { can, type Actor } from "@/server/auth/actor";
import { db } from "@/server/db";
import { forbidden, notFound } from "@/server/errors";
import { withRefusalsAudited } from "./gateway-records";
import type { MeetConditionInput } from "./gateway-schemas";
import { recordConditionMet } from "./tracked-conditions";

/** Finance records that a condition of a gateway approval has been met; never the scheme's own lead. */
export async function meetGatewayCondition(actor: Actor, input: MeetConditionInput, now = new Date()) {
  const target = { entityType: "tracked_condition" as const, entityId: input.conditionId };
  return withRefusalsAudited(actor, "gateway.condition.met", target, () =>
    db().$transaction(async (tx) => {
      const condition = await tx.trackedCondition.findFirst({
        where: { id: input.conditionId, gatewayDecisionId: { not: null }, scheme: schemeScope(actor) },
        include: { scheme: { select: { organisationId: true, leadId: true } } },
      });
      if (!condition) throw notFound("The condition");
      if (!can(actor, "gateway.decide", condition.scheme.organisationId))
        throw forbidden("Only the finance director or the PMO can mark a gateway condition met.");
      if (condition.scheme.leadId === actor.userId)
        throw forbidden("You lead this scheme, so another member of finance must confirm its conditions are met.");
      await recordConditionMet(tx, actor, condition, input.note ?? null, now, "gateway.condition.met");
      return { schemeId: condition.schemeId };
    }),
  );
}
