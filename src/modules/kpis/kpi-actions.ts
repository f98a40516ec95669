"use server";

import { authedAction } from "@/server/action";
import { routes } from "@/server/routes";
import { recordKpiActualSchema } from "./kpi-schemas";
import { recordKpiActual } from "./record-kpi-actual";

export const recordKpiActualAction = authedAction("recordKpiActual", recordKpiActualSchema, async (actor, input) => {
  const { version } = await recordKpiActual(actor, input);
  return { data: { version }, message: "Actual recorded.", revalidate: [routes.kpi(input.kpiId)] };
});
