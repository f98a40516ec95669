"use server";

import { authedAction } from "@/server/action";
import { routes } from "@/server/routes";
import { createDivision } from "./create-division";
import { createOrganisation } from "./create-organisation";
import { createDivisionSchema, createOrganisationSchema } from "./organisation-schemas";

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

export const createDivisionAction = authedAction("createDivision", createDivisionSchema, async (actor, input) => {
  const division = await createDivision(actor, input);
  return {
    data: { divisionId: division.id },
    message: `Division ${division.name} added.`,
    revalidate: [routes.adminOrganisation(input.organisationId)],
  };
});
