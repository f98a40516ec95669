import { recordAudit } from "@/modules/audit/record-audit";
import type { Actor } from "@/server/auth/actor";
import { db } from "@/server/db";
import { notFound } from "@/server/errors";
import type { RevokeApiTokenInput } from "./api-token-schemas";

/** Revokes one of the actor's own tokens; it is refused from the next request on. */
export async function revokeApiToken(actor: Actor, input: RevokeApiTokenInput, now = new Date()) {
  return db().$transaction(async (tx) => {
    // Locked, so two revocations at once write one revocation and one audit record.
    const [token] = await tx.$queryRaw<{ id: string; name: string; prefix: string; revoked_at: Date | null }[]>`
      SELECT id, name, prefix, revoked_at FROM api_token
      WHERE id = ${input.tokenId}::uuid AND user_id = ${actor.userId}::uuid FOR UPDATE`;
    if (!token) throw notFound("That API token");
    if (token.revoked_at) return { id: token.id, name: token.name, alreadyRevoked: true };
    await tx.apiToken.update({ where: { id: token.id }, data: { revokedAt: now } });
    await recordAudit(tx, actor, {
      action: "api_token.revoke",
      entityType: "api_token",
      entityId: token.id,
      before: { name: token.name, prefix: token.prefix, revokedAt: null },
      after: { name: token.name, prefix: token.prefix, revokedAt: now },
    });
    return { id: token.id, name: token.name, alreadyRevoked: false };
  });
}
