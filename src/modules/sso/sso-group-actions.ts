"use server";

import { authedAction } from "@/server/action";
import { routes } from "@/server/routes";
import { createSsoGroupRole, deleteSsoGroupRole } from "./sso-group-roles";
import { createSsoGroupRoleSchema, deleteSsoGroupRoleSchema } from "./sso-group-schemas";

export const createSsoGroupRoleAction = authedAction(
  "createSsoGroupRole",
  createSsoGroupRoleSchema,
  async (actor, input) => {
    const mapping = await createSsoGroupRole(actor, input);
    return {
      data: { id: mapping.id },
      message: "Group mapped. Its members get the role when they next sign in by single sign-on.",
      revalidate: [routes.adminOrganisation(mapping.organisationId)],
    };
  },
);

export const deleteSsoGroupRoleAction = authedAction(
  "deleteSsoGroupRole",
  deleteSsoGroupRoleSchema,
  async (actor, input) => {
    const mapping = await deleteSsoGroupRole(actor, input);
    return {
      data: null,
      message: `Mapping removed; ${mapping.memberships.length} ${mapping.memberships.length === 1 ? "person" : "people"} lost the role it gave.`,
      revalidate: [routes.adminOrganisation(mapping.organisationId), routes.adminUsers],
    };
  },
);
