import type { SpcLimits, SpcRule, SpcSide } from "./spc-types";

/** Run and trend length of NHS England's "Making Data Count" rules. */
export const RUN_LENGTH = 7;
/** Relative to the size of the numbers (|mean| + mean moving range). */
export const RELATIVE_TOLERANCE = 1e-12;

export interface RuleHit {
  rules: SpcRule[];
  sides: SpcSide[];
}

/**
 * A value this close to the mean or a limit counts as on it, so that floating-point noise from
 * shifting or scaling a series never changes a point's class (a point on a limit is not beyond it).
 */
export function tolerance(limits: SpcLimits): number {
  return (Math.abs(limits.mean) + limits.movingRangeMean) * RELATIVE_TOLERANCE;
}

/** +1 above the mean, -1 below, 0 on it. */
function sideOfMean(v: number, limits: SpcLimits, tol: number): -1 | 0 | 1 {
  if (v > limits.mean + tol) return 1;
  if (v < limits.mean - tol) return -1;
  return 0;
}

function mark(hits: RuleHit[], i: number, rule: SpcRule, side: SpcSide) {
  const hit = hits[i]!;
  if (!hit.rules.includes(rule)) hit.rules.push(rule);
  if (!hit.sides.includes(side)) hit.sides.push(side);
}

/** Marks every point of each maximal run of at least RUN_LENGTH equal, non-zero signs. */
function markRuns(signs: readonly number[], hits: RuleHit[], rule: SpcRule, offset: number) {
  let start = 0;
  for (let i = 1; i <= signs.length; i += 1) {
    if (i < signs.length && signs[i] === signs[start]) continue;
    const sign = signs[start];
    // A run of k signs covers k points (shift) or k + 1 points (trend: signs of differences).
    if (sign !== 0 && sign !== undefined && i - start + offset >= RUN_LENGTH) {
      for (let p = start; p < i + offset; p += 1) mark(hits, p, rule, sign > 0 ? "high" : "low");
    }
    start = i;
  }
}

/**
 * The four special-cause rules over one segment's recorded values (in order, gaps removed),
 * judged against that segment's limits. Returns, per value, the rules it is part of and the
 * side(s) each signal points to (a trend's side is its direction; the others' the side of the mean).
 */
export function specialCauses(values: readonly number[], limits: SpcLimits): RuleHit[] {
  const tol = tolerance(limits);
  const hits: RuleHit[] = values.map(() => ({ rules: [], sides: [] }));

  // 1. A point beyond a process limit (strictly: on the limit is inside).
  values.forEach((v, i) => {
    if (v > limits.upper + tol) mark(hits, i, "beyondLimit", "high");
    else if (v < limits.lower - tol) mark(hits, i, "beyondLimit", "low");
  });

  // 2. A shift: 7 or more points in a row on one side of the mean; a point on the mean ends it.
  markRuns(
    values.map((v) => sideOfMean(v, limits, tol)),
    hits,
    "shift",
    0,
  );

  // 3. A trend: 7 or more points in a row each higher (or each lower) than the one before;
  // an equal value ends it. Trends may cross the mean.
  const steps = values.slice(1).map((v, i) => {
    const d = v - values[i]!;
    return d > tol ? 1 : d < -tol ? -1 : 0;
  });
  markRuns(steps, hits, "trend", 1);

  // 4. Two of three consecutive points between 2 and 3 sigma on the same side of the mean;
  // the points in that band are marked (a third point near the mean is not).
  const band = values.map((v) => {
    if (v > limits.nearUpper + tol && v <= limits.upper + tol) return 1;
    if (v < limits.nearLower - tol && v >= limits.lower - tol) return -1;
    return 0;
  });
  for (let i = 0; i + 2 < values.length; i += 1) {
    for (const side of [1, -1] as const) {
      const inBand = [i, i + 1, i + 2].filter((p) => band[p] === side);
      if (inBand.length >= 2) for (const p of inBand) mark(hits, p, "twoOfThree", side > 0 ? "high" : "low");
    }
  }
  return hits;
}
