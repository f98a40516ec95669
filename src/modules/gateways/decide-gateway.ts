import type { Actor } from "@/server/auth/actor";
import { db, type Tx } from "@/server/db";
import { startOfUtcDay } from "@/lib/dates";
import { DomainError, forbidden, invalidField } from "@/server/errors";
import { decisionRefusal } from "./approver-standing";
import { stageAfterGate } from "./gateway-flow";
import {
  assertVersion,
  lockSchemeForGateway,
  recordGatewayDecision,
  recordPlanBaseline,
  withRefusalsAudited,
} from "./gateway-records";
import { evaluateGate, type Gate } from "./gateway-rules";
import type { DecideGatewayInput } from "./gateway-schemas";
import { loadGatewaySnapshot } from "./gateway-snapshot";
import { failedCriteriaMessage } from "./submit-for-gateway";

/** Gateway 2 baselines the plan of the scheme's year and locks it (DESIGN.md section 3). */
async function baselinePlan(
  tx: Tx,
  actor: Actor,
  scheme: { id: string; financialYear: number },
  reason: string | null,
) {
  const months = await tx.schemeMonth.findMany({
    where: { schemeId: scheme.id, financialYear: scheme.financialYear },
    select: { month: true, planPence: true },
  });
  const monthsPence = Array.from({ length: 12 }, (_, i) => months.find((m) => m.month === i + 1)?.planPence ?? 0n);
  await recordPlanBaseline(tx, actor, scheme, monthsPence, reason);
}

/**
 * An approver approves, rejects or defers the gateway the scheme was submitted for. The
 * criteria are judged again on the server at this moment and stored with the decision; an
 * approval of a gate whose criteria fail is refused, whatever the approver's screen showed.
 */
export async function decideGateway(actor: Actor, input: DecideGatewayInput, now = new Date()) {
  return withRefusalsAudited(
    actor,
    `gateway.${input.decision.toLowerCase()}`,
    { entityType: "scheme", entityId: input.schemeId },
    () =>
      db().$transaction(async (tx) => {
        const scheme = await lockSchemeForGateway(tx, actor, input.schemeId);
        const refusal = decisionRefusal(actor, scheme, scheme.organisation.directorThresholdPence, input.gate as Gate);
        if (refusal) throw forbidden(refusal);
        assertVersion(scheme, input.version);
        if (scheme.submittedGate !== input.gate) {
          throw new DomainError(
            "CONFLICT",
            `The scheme is not awaiting a decision at gateway ${input.gate}${scheme.submittedGate ? ` (it awaits gateway ${scheme.submittedGate})` : ""}.`,
          );
        }
        const gate = input.gate as Gate;
        const verdict = evaluateGate(gate, await loadGatewaySnapshot(tx, scheme.id, now));
        const cleared = { submittedGate: null, submittedAt: null };
        if (input.decision === "APPROVE") {
          if (!verdict.passes) throw new DomainError("INVALID", failedCriteriaMessage(gate, verdict.failures));
          if (input.conditionsDueOn && input.conditionsDueOn < startOfUtcDay(now))
            throw invalidField("conditionsDueOn", "The conditions' due date cannot be in the past");
          if (gate === 2) await baselinePlan(tx, actor, scheme, null);
          return recordGatewayDecision(tx, actor, scheme, {
            kind: "APPROVED",
            gate,
            toStage: stageAfterGate(gate),
            reason: input.reason,
            verdict,
            conditions: input.conditions,
            conditionsDueOn: input.conditionsDueOn,
            schemeChanges: gate === 2 ? { ...cleared, planLockedAt: now } : cleared,
          });
        }
        return recordGatewayDecision(tx, actor, scheme, {
          kind: input.decision === "REJECT" ? "REJECTED" : "DEFERRED",
          gate,
          toStage: input.decision === "REJECT" ? "REJECTED" : scheme.stage,
          reason: input.reason,
          verdict,
          // A rejected scheme remembers where it was, so finance can only return it that far.
          schemeChanges: input.decision === "REJECT" ? { ...cleared, stageBeforeHold: scheme.stage } : cleared,
        });
      }),
  );
}
