import { env } from "@/env";
import { canAnywhere, type Actor } from "@/server/auth/actor";
import { rolesHaveCapability } from "@/server/auth/permissions";

/**
 * Who may hold a personal API token: finance, board and administrators at any organisation;
 * leads too when the administrator has turned API_TOKENS_FOR_LEADS on.
 */
export function mayCreateApiToken(actor: Actor): boolean {
  if (canAnywhere(actor, "api.token.create")) return true;
  return env().API_TOKENS_FOR_LEADS && actor.organisations.some((o) => rolesHaveCapability(o.roles, "dashboard.view"));
}
