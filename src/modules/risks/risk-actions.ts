"use server";

import { authedAction } from "@/server/action";
import { routes } from "@/server/routes";
import {
  addRiskActionSchema,
  closeRiskSchema,
  createRiskSchema,
  setRiskActionStatusSchema,
  updateRiskSchema,
} from "./risk-schemas";
import { addRiskAction, closeRisk, createRisk, setRiskActionStatus, updateRisk } from "./risk-writes";

export const createRiskAction = authedAction("createRisk", createRiskSchema, async (actor, input) => {
  const risk = await createRisk(actor, input);
  return {
    data: { riskId: risk.id, version: risk.version },
    message: `Risk "${risk.title}" raised.`,
    revalidate: [routes.risks, risk.schemeId ? routes.scheme(risk.schemeId) : routes.programme(risk.programmeId ?? "")],
  };
});

export const updateRiskAction = authedAction("updateRisk", updateRiskSchema, async (actor, input) => {
  const risk = await updateRisk(actor, input);
  return {
    data: { riskId: risk.id, version: risk.version },
    message: "Risk saved.",
    revalidate: [routes.risks, routes.risk(risk.id)],
  };
});

export const closeRiskAction = authedAction("closeRisk", closeRiskSchema, async (actor, input) => {
  const risk = await closeRisk(actor, input);
  return {
    data: { riskId: risk.id, version: risk.version },
    message: "Risk closed.",
    revalidate: [routes.risks, routes.risk(risk.id)],
  };
});

export const addRiskActionAction = authedAction("addRiskAction", addRiskActionSchema, async (actor, input) => {
  await addRiskAction(actor, input);
  return { data: null, message: "Action added.", revalidate: [routes.risk(input.riskId)] };
});

export const setRiskActionStatusAction = authedAction(
  "setRiskActionStatus",
  setRiskActionStatusSchema,
  async (actor, input) => {
    const action = await setRiskActionStatus(actor, input);
    return { data: null, message: "Action updated.", revalidate: [routes.risk(action.riskId), routes.home] };
  },
);
