"use server";

import { authedAction } from "@/server/action";
import { routes } from "@/server/routes";
import { createActivitySchema, updateActivityProgressSchema } from "./activity-schemas";
import { createActivity, updateActivityProgress } from "./activity-writes";

export const createActivityAction = authedAction("createActivity", createActivitySchema, async (actor, input) => {
  const activity = await createActivity(actor, input);
  return {
    data: { activityId: activity.id },
    message: "Activity added.",
    revalidate: [
      routes.programme(input.programmeId),
      routes.routeMap,
      ...(input.workstreamId ? [routes.workstream(input.workstreamId)] : []),
    ],
  };
});

export const updateActivityProgressAction = authedAction(
  "updateActivityProgress",
  updateActivityProgressSchema,
  async (actor, input) => {
    const activity = await updateActivityProgress(actor, input);
    return {
      data: { version: activity.version },
      message: "Activity updated.",
      revalidate: [routes.myActivities, routes.routeMap, routes.programme(activity.programmeId)],
    };
  },
);
