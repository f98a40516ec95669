"use server";

import { authedAction } from "@/server/action";
import { routes } from "@/server/routes";
import { saveEiaScreening } from "./save-eia-screening";
import { saveFullEia } from "./save-full-eia";
import { signEia } from "./sign-eia";
import { startEia } from "./start-eia";
import { submitEiaForSignOff } from "./submit-eia";
import {
  eiaVersionSchema,
  saveEiaScreeningSchema,
  saveFullEiaSchema,
  signEiaSchema,
  startEiaSchema,
} from "./equality-schemas";

const pathsOf = (schemeId: string) => [routes.schemeEia(schemeId), routes.scheme(schemeId), routes.dashboard];

export const startEiaAction = authedAction("startEia", startEiaSchema, async (actor, input) => {
  const eia = await startEia(actor, input);
  return {
    data: { version: eia.version },
    message: "EIA started: answer the screening.",
    revalidate: pathsOf(eia.schemeId),
  };
});

export const saveEiaScreeningAction = authedAction("saveEiaScreening", saveEiaScreeningSchema, async (actor, input) => {
  const eia = await saveEiaScreening(actor, input);
  return {
    data: { version: eia.version },
    message: eia.fullRequired
      ? "Screening saved: a full EIA is required."
      : "Screening saved: no full EIA is required.",
    revalidate: pathsOf(eia.schemeId),
  };
});

export const saveFullEiaAction = authedAction("saveFullEia", saveFullEiaSchema, async (actor, input) => {
  const eia = await saveFullEia(actor, input);
  return { data: { version: eia.version }, message: "Full EIA saved.", revalidate: pathsOf(eia.schemeId) };
});

export const submitEiaAction = authedAction("submitEiaForSignOff", eiaVersionSchema, async (actor, input) => {
  const eia = await submitEiaForSignOff(actor, input);
  return { data: { version: eia.version }, message: "EIA sent for sign-off.", revalidate: pathsOf(eia.schemeId) };
});

export const signEiaAction = authedAction("signEia", signEiaSchema, async (actor, input) => {
  const eia = await signEia(actor, input);
  return {
    data: { version: eia.version },
    message: eia.status === "APPROVED" ? "EIA approved." : "EIA rejected.",
    revalidate: pathsOf(eia.schemeId),
  };
});
