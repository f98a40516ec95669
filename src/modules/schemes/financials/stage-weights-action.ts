"use server";

import { authedAction } from "@/server/action";
import { routes } from "@/server/routes";
import { setStageWeights, setStageWeightsSchema } from "./stage-weights";

export const setStageWeightsAction = authedAction("setStageWeights", setStageWeightsSchema, async (actor, input) => {
  await setStageWeights(actor, input);
  return {
    data: null,
    message: "Stage weights saved.",
    revalidate: [routes.financeSettings, routes.dashboard, routes.schemes],
  };
});
