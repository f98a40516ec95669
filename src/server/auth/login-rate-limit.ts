/**
 * Sign-in rate limiting (DESIGN.md section 7): at most N failures per account within a
 * window, counted in the database so every app instance sees the same count.
 * A success ends the run of failures before it.
 */
export interface LoginAttemptRecord {
  succeeded: boolean;
  attemptedAt: Date;
}

export interface LockoutPolicy {
  maxFailures: number;
  windowMinutes: number;
}

/** Minutes until the account may try again, or 0 when it is not locked. */
export function lockoutMinutesRemaining(attempts: LoginAttemptRecord[], policy: LockoutPolicy, now: Date): number {
  const windowStart = now.getTime() - policy.windowMinutes * 60_000;
  const recent = attempts
    .filter((a) => a.attemptedAt.getTime() > windowStart)
    .sort((a, b) => a.attemptedAt.getTime() - b.attemptedAt.getTime());
  const lastSuccess = recent.findLastIndex((a) => a.succeeded);
  const failures = recent.slice(lastSuccess + 1);
  if (failures.length < policy.maxFailures) return 0;
  // Locked until the oldest failure that still counts leaves the window.
  const oldestCounted = failures[failures.length - policy.maxFailures]!;
  const unlocksAt = oldestCounted.attemptedAt.getTime() + policy.windowMinutes * 60_000;
  return Math.max(1, Math.ceil((unlocksAt - now.getTime()) / 60_000));
}
