"use server";

import { authedAction } from "@/server/action";
import { routes } from "@/server/routes";
import { createDivision } from "./create-division";
import { createOrganisation } from "./create-organisation";
import { createSystem } from "./create-system";
import {
  createDivisionSchema,
  createOrganisationSchema,
  createSystemSchema,
  setDelegatedQippSchema,
} from "./organisation-schemas";
import { setDelegatedQipp } from "./set-delegated-qipp";

export const createOrganisationAction = authedAction(
  "createOrganisation",
  createOrganisationSchema,
  async (actor, input) => {
    const organisation = await createOrganisation(actor, input);
    return {
      data: { organisationId: organisation.id },
      message: `${organisation.name} added.`,
      revalidate: [routes.admin],
    };
  },
);

export const createSystemAction = authedAction("createSystem", createSystemSchema, async (actor, input) => {
  const { system, icb } = await createSystem(actor, input);
  return {
    data: { systemId: system.id, icbId: icb.id },
    message: `${system.name} added with ${icb.name}. Add its trusts below.`,
    revalidate: [routes.admin],
  };
});

export const createDivisionAction = authedAction("createDivision", createDivisionSchema, async (actor, input) => {
  const division = await createDivision(actor, input);
  return {
    data: { divisionId: division.id },
    message: `Division ${division.name} added.`,
    revalidate: [routes.adminOrganisation(input.organisationId)],
  };
});

export const setDelegatedQippAction = authedAction("setDelegatedQipp", setDelegatedQippSchema, async (actor, input) => {
  const organisation = await setDelegatedQipp(actor, input);
  return {
    data: { holdsDelegatedQipp: organisation.holdsDelegatedQipp },
    message: organisation.holdsDelegatedQipp
      ? "This trust now holds QIPP schemes delegated by its ICB."
      : "This trust holds CIP only.",
    revalidate: [routes.adminOrganisation(input.organisationId)],
  };
});
