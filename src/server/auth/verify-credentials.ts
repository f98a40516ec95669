import { env } from "@/env";
import { hasControlCharacter } from "@/lib/form-fields";
import { db } from "@/server/db";
import { lockoutMinutesRemaining } from "./login-rate-limit";
import { DUMMY_HASH, verifyPassword } from "./password";

export type CredentialsResult =
  { ok: true; userId: string } | { ok: false; reason: "invalid" } | { ok: false; reason: "locked"; minutes: number };

export const INVALID_CREDENTIALS_MESSAGE = "The email or password is not right.";

export function lockedMessage(minutes: number): string {
  return `Too many failed sign-in attempts for this account. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
}

/** Checks an email and password, recording the attempt for rate limiting. */
export async function verifyCredentials(
  emailInput: string,
  password: string,
  now = new Date(),
): Promise<CredentialsResult> {
  const email = emailInput.trim().toLowerCase();
  // No account's email holds a control character, and PostgreSQL cannot store U+0000 in the attempt.
  if (hasControlCharacter(email)) return { ok: false, reason: "invalid" };
  const { LOGIN_MAX_FAILURES, LOGIN_WINDOW_MINUTES } = env();
  const since = new Date(now.getTime() - LOGIN_WINDOW_MINUTES * 60_000);
  // Count and record under a per-email lock, the attempt counting as a failure until the
  // password proves right: parallel guesses queue here instead of all reading the same count.
  const gate = await db().$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${email}))`;
    const attempts = await tx.loginAttempt.findMany({
      where: { email, attemptedAt: { gt: since } },
      select: { succeeded: true, attemptedAt: true },
    });
    const minutes = lockoutMinutesRemaining(
      attempts,
      { maxFailures: LOGIN_MAX_FAILURES, windowMinutes: LOGIN_WINDOW_MINUTES },
      now,
    );
    if (minutes > 0) return { locked: true as const, minutes };
    const attempt = await tx.loginAttempt.create({
      data: { email, succeeded: false, attemptedAt: now },
      select: { id: true },
    });
    return { locked: false as const, attemptId: attempt.id };
  });
  if (gate.locked) return { ok: false, reason: "locked", minutes: gate.minutes };

  const user = await db().user.findUnique({ where: { email }, select: { id: true, passwordHash: true, active: true } });
  const passwordOk = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
  if (!(user && user.active && passwordOk)) return { ok: false, reason: "invalid" };
  await db().loginAttempt.update({ where: { id: gate.attemptId }, data: { succeeded: true } });
  return { ok: true, userId: user.id };
}
