import { env } from "@/env";
import { recordAudit } from "@/modules/audit/record-audit";
import type { Actor } from "@/server/auth/actor";
import { loadActor } from "@/server/auth/load-actor";
import { db } from "@/server/db";
import { hashToken, isFirstUseOfDay, rateWindowStart, retryAfterSeconds, tokenFromAuthorization } from "./token-rules";

export type ApiAuthentication =
  | { ok: true; actor: Actor; tokenId: string }
  | { ok: false; status: 401 | 429; message: string; retryAfterSeconds?: number };

const MESSAGES = {
  missing: "Send a personal API token in the Authorization header: “Authorization: Bearer rt_pat_…”.",
  malformed:
    "The Authorization header is not “Bearer” and a personal API token of this service (or Basic with the token as the password).",
  unknown: "This API token is not valid here. Create a token on the “API tokens” page of this service.",
  revoked: "This API token has been revoked. Create a new one.",
  expired: "This API token has expired. Create a new one.",
  inactive: "The account of this API token is disabled.",
} as const;

/**
 * Authenticates a read API request by its personal token: the token's user, loaded afresh with
 * their current roles (a role removed a moment ago no longer counts), counted against the
 * per-minute limit in the database, and its first use of the day audited. The token itself is
 * never logged or written anywhere; only its hash is looked up.
 */
export async function authenticateApiRequest(
  authorization: string | null,
  now = new Date(),
): Promise<ApiAuthentication> {
  const parsed = tokenFromAuthorization(authorization);
  if (!parsed.ok) return { ok: false, status: 401, message: MESSAGES[parsed.reason] };

  const token = await db().apiToken.findUnique({
    where: { tokenHash: hashToken(parsed.token) },
    select: { id: true, userId: true, name: true, prefix: true, expiresAt: true, revokedAt: true, lastUsedAt: true },
  });
  if (!token) return { ok: false, status: 401, message: MESSAGES.unknown };
  if (token.revokedAt) return { ok: false, status: 401, message: MESSAGES.revoked };
  if (token.expiresAt <= now) return { ok: false, status: 401, message: MESSAGES.expired };
  const actor = await loadActor(token.userId);
  if (!actor) return { ok: false, status: 401, message: MESSAGES.inactive };

  const windowStart = rateWindowStart(now);
  const [counted] = await db().$queryRaw<{ count: number }[]>`
    INSERT INTO api_token_request_window (token_id, window_start, count)
    VALUES (${token.id}::uuid, ${windowStart}, 1)
    ON CONFLICT (token_id, window_start) DO UPDATE SET count = api_token_request_window.count + 1
    RETURNING count`;
  if (counted?.count === 1) {
    // A new minute: the token's earlier windows are no longer needed.
    await db()
      .$executeRaw`DELETE FROM api_token_request_window WHERE token_id = ${token.id}::uuid AND window_start < ${windowStart}`;
  }
  if ((counted?.count ?? 0) > env().API_RATE_LIMIT_PER_MINUTE) {
    const seconds = retryAfterSeconds(now);
    return {
      ok: false,
      status: 429,
      message: `Too many requests with this token. Try again in ${seconds} second${seconds === 1 ? "" : "s"}.`,
      retryAfterSeconds: seconds,
    };
  }
  await recordUse(actor, token, now);
  return { ok: true, actor, tokenId: token.id };
}

async function recordUse(
  actor: Actor,
  token: { id: string; name: string; prefix: string; lastUsedAt: Date | null },
  now: Date,
): Promise<void> {
  if (!isFirstUseOfDay(token.lastUsedAt, now)) {
    await db().apiToken.update({ where: { id: token.id }, data: { lastUsedAt: now } });
    return;
  }
  const dayStart = new Date(`${now.toISOString().slice(0, 10)}T00:00:00.000Z`);
  await db().$transaction(async (tx) => {
    // Only the request that moves last_used_at into today audits, however many run at once.
    const moved = await tx.$executeRaw`
      UPDATE api_token SET last_used_at = ${now}
      WHERE id = ${token.id}::uuid AND (last_used_at IS NULL OR last_used_at < ${dayStart})`;
    if (moved === 0) return;
    await recordAudit(tx, actor, {
      action: "api_token.use",
      entityType: "api_token",
      entityId: token.id,
      after: { name: token.name, prefix: token.prefix, firstUseOn: now.toISOString().slice(0, 10) },
    });
  });
}
