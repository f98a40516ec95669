/**
 * XmR (individuals and moving range) charts in the style of NHS England's "Making Data Count"
 * (MDC): "Making Data Count: Getting started" (NHS Improvement, 2019) and "Strengthening your
 * decisions" (2019), the MDC Excel tool, and the NHS-R community's NHSRplotthedots package,
 * which implements the same guidance. Where those differ, the choice made here is stated.
 *
 * Limits (per segment, over its baseline points):
 * - mean of the baseline values; moving ranges |x(i) - x(i-1)| between consecutive recorded values;
 *   process limits = mean +/- 2.66 x mean moving range (2.66 = 3 / d2, d2 = 1.128); near limits at
 *   2 sigma = mean +/- (2 x 2.66 / 3) x mean moving range (MDC; NHSRplotthedots `limitclose`).
 * - Screening (on by default, a setting per chart): moving ranges above 3.267 x their mean (D4)
 *   are left out and the mean moving range is recomputed once, not iterated (MDC "Strengthening
 *   your decisions"; NHSRplotthedots `screen_outliers`, which is off by default there). A range
 *   exactly at 3.267 x the mean is kept. If every remaining range is zero, screening is not applied.
 * - Baseline: all recorded points of the segment by default, or the first N (N >= 12; a smaller N
 *   is ignored with a note). Limits are frozen: later points are judged against them. N larger
 *   than the segment: all its points are used, with a note (the limits are not frozen yet).
 * - Rebasing: each change point starts a new segment with its own limits and runs; runs, trends
 *   and two-of-three never span segments (NHSRplotthedots `rebase`). A change point with no point
 *   at its date starts at the next recorded period; one on or before the first point, or after
 *   the last, is ignored; two that start at the same point count once (the first reason kept).
 * - Fewer than 6 recorded points in a segment: no limits, with a sentence giving the number.
 *   6-11: trial limits with a note (MDC: limits from fewer than 12 points are provisional;
 *   NHSRplotthedots warns below 12). The minimum of 6 is this project's choice: the run and
 *   trend rules need 7 points, and limits from fewer than 6 swing too much even as trial limits.
 * - A constant baseline (mean moving range 0): no limits, and a sentence; never NaN.
 *
 * Special-cause rules (special-cause-rules.ts), each within one segment:
 * 1. a point beyond a process limit (strictly; on the limit is inside);
 * 2. a shift: 7 or more points in a row above, or below, the mean; a point on the mean ends the
 *    run (as NHSRplotthedots; some tools let it neither count nor break);
 * 3. a trend: 7 or more points in a row each higher, or each lower, than the previous; an equal
 *    value ends it; a trend may cross the mean;
 * 4. two of three consecutive points between 2 and 3 sigma on the same side of the mean. Points
 *    beyond 3 sigma do not count here (they are rule 1 already; as NHSRplotthedots, while the MDC
 *    Excel tool counts "beyond 2 sigma"); only the points in the band are marked, and the third
 *    point may lie anywhere (NHSRplotthedots also requires it on the same side of the mean).
 * Every point of a run, trend or pair is marked, not only the one that completes it.
 *
 * Classes: a marked point is improvement or concern from the metric's direction, or neutral (high
 * or low) when no direction applies. The side of a trend is its direction (MDC tool: a falling
 * trend is a concern on a higher-is-better metric even above the mean; NHSRplotthedots reads every
 * rule by the point's side of the mean). A point with signals on both sides is a concern (the board
 * should look at it); on a neutral metric it takes the side of the mean. Comparisons allow a
 * relative tolerance of 1e-12 so floating-point noise never changes a class.
 *
 * Icons: variation from the latest recorded point; assurance only with a target and a direction,
 * from the latest segment's limits (target below the lower limit on higher-is-better: consistently
 * passing; above the upper: failing; otherwise, including exactly on a limit, hit and miss). A
 * target on a neutral metric gives no assurance icon, with a note.
 *
 * Gaps: a value that is not a finite number (null, "", "n/a", NaN) is a gap, never a zero. Moving
 * ranges, runs and trends join the recorded points either side of it (NHSRplotthedots requires a
 * series without gaps, so has no rule here); the chart leaves the gap visible.
 */
import { assuranceIcon, variationIcon } from "./spc-icons";
import type { SpcChart, SpcInputPoint, SpcOptions, SpcPoint, SpcSegment } from "./spc-types";
import { specialCauses } from "./special-cause-rules";
import { MIN_POINTS_FOR_FIRM_LIMITS, MIN_POINTS_FOR_LIMITS, xmrLimits } from "./xmr-limits";
import { planSegments, readValues } from "./xmr-input";

export function buildXmrChart(input: readonly SpcInputPoint[], options: SpcOptions): SpcChart {
  const notes: string[] = [];
  const read = readValues(input, notes);
  const starts = planSegments(read, options.changePoints ?? [], notes);
  const baselineN = options.baselinePoints ?? null;
  if (baselineN !== null && !(Number.isInteger(baselineN) && baselineN >= MIN_POINTS_FOR_FIRM_LIMITS)) {
    notes.push(`A baseline needs at least ${MIN_POINTS_FOR_FIRM_LIMITS} points, so all points are used.`);
  }
  const useN = baselineN !== null && Number.isInteger(baselineN) && baselineN >= MIN_POINTS_FOR_FIRM_LIMITS;
  const points: SpcPoint[] = [];
  const segments: SpcSegment[] = [];

  starts.forEach((start, index) => {
    const end = index + 1 < starts.length ? starts[index + 1]!.at : read.length;
    const slice = read.slice(start.at, end);
    const recorded = slice.filter((p) => p.value !== null).map((p) => p.value as number);
    const segmentNotes: string[] = [];
    let baseline = recorded;
    if (useN && baselineN > recorded.length) {
      segmentNotes.push(
        `The baseline is set to ${baselineN} points but this part of the series has ${recorded.length}, so the limits use all of them and are not yet frozen.`,
      );
    } else if (useN) baseline = recorded.slice(0, baselineN);
    const result = xmrLimits(baseline, options.screenMovingRanges ?? true);
    const limits = result.ok ? result.limits : null;
    if (!result.ok && result.reason === "too-few") {
      segmentNotes.push(
        `Too few points for limits: ${result.count} recorded ${result.count === 1 ? "value" : "values"}, and at least ${MIN_POINTS_FOR_LIMITS} are needed.`,
      );
    } else if (!result.ok) {
      segmentNotes.push(
        `All ${result.count} recorded values are ${result.value}: a constant series has no variation to set limits from.`,
      );
    } else if (result.limits.trial) {
      segmentNotes.push(
        `Trial limits: calculated from ${result.limits.baselineCount} points; they become firm at ${MIN_POINTS_FOR_FIRM_LIMITS}.`,
      );
    }
    const hits = limits ? specialCauses(recorded, limits) : [];
    let r = 0;
    for (const p of slice) {
      if (p.value === null) {
        points.push({ ...p, segment: index, inBaseline: false, rules: [], side: null, pointClass: "missing" });
        continue;
      }
      const hit = hits[r];
      const inBaseline = r < baseline.length;
      r += 1;
      if (!limits || !hit) {
        points.push({ ...p, segment: index, inBaseline, rules: [], side: null, pointClass: "none" });
        continue;
      }
      const side =
        hit.sides.length === 0
          ? null
          : hit.sides.length === 1
            ? hit.sides[0]!
            : options.direction === "neutral"
              ? p.value >= limits.mean
                ? "high"
                : "low"
              : options.direction === "higher"
                ? "low"
                : "high";
      const pointClass =
        side === null
          ? "common"
          : options.direction === "neutral"
            ? "neutral"
            : (side === "high") === (options.direction === "higher")
              ? "improvement"
              : "concern";
      points.push({ ...p, segment: index, inBaseline, rules: hit.rules, side, pointClass });
    }
    segments.push({
      index,
      startKey: start.key,
      reason: start.reason,
      recordedCount: recorded.length,
      limits,
      notes: segmentNotes,
    });
  });

  const latest = [...points].reverse().find((p) => p.value !== null) ?? null;
  const lastLimits = segments.at(-1)?.limits ?? null;
  const target = options.target;
  let assurance = null;
  if (target !== null && target !== undefined && Number.isFinite(target)) {
    if (options.direction === "neutral") {
      notes.push("The target gives no assurance icon: this metric has no better direction.");
    } else if (lastLimits) {
      assurance = assuranceIcon(target, options.direction, lastLimits);
    }
  }
  return { points, segments, variation: variationIcon(latest), assurance, notes, latest };
}
