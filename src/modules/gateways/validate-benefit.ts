import { can, type Actor } from "@/server/auth/actor";
import { db } from "@/server/db";
import { DomainError, forbidden } from "@/server/errors";
import { assertVersion, lockSchemeForGateway, recordGatewayDecision, withRefusalsAudited } from "./gateway-records";
import type { ValidateBenefitInput } from "./gateway-schemas";

/** Finance confirms the saving in the ledger (a gate 3 criterion); never the scheme's own lead. */
export async function validateBenefit(actor: Actor, input: ValidateBenefitInput, now = new Date()) {
  return withRefusalsAudited(
    actor,
    "gateway.validate_benefit",
    { entityType: "scheme", entityId: input.schemeId },
    () =>
      db().$transaction(async (tx) => {
        const scheme = await lockSchemeForGateway(tx, actor, input.schemeId);
        if (!can(actor, "gateway.decide", scheme.organisationId))
          throw forbidden("Only the finance director or the PMO can validate a scheme's benefit.");
        if (scheme.leadId === actor.userId)
          throw forbidden("You lead this scheme, so another member of finance must validate its benefit.");
        assertVersion(scheme, input.version);
        if (scheme.stage !== "DELIVERY")
          throw new DomainError("INVALID", "Only a scheme in delivery has a benefit to validate.");
        if (scheme.benefitValidatedAt) throw new DomainError("CONFLICT", "The benefit has already been validated.");
        return recordGatewayDecision(tx, actor, scheme, {
          kind: "BENEFIT_VALIDATED",
          gate: 3,
          toStage: scheme.stage,
          reason: input.note,
          schemeChanges: { benefitValidatedAt: now },
        });
      }),
  );
}
