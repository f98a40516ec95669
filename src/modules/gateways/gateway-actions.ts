"use server";

import { authedAction } from "@/server/action";
import { routes } from "@/server/routes";
import { decideGateway } from "./decide-gateway";
import { meetGatewayCondition } from "./meet-gateway-condition";
import { moveSchemeStage, returnScheme } from "./move-scheme-stage";
import { rebaselinePlan } from "./rebaseline-plan";
import { setGatewaySettings, setGatewaySettingsSchema } from "./gateway-settings";
import {
  decideGatewaySchema,
  meetConditionSchema,
  moveSchemeSchema,
  rebaselinePlanSchema,
  returnSchemeSchema,
  submitForGatewaySchema,
  validateBenefitSchema,
} from "./gateway-schemas";
import { submitForGateway } from "./submit-for-gateway";
import { validateBenefit } from "./validate-benefit";

const affected = (schemeId: string) => [
  routes.scheme(schemeId),
  routes.schemes,
  routes.gateways,
  routes.dashboard,
  routes.board,
];

const DECISION_MESSAGES = {
  APPROVE: "Gateway approved.",
  REJECT: "Gateway rejected.",
  DEFER: "Decision deferred.",
} as const;
const MOVE_MESSAGES = {
  HOLD: "Scheme put on hold.",
  RESUME: "Scheme resumed.",
  WITHDRAW: "Scheme withdrawn.",
} as const;

export const submitForGatewayAction = authedAction("submitForGateway", submitForGatewaySchema, async (actor, input) => {
  await submitForGateway(actor, input);
  return {
    data: { schemeId: input.schemeId },
    message: `Submitted for gateway ${input.gate}.`,
    revalidate: affected(input.schemeId),
  };
});

export const decideGatewayAction = authedAction("decideGateway", decideGatewaySchema, async (actor, input) => {
  await decideGateway(actor, input);
  return {
    data: { schemeId: input.schemeId },
    message: DECISION_MESSAGES[input.decision],
    revalidate: affected(input.schemeId),
  };
});

export const returnSchemeAction = authedAction("returnScheme", returnSchemeSchema, async (actor, input) => {
  await returnScheme(actor, input);
  return {
    data: { schemeId: input.schemeId },
    message: "Scheme returned to an earlier stage.",
    revalidate: affected(input.schemeId),
  };
});

export const moveSchemeStageAction = authedAction("moveSchemeStage", moveSchemeSchema, async (actor, input) => {
  await moveSchemeStage(actor, input);
  return {
    data: { schemeId: input.schemeId },
    message: MOVE_MESSAGES[input.move],
    revalidate: affected(input.schemeId),
  };
});

export const rebaselinePlanAction = authedAction("rebaselinePlan", rebaselinePlanSchema, async (actor, input) => {
  await rebaselinePlan(actor, input);
  return { data: { schemeId: input.schemeId }, message: "Plan re-baselined.", revalidate: affected(input.schemeId) };
});

export const validateBenefitAction = authedAction("validateBenefit", validateBenefitSchema, async (actor, input) => {
  await validateBenefit(actor, input);
  return { data: { schemeId: input.schemeId }, message: "Benefit validated.", revalidate: affected(input.schemeId) };
});

export const meetGatewayConditionAction = authedAction(
  "meetGatewayCondition",
  meetConditionSchema,
  async (actor, input) => {
    const { schemeId } = await meetGatewayCondition(actor, input);
    return {
      data: { conditionId: input.conditionId },
      message: "Condition marked met.",
      revalidate: [routes.gateways, routes.scheme(schemeId)],
    };
  },
);

export const setGatewaySettingsAction = authedAction(
  "setGatewaySettings",
  setGatewaySettingsSchema,
  async (actor, input) => {
    await setGatewaySettings(actor, input);
    return {
      data: null,
      message: "Gateway and QIA thresholds saved.",
      revalidate: [routes.financeSettings, routes.gateways],
    };
  },
);
