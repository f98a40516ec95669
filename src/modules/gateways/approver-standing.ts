import { can, organisationOf, type Actor } from "@/server/auth/actor";
import { approverRefusal } from "./gateway-flow";
import type { Gate } from "./gateway-rules";

const NOT_AN_APPROVER = "Only the finance director or the PMO can decide a gateway.";

/**
 * Why this actor may not decide this gate of this scheme, or null when they may: the one place
 * the server action, the gateway panel and the pipeline ask it.
 */
export function decisionRefusal(
  actor: Actor,
  scheme: { organisationId: string; leadId: string; fullYearEffectPence: bigint },
  directorThresholdPence: bigint,
  gate: Gate,
): string | null {
  const organisation = organisationOf(actor, scheme.organisationId);
  if (!organisation || !can(actor, "gateway.decide", scheme.organisationId)) return NOT_AN_APPROVER;
  return approverRefusal(
    { userId: actor.userId, roles: organisation.roles, financeCapacities: organisation.financeCapacities },
    {
      gate,
      schemeLeadId: scheme.leadId,
      fullYearEffectPence: Number(scheme.fullYearEffectPence),
      directorThresholdPence: Number(directorThresholdPence),
    },
  );
}

/** For pages: whether to offer the decision form, and the reason to show a finance user who may not. */
export function decisionStanding(
  actor: Actor,
  scheme: Parameters<typeof decisionRefusal>[1],
  directorThresholdPence: bigint,
  gate: Gate,
) {
  if (!can(actor, "gateway.decide", scheme.organisationId)) return { mayDecide: false, refusal: null };
  const refusal = decisionRefusal(actor, scheme, directorThresholdPence, gate);
  return { mayDecide: refusal === null, refusal };
}
