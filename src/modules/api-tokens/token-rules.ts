import { createHash, randomBytes } from "node:crypto";

/**
 * Personal API tokens (issue 15): the secret's shape, its hash, expiry and the per-minute rate
 * limit window, as pure functions. The token is "rt_pat_" + 43 base64url characters (256 random
 * bits), so a SHA-256 hash is enough at rest: there is nothing to guess or brute-force.
 */

export const TOKEN_PREFIX = "rt_pat_";
const TOKEN_PATTERN = /^rt_pat_[A-Za-z0-9_-]{43}$/;
/** A token lives at most a year. */
export const MAX_TOKEN_DAYS = 365;
export const TOKEN_EXPIRY_CHOICES = [7, 30, 90, 180, 365] as const;

export function generateToken(): string {
  return TOKEN_PREFIX + randomBytes(32).toString("base64url");
}

export function isWellFormedToken(text: string): boolean {
  return TOKEN_PATTERN.test(text);
}

/** Lower-case hex SHA-256 of the whole token: what the database keeps. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** What the token list shows to tell tokens apart: "rt_pat_" and four characters. */
export function tokenDisplayPrefix(token: string): string {
  return token.slice(0, TOKEN_PREFIX.length + 4);
}

export function tokenExpiry(now: Date, days: number): Date {
  if (!Number.isInteger(days) || days < 1 || days > MAX_TOKEN_DAYS)
    throw new RangeError(`A token expires in 1 to ${MAX_TOKEN_DAYS} days, not ${days}.`);
  return new Date(now.getTime() + days * 86_400_000);
}

/**
 * The token from an `Authorization` header: "missing" without one, "malformed" when it is not
 * `Bearer rt_pat_...` of the right length, nor HTTP Basic with such a token as the password
 * (any user name). Basic is what Power BI's Web connector sends when its credentials prompt
 * is answered with "Basic", so a .pbids data-source file works without editing its query.
 */
export function tokenFromAuthorization(
  header: string | null,
): { ok: true; token: string } | { ok: false; reason: "missing" | "malformed" } {
  if (!header || !header.trim()) return { ok: false, reason: "missing" };
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(header.trim());
  const basic = /^Basic\s+([A-Za-z0-9+/]+={0,2})\s*$/i.exec(header.trim());
  const token = bearer?.[1] ?? (basic ? basicPassword(basic[1]!) : undefined);
  if (!token || !isWellFormedToken(token)) return { ok: false, reason: "malformed" };
  return { ok: true, token };
}

function basicPassword(encoded: string): string | undefined {
  const decoded = Buffer.from(encoded, "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  return colon < 0 ? undefined : decoded.slice(colon + 1);
}

/** Start of the UTC minute `now` falls in: one rate-limit window. */
export function rateWindowStart(now: Date): Date {
  return new Date(Math.floor(now.getTime() / 60_000) * 60_000);
}

/** Whole seconds until the next window opens (at least 1), for `Retry-After`. */
export function retryAfterSeconds(now: Date): number {
  return Math.max(1, Math.ceil((rateWindowStart(now).getTime() + 60_000 - now.getTime()) / 1000));
}

/** A use is audited once per token per UTC day: the first one. */
export function isFirstUseOfDay(lastUsedAt: Date | null, now: Date): boolean {
  return !lastUsedAt || lastUsedAt.toISOString().slice(0, 10) !== now.toISOString().slice(0, 10);
}
