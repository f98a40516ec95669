"use server";

import { authedAction } from "@/server/action";
import { routes } from "@/server/routes";
import { createApiTokenSchema, revokeApiTokenSchema } from "./api-token-schemas";
import { createApiToken } from "./create-api-token";
import { revokeApiToken } from "./revoke-api-token";

export const createApiTokenAction = authedAction("createApiToken", createApiTokenSchema, async (actor, input) => {
  const created = await createApiToken(actor, input);
  return {
    // The one time the token leaves the server: the page shows it once and never again.
    data: { tokenId: created.id, token: created.token },
    message: `Token “${created.name}” created. Copy it now: it will not be shown again.`,
    revalidate: [routes.apiTokens],
  };
});

export const revokeApiTokenAction = authedAction("revokeApiToken", revokeApiTokenSchema, async (actor, input) => {
  const revoked = await revokeApiToken(actor, input);
  return {
    data: { tokenId: revoked.id },
    message: revoked.alreadyRevoked ? `“${revoked.name}” was already revoked.` : `“${revoked.name}” revoked.`,
    revalidate: [routes.apiTokens],
  };
});
