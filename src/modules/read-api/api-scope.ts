import { recordDeniedAttempt } from "@/modules/audit/record-audit";
import { visibleOrganisationIds, type Actor } from "@/server/auth/actor";
import { ApiError } from "./api-errors";

/**
 * The organisations a read may cover: the actor's visible ones, narrowed by the `organisation`
 * filter. Naming an organisation the actor cannot see is refused (403, audited), not quietly
 * answered with nothing, so a client learns its token's scope is wrong.
 */
export async function apiScope(actor: Actor, endpoint: string, requested?: readonly string[]): Promise<string[]> {
  const visible = visibleOrganisationIds(actor);
  if (!requested) return visible;
  const hidden = requested.filter((id) => !visible.includes(id));
  if (hidden.length) {
    await recordDeniedAttempt(actor, `api ${endpoint}`, { organisation: hidden }).catch(() => {});
    throw new ApiError(403, `This token cannot read organisation ${hidden.join(", ")}.`);
  }
  return [...requested];
}
