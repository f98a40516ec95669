import type { SpcLimits } from "./spc-types";

/** 3 / d2 with d2 = 1.128 for moving ranges of two points (Wheeler; NHS England "Making Data Count"). */
export const LIMIT_FACTOR = 2.66;
/** 2 sigma: two thirds of the way from the mean to a process limit. */
export const NEAR_LIMIT_FACTOR = (2 * LIMIT_FACTOR) / 3;
/** D4 for moving ranges of two points: a moving range above 3.267 x the mean is screened out. */
export const MOVING_RANGE_SCREEN_FACTOR = 3.267;
/** Fewer recorded points than this in a segment: no limits at all. */
export const MIN_POINTS_FOR_LIMITS = 6;
/** Fewer recorded points than this behind the limits: trial limits. */
export const MIN_POINTS_FOR_FIRM_LIMITS = 12;

export type LimitsResult =
  | { ok: true; limits: SpcLimits }
  | { ok: false; reason: "too-few"; count: number }
  | { ok: false; reason: "constant"; value: number; count: number };

function average(values: readonly number[]): number {
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}

/** |x(i) - x(i-1)| for each consecutive pair. */
export function movingRanges(values: readonly number[]): number[] {
  const ranges: number[] = [];
  for (let i = 1; i < values.length; i += 1) ranges.push(Math.abs(values[i]! - values[i - 1]!));
  return ranges;
}

/**
 * XmR limits from baseline values (already the chosen baseline, in order, gaps removed).
 * Screening: moving ranges above 3.267 x their mean are left out and the mean recomputed once.
 */
export function xmrLimits(baseline: readonly number[], screen: boolean): LimitsResult {
  const count = baseline.length;
  if (count < MIN_POINTS_FOR_LIMITS) return { ok: false, reason: "too-few", count };
  const mean = average(baseline);
  const ranges = movingRanges(baseline);
  let movingRangeMean = average(ranges);
  if (movingRangeMean === 0) return { ok: false, reason: "constant", value: baseline[0]!, count };
  let screenedOut = 0;
  if (screen) {
    // The tiny allowance keeps a range exactly at the threshold in, whatever the rounding.
    const threshold = MOVING_RANGE_SCREEN_FACTOR * movingRangeMean * (1 + 1e-12);
    // At least one range is at or below the mean, so `kept` is never empty.
    const kept = ranges.filter((r) => r <= threshold);
    const screenedMean = average(kept);
    // All the variation was in the screened ranges: zero-width limits would flag every change,
    // so the screening is not applied to this baseline.
    if (screenedMean > 0) {
      screenedOut = ranges.length - kept.length;
      movingRangeMean = screenedMean;
    }
  }
  return {
    ok: true,
    limits: {
      mean,
      movingRangeMean,
      upper: mean + LIMIT_FACTOR * movingRangeMean,
      lower: mean - LIMIT_FACTOR * movingRangeMean,
      nearUpper: mean + NEAR_LIMIT_FACTOR * movingRangeMean,
      nearLower: mean - NEAR_LIMIT_FACTOR * movingRangeMean,
      trial: count < MIN_POINTS_FOR_FIRM_LIMITS,
      baselineCount: count,
      screenedOut,
    },
  };
}
