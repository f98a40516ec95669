import type { Queryable } from "../lib/bench-database";
import type { Actor } from "../../../src/server/auth/actor";
import { currentVersion, saveMonthlyUpdate, verifyNoLostUpdate, type SaveOutcome } from "./monthly-update";

/**
 * Concurrent monthly-update saves through the app's use case (the app's own connection pool):
 * on distinct schemes (all should be accepted), on one scheme with the version every saver
 * loaded (one accepted, the rest clear STALE conflicts) and on one scheme where each saver
 * reloads and retries after a conflict (all accepted in turn). Afterwards the database must
 * hold every accepted save.
 */

export interface Saver {
  schemeId: string;
  actor: Actor;
}

export interface ConcurrencyResult {
  name: string;
  savers: number;
  attempts: number;
  accepted: number;
  conflicts: number;
  errors: number;
  wallMs: number;
  /** Accepted saves per second of wall time. */
  throughput: number;
  /** Unexpected outcomes and lost updates; empty when all is well. */
  problems: string[];
}

const MAX_ATTEMPTS = 200;

export async function runConcurrentSaves(
  pool: Queryable,
  name: string,
  savers: readonly Saver[],
  now: Date,
  options: { retry: boolean; expectAllAccepted: boolean; expectOneAccepted?: boolean },
): Promise<ConcurrencyResult> {
  const versionsBefore = new Map<string, number>();
  for (const s of savers)
    if (!versionsBefore.has(s.schemeId)) versionsBefore.set(s.schemeId, await currentVersion(pool, s.schemeId));
  const stamp = Date.now().toString(36);
  const outcomes: SaveOutcome[] = [];
  const started = performance.now();
  await Promise.all(
    savers.map(async (saver, i) => {
      let version = versionsBefore.get(saver.schemeId)!;
      for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
        const outcome = await saveMonthlyUpdate(
          saver.actor,
          {
            schemeId: saver.schemeId,
            actualPence: 1_000_000 + i * 100 + attempt,
            commentary: `bench ${name} ${stamp} saver ${i} attempt ${attempt}`,
          },
          version,
          now,
        );
        outcomes.push(outcome);
        if (outcome.kind !== "conflict" || !options.retry) return;
        version = await currentVersion(pool, saver.schemeId);
      }
    }),
  );
  const wallMs = performance.now() - started;
  const accepted = outcomes.filter((o) => o.kind === "accepted").length;
  const conflicts = outcomes.filter((o) => o.kind === "conflict").length;
  const errorOutcomes = outcomes.flatMap((o) => (o.kind === "error" ? [o] : []));
  const problems = [...new Set(errorOutcomes.map((e) => `error: ${e.message}`))];
  if (options.expectAllAccepted && accepted !== savers.length)
    problems.push(`${accepted} of ${savers.length} savers were accepted, expected all`);
  if (options.expectOneAccepted && accepted !== 1)
    problems.push(`${accepted} saves were accepted on one scheme with one loaded version, expected exactly 1`);
  problems.push(...(await verifyNoLostUpdate(pool, outcomes, versionsBefore, now)));
  return {
    name,
    savers: savers.length,
    attempts: outcomes.length,
    accepted,
    conflicts,
    errors: errorOutcomes.length,
    wallMs,
    throughput: (accepted / wallMs) * 1000,
    problems,
  };
}
