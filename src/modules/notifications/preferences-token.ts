import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * The preferences link in each digest carries `<userId>.<signature>`, an HMAC-SHA256 of the
 * user id under the app's secret. The page still requires sign-in, and refuses a token that is
 * not the signed-in person's own or whose signature does not match (tampered).
 */
const PURPOSE = "email-preferences:v1:";

function sign(userId: string, secret: string): string {
  return createHmac("sha256", secret)
    .update(PURPOSE + userId)
    .digest("base64url");
}

export function preferencesToken(userId: string, secret: string): string {
  return `${userId}.${sign(userId, secret)}`;
}

export type TokenCheck = { ok: true } | { ok: false; reason: "tampered" | "someone-else" };

export function checkPreferencesToken(token: string, signedInUserId: string, secret: string): TokenCheck {
  const [userId, signature, ...rest] = token.split(".");
  if (!userId || !signature || rest.length > 0) return { ok: false, reason: "tampered" };
  const expected = Buffer.from(sign(userId, secret));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, reason: "tampered" };
  if (userId !== signedInUserId) return { ok: false, reason: "someone-else" };
  return { ok: true };
}
