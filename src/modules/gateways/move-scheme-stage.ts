import type { SchemeStage } from "@/generated/prisma/enums";
import { canEditScheme } from "@/modules/schemes/scheme-access";
import { can, type Actor } from "@/server/auth/actor";
import { db } from "@/server/db";
import { DomainError, forbidden, invalidField } from "@/server/errors";
import { mayHold, mayWithdraw, returnableStages } from "./gateway-flow";
import { assertVersion, lockSchemeForGateway, recordGatewayDecision, withRefusalsAudited } from "./gateway-records";
import type { MoveSchemeInput, ReturnSchemeInput } from "./gateway-schemas";

const STAGES_BEFORE_DELIVERY: readonly SchemeStage[] = ["OPPORTUNITY", "PLANNING"];
const stageName = (stage: SchemeStage) => stage.toLowerCase().replace("_", " ");

/**
 * Finance returns a scheme to an earlier stage, with a reason. Back before delivery, the plan
 * is open again; its baselines stay on record.
 */
export async function returnScheme(actor: Actor, input: ReturnSchemeInput) {
  return withRefusalsAudited(actor, "gateway.return", { entityType: "scheme", entityId: input.schemeId }, () =>
    db().$transaction(async (tx) => {
      const scheme = await lockSchemeForGateway(tx, actor, input.schemeId);
      if (!can(actor, "gateway.decide", scheme.organisationId))
        throw forbidden("Only the finance director or the PMO can return a scheme to an earlier stage.");
      assertVersion(scheme, input.version);
      if (!returnableStages(scheme.stage, scheme.stageBeforeHold).includes(input.toStage)) {
        throw invalidField(
          "toStage",
          `A scheme in ${stageName(scheme.stage)} cannot be returned to ${stageName(input.toStage)}`,
        );
      }
      const unlock = STAGES_BEFORE_DELIVERY.includes(input.toStage);
      return recordGatewayDecision(tx, actor, scheme, {
        kind: "RETURNED",
        gate: null,
        toStage: input.toStage,
        reason: input.reason,
        schemeChanges: {
          submittedGate: null,
          submittedAt: null,
          stageBeforeHold: null,
          ...(unlock ? { planLockedAt: null, benefitValidatedAt: null } : {}),
        },
      });
    }),
  );
}

/** The lead, finance or the PMO put a scheme on hold, resume it where it was, or withdraw it. */
export async function moveSchemeStage(actor: Actor, input: MoveSchemeInput) {
  return withRefusalsAudited(
    actor,
    `gateway.${input.move.toLowerCase()}`,
    { entityType: "scheme", entityId: input.schemeId },
    () =>
      db().$transaction(async (tx) => {
        const scheme = await lockSchemeForGateway(tx, actor, input.schemeId);
        if (!canEditScheme(actor, scheme))
          throw forbidden("Only the scheme's lead, finance or the PMO can put it on hold, resume or withdraw it.");
        assertVersion(scheme, input.version);
        const cleared = { submittedGate: null, submittedAt: null };
        if (input.move === "HOLD") {
          if (!mayHold(scheme.stage))
            throw new DomainError("INVALID", `A scheme in ${stageName(scheme.stage)} cannot be put on hold.`);
          return recordGatewayDecision(tx, actor, scheme, {
            kind: "ON_HOLD",
            gate: null,
            toStage: "ON_HOLD",
            reason: input.reason,
            schemeChanges: { ...cleared, stageBeforeHold: scheme.stage },
          });
        }
        if (input.move === "RESUME") {
          if (scheme.stage !== "ON_HOLD" || !scheme.stageBeforeHold)
            throw new DomainError("INVALID", "Only a scheme on hold can be resumed.");
          return recordGatewayDecision(tx, actor, scheme, {
            kind: "RESUMED",
            gate: null,
            toStage: scheme.stageBeforeHold,
            reason: input.reason,
            schemeChanges: { stageBeforeHold: null },
          });
        }
        if (!mayWithdraw(scheme.stage))
          throw new DomainError("INVALID", `A scheme in ${stageName(scheme.stage)} cannot be withdrawn.`);
        return recordGatewayDecision(tx, actor, scheme, {
          kind: "WITHDRAWN",
          gate: null,
          toStage: "WITHDRAWN",
          reason: input.reason,
          schemeChanges: { ...cleared, stageBeforeHold: null },
        });
      }),
  );
}
