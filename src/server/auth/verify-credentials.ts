import { env } from "@/env";
import { db } from "@/server/db";
import { lockoutMinutesRemaining } from "./login-rate-limit";
import { DUMMY_HASH, verifyPassword } from "./password";

export type CredentialsResult =
  | { ok: true; userId: string }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "locked"; minutes: number };

export const INVALID_CREDENTIALS_MESSAGE = "The email or password is not right.";

export function lockedMessage(minutes: number): string {
  return `Too many failed sign-in attempts for this account. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
}

/** Checks an email and password, recording the attempt for rate limiting. */
export async function verifyCredentials(emailInput: string, password: string, now = new Date()): Promise<CredentialsResult> {
  const email = emailInput.trim().toLowerCase();
  const { LOGIN_MAX_FAILURES, LOGIN_WINDOW_MINUTES } = env();
  const since = new Date(now.getTime() - LOGIN_WINDOW_MINUTES * 60_000);
  const attempts = await db().loginAttempt.findMany({
    where: { email, attemptedAt: { gt: since } },
    select: { succeeded: true, attemptedAt: true },
  });
  const minutes = lockoutMinutesRemaining(
    attempts,
    { maxFailures: LOGIN_MAX_FAILURES, windowMinutes: LOGIN_WINDOW_MINUTES },
    now,
  );
  if (minutes > 0) return { ok: false, reason: "locked", minutes };

  const user = await db().user.findUnique({ where: { email }, select: { id: true, passwordHash: true, active: true } });
  const passwordOk = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
  const succeeded = Boolean(user && user.active && passwordOk);
  await db().loginAttempt.create({ data: { email, succeeded, attemptedAt: now } });
  return succeeded && user ? { ok: true, userId: user.id } : { ok: false, reason: "invalid" };
}
