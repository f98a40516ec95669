import { describe, expect, it } from "vitest";
import { lockoutMinutesRemaining, type LoginAttemptRecord } from "./login-rate-limit";

const policy = { maxFailures: 5, windowMinutes: 15 };
const now = new Date("2030-01-01T12:00:00Z");
const MINUTE = 60_000;

/** Attempts from a compact script: "F@-10" = failure 10 minutes ago, "S@-2.5" = success 2.5 minutes ago. */
function attempts(script: string): LoginAttemptRecord[] {
  return script
    .split(/\s+/)
    .filter(Boolean)
    .map((token) => {
      const [kind, minutesAgo] = token.split("@");
      return { succeeded: kind === "S", attemptedAt: new Date(now.getTime() + Number(minutesAgo) * MINUTE) };
    });
}

describe("lockoutMinutesRemaining", () => {
  it.each([
    ["no attempts", "", 0],
    ["four failures", "F@-4 F@-3 F@-2 F@-1", 0],
    ["five failures, the oldest 4 minutes ago", "F@-4 F@-3 F@-2 F@-1 F@-0.5", 11],
    ["five failures just now", "F@-0.05 F@-0.04 F@-0.03 F@-0.02 F@-0.01", 15],
    ["six failures: the 5th most recent decides", "F@-10 F@-4 F@-3 F@-2 F@-1 F@-0.5", 11],
    ["five failures in any order", "F@-1 F@-0.5 F@-4 F@-2 F@-3", 11],
    ["a success ends the run before it", "F@-9 F@-8 F@-7 F@-6 S@-5 F@-4 F@-3 F@-2 F@-1", 0],
    ["a success then five failures locks again", "S@-6 F@-5 F@-4 F@-3 F@-2 F@-1", 10],
    ["a success after five failures unlocks", "F@-5 F@-4 F@-3 F@-2 F@-1 S@-0.5", 0],
    ["failures older than the window do not count", "F@-40 F@-30 F@-20 F@-16 F@-1", 0],
    ["a failure exactly at the window's start has left it", "F@-15 F@-4 F@-3 F@-2 F@-1", 0],
    ["a failure just inside the window still counts", "F@-14.999 F@-4 F@-3 F@-2 F@-1", 1],
    ["the lock never shows less than a minute", "F@-14.99 F@-4 F@-3 F@-2 F@-1", 1],
    ["partial minutes round up", "F@-13.5 F@-4 F@-3 F@-2 F@-1", 2],
    ["a success older than the window does not reset recent failures", "S@-20 F@-5 F@-4 F@-3 F@-2 F@-1", 10],
  ])("%s → %i minute(s)", (_label, script, expected) => {
    expect(lockoutMinutesRemaining(attempts(script), policy, now)).toBe(expected);
  });

  it.each([
    [{ maxFailures: 1, windowMinutes: 15 }, "F@-1", 14],
    [{ maxFailures: 3, windowMinutes: 60 }, "F@-30 F@-20 F@-10", 30],
    [{ maxFailures: 3, windowMinutes: 60 }, "F@-20 F@-10", 0],
  ])("honours the policy %j", (custom, script, expected) => {
    expect(lockoutMinutesRemaining(attempts(script), custom, now)).toBe(expected);
  });

  it("unlocks exactly when the oldest counted failure leaves the window", () => {
    const failures = attempts("F@-5 F@-4 F@-3 F@-2 F@-1");
    const unlock = new Date(now.getTime() + 10 * MINUTE);
    expect(lockoutMinutesRemaining(failures, policy, new Date(unlock.getTime() - 1))).toBe(1);
    expect(lockoutMinutesRemaining(failures, policy, unlock)).toBe(0);
  });

  it("does not modify the attempts it is given", () => {
    const list = attempts("F@-1 F@-3 F@-2");
    const copy = structuredClone(list);
    lockoutMinutesRemaining(list, policy, now);
    expect(list).toEqual(copy);
  });
});
