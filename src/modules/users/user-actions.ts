"use server";

import { authedAction } from "@/server/action";
import { routes } from "@/server/routes";
import { createUser } from "./create-user";
import { grantRole, revokeRole } from "./grant-role";
import { createUserSchema, grantRoleSchema, revokeRoleSchema } from "./user-schemas";

export const createUserAction = authedAction("createUser", createUserSchema, async (actor, input) => {
  const user = await createUser(actor, input);
  return {
    data: { userId: user.id },
    message: `${user.name} can now sign in as ${user.email}.`,
    revalidate: [routes.adminUsers],
  };
});

export const grantRoleAction = authedAction("grantRole", grantRoleSchema, async (actor, input) => {
  await grantRole(actor, input);
  return { data: null, message: "Role granted.", revalidate: [routes.adminUser(input.userId)] };
});

export const revokeRoleAction = authedAction("revokeRole", revokeRoleSchema, async (actor, input) => {
  const membership = await revokeRole(actor, input);
  return { data: null, message: "Role removed.", revalidate: [routes.adminUser(membership.userId)] };
});
