import { can, type Actor } from "@/server/auth/actor";
import { db } from "@/server/db";
import { DomainError, forbidden, invalidField } from "@/server/errors";
import { nextGate } from "./gateway-flow";
import { assertVersion, lockSchemeForGateway, recordGatewayDecision, withRefusalsAudited } from "./gateway-records";
import { evaluateGate } from "./gateway-rules";
import type { SubmitForGatewayInput } from "./gateway-schemas";
import { loadGatewaySnapshot } from "./gateway-snapshot";

/** Sentence for a gate's failed criteria, for messages and for the audit trail. */
export function failedCriteriaMessage(gate: number, failures: { message: string }[]): string {
  return `Gateway ${gate} criteria are not met: ${failures.map((f) => f.message).join(" ")}`;
}

/**
 * The scheme's lead (or finance on their behalf) asks for the next gateway decision. Only a
 * scheme that meets the gate's criteria can be submitted, so approvers see complete cases.
 */
export async function submitForGateway(actor: Actor, input: SubmitForGatewayInput, now = new Date()) {
  return withRefusalsAudited(actor, "gateway.submit", { entityType: "scheme", entityId: input.schemeId }, () =>
    db().$transaction(async (tx) => {
      const scheme = await lockSchemeForGateway(tx, actor, input.schemeId);
      const isLead = scheme.leadId === actor.userId && can(actor, "scheme.submit", scheme.organisationId);
      if (!isLead && !can(actor, "scheme.edit.any", scheme.organisationId)) {
        throw forbidden("Only the scheme's lead, finance or the PMO can submit it for a gateway.");
      }
      assertVersion(scheme, input.version);
      const gate = nextGate(scheme.stage);
      if (gate !== input.gate)
        throw invalidField(
          "gate",
          `This scheme is not at gateway ${input.gate}; it is ${scheme.stage.toLowerCase().replace("_", " ")}.`,
        );
      if (scheme.submittedGate !== null)
        throw new DomainError(
          "CONFLICT",
          `The scheme is already awaiting a decision at gateway ${scheme.submittedGate}.`,
        );
      const verdict = evaluateGate(gate, await loadGatewaySnapshot(tx, scheme.id, now));
      if (!verdict.passes) throw new DomainError("INVALID", failedCriteriaMessage(gate, verdict.failures));
      return recordGatewayDecision(tx, actor, scheme, {
        kind: "SUBMITTED",
        gate,
        toStage: scheme.stage,
        verdict,
        schemeChanges: { submittedGate: gate, submittedAt: now },
      });
    }),
  );
}
