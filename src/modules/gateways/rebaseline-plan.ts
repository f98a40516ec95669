import { formatMoneyPair } from "@/lib/money";
import { recordAudit } from "@/modules/audit/record-audit";
import { can, type Actor } from "@/server/auth/actor";
import { db } from "@/server/db";
import { DomainError, forbidden, invalidField } from "@/server/errors";
import {
  assertVersion,
  lockSchemeForGateway,
  recordGatewayDecision,
  recordPlanBaseline,
  withRefusalsAudited,
} from "./gateway-records";
import type { RebaselinePlanInput } from "./gateway-schemas";

/**
 * Finance replaces a locked plan with a new baseline, giving a reason. Every baseline is kept,
 * so the board can see what was promised at gateway 2 and each change since.
 */
export async function rebaselinePlan(actor: Actor, input: RebaselinePlanInput) {
  return withRefusalsAudited(actor, "gateway.rebaseline", { entityType: "scheme", entityId: input.schemeId }, () =>
    db().$transaction(async (tx) => {
      const scheme = await lockSchemeForGateway(tx, actor, input.schemeId);
      if (!can(actor, "plan.rebaseline", scheme.organisationId))
        throw forbidden("Only the finance director or the PMO can re-baseline a plan.");
      // Separation of duties: whoever leads the scheme does not reset the plan it is measured against.
      if (scheme.leadId === actor.userId)
        throw forbidden("You lead this scheme, so another member of finance must re-baseline its plan.");
      assertVersion(scheme, input.version);
      if (!scheme.planLockedAt)
        throw new DomainError(
          "INVALID",
          "The plan is not locked yet: change it in the monthly financials until gateway 2 baselines it.",
        );
      const total = input.plan.reduce((sum, v) => sum + v, 0);
      if (total !== Number(scheme.inYearValuePence)) {
        const [planned, inYear] = formatMoneyPair(total, Number(scheme.inYearValuePence));
        throw invalidField("plan", `The new plan adds up to ${planned} but the in-year value is ${inYear}`);
      }
      const before = await tx.schemeMonth.findMany({
        where: { schemeId: scheme.id, financialYear: scheme.financialYear },
        orderBy: { month: "asc" },
      });
      for (const [i, pence] of input.plan.entries()) {
        const key = { schemeId: scheme.id, financialYear: scheme.financialYear, month: i + 1 };
        await tx.schemeMonth.upsert({
          where: { schemeId_financialYear_month: key },
          create: { ...key, planPence: BigInt(pence) },
          update: { planPence: BigInt(pence) },
        });
      }
      const baseline = await recordPlanBaseline(
        tx,
        actor,
        scheme,
        input.plan.map((p) => BigInt(p)),
        input.reason,
      );
      await recordAudit(tx, actor, {
        action: "plan.rebaseline",
        entityType: "scheme",
        entityId: scheme.id,
        organisationId: scheme.organisationId,
        before,
        after: baseline,
      });
      return recordGatewayDecision(tx, actor, scheme, {
        kind: "REBASELINED",
        gate: null,
        toStage: scheme.stage,
        reason: input.reason,
      });
    }),
  );
}
