import { recordAudit } from "@/modules/audit/record-audit";
import type { Actor } from "@/server/auth/actor";
import { db } from "@/server/db";
import { forbidden } from "@/server/errors";
import { mayCreateApiToken } from "./api-token-access";
import type { CreateApiTokenInput } from "./api-token-schemas";
import { generateToken, hashToken, tokenDisplayPrefix, tokenExpiry } from "./token-rules";

/**
 * Creates a personal API token and returns it once: only its hash is stored, and the audit
 * record names it by id, name and prefix, never the token itself.
 */
export async function createApiToken(actor: Actor, input: CreateApiTokenInput, now = new Date()) {
  if (!mayCreateApiToken(actor))
    throw forbidden("Personal API tokens are for finance, board members and administrators.");
  const token = generateToken();
  const expiresAt = tokenExpiry(now, input.expiresInDays);
  return db().$transaction(async (tx) => {
    const row = await tx.apiToken.create({
      data: {
        userId: actor.userId,
        name: input.name,
        tokenHash: hashToken(token),
        prefix: tokenDisplayPrefix(token),
        createdAt: now,
        expiresAt,
      },
      select: { id: true, name: true, prefix: true, expiresAt: true },
    });
    await recordAudit(tx, actor, { action: "api_token.create", entityType: "api_token", entityId: row.id, after: row });
    return { ...row, token };
  });
}
