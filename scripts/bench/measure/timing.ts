/** Runs, percentiles and the result of one measured operation. */

export interface Measured {
  name: string;
  samples: number[];
  /** Same figures by one hand-written SQL statement, measured in the same loop. */
  sqlSamples?: number[];
  target?: string;
  met?: boolean;
  note?: string;
}

/** Nearest-rank percentile of milliseconds. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await fn();
  return { ms: performance.now() - started, value };
}

/**
 * `warmup` unmeasured runs, then `runs` measured ones. With `sql`, the app and the SQL run
 * alternately, so both see the same caches and the same machine load.
 */
export async function measure(
  runs: number,
  warmup: number,
  app: (i: number) => Promise<unknown>,
  sql?: (i: number) => Promise<unknown>,
): Promise<{ samples: number[]; sqlSamples?: number[] }> {
  const samples: number[] = [];
  const sqlSamples: number[] = [];
  for (let i = 0; i < warmup + runs; i++) {
    const a = await timed(() => app(i));
    const s = sql ? await timed(() => sql(i)) : undefined;
    if (i < warmup) continue;
    samples.push(a.ms);
    if (s) sqlSamples.push(s.ms);
  }
  return sql ? { samples, sqlSamples } : { samples };
}
