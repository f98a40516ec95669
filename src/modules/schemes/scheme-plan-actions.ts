"use server";

import { authedAction } from "@/server/action";
import { routes } from "@/server/routes";
import { addMilestoneSchema, addSchemeKpiSchema, setMilestoneStatusSchema } from "./scheme-plan-schemas";
import { addSchemeKpi, addSchemeMilestone, setMilestoneStatus } from "./scheme-milestones";

export const addSchemeMilestoneAction = authedAction("addSchemeMilestone", addMilestoneSchema, async (actor, input) => {
  const milestone = await addSchemeMilestone(actor, input);
  return {
    data: { milestoneId: milestone.id },
    message: "Milestone added.",
    revalidate: [routes.scheme(input.schemeId)],
  };
});

export const setMilestoneStatusAction = authedAction(
  "setMilestoneStatus",
  setMilestoneStatusSchema,
  async (actor, input) => {
    const milestone = await setMilestoneStatus(actor, input);
    return {
      data: { milestoneId: milestone.id },
      message: "Milestone updated.",
      revalidate: [routes.scheme(milestone.schemeId)],
    };
  },
);

export const addSchemeKpiAction = authedAction("addSchemeKpi", addSchemeKpiSchema, async (actor, input) => {
  const kpi = await addSchemeKpi(actor, input);
  return { data: { kpiId: kpi.id }, message: "KPI added.", revalidate: [routes.scheme(input.schemeId)] };
});
