import { describe, expect, it } from "vitest";
import { BASELINE_12, monthKey, series } from "./spc-test-series";
import type { SpcDirection, SpcPointClass, SpcRule } from "./spc-types";
import { buildXmrChart } from "./xmr-chart";

const classes = (values: unknown[], direction: SpcDirection = "higher", baselinePoints: number | null = 12) =>
  buildXmrChart(series(values), { direction, baselinePoints }).points.map((p) => p.pointClass);

describe("XmR limits (hand-worked)", () => {
  it.each([
    // values, mean, mean moving range, lower, upper, near lower, near upper, trial
    {
      name: "six points: trial limits",
      values: [10, 12, 11, 13, 12, 14],
      // sum 72 / 6 = 12; ranges 2,1,2,1,2 = 8 / 5 = 1.6; 2.66 x 1.6 = 4.256; 1.77333 x 1.6 = 2.837333
      expected: { mean: 12, mr: 1.6, lower: 7.744, upper: 16.256, nearLower: 9.162667, nearUpper: 14.837333 },
      trial: true,
    },
    {
      name: "twelve points: firm limits",
      values: [...BASELINE_12],
      expected: { mean: 50, mr: 2, lower: 44.68, upper: 55.32, nearLower: 46.453333, nearUpper: 53.546667 },
      trial: false,
    },
    {
      name: "an outlying moving range is screened out and the mean recomputed once",
      values: [...BASELINE_12, 60],
      // mean 660 / 13 = 50.769231; ranges 22 + 12 = 34 / 12 = 2.8333, threshold 3.267 x 2.8333 = 9.2565,
      // so 12 is screened: 22 / 11 = 2; limits 50.769231 +/- 5.32
      expected: {
        mean: 50.769231,
        mr: 2,
        lower: 45.449231,
        upper: 56.089231,
        nearLower: 47.222564,
        nearUpper: 54.315897,
      },
      trial: false,
    },
  ])("$name", ({ values, expected, trial }) => {
    const chart = buildXmrChart(series(values), { direction: "higher" });
    const limits = chart.segments[0]!.limits!;
    expect(limits.mean).toBeCloseTo(expected.mean, 5);
    expect(limits.movingRangeMean).toBeCloseTo(expected.mr, 5);
    expect(limits.lower).toBeCloseTo(expected.lower, 5);
    expect(limits.upper).toBeCloseTo(expected.upper, 5);
    expect(limits.nearLower).toBeCloseTo(expected.nearLower, 5);
    expect(limits.nearUpper).toBeCloseTo(expected.nearUpper, 5);
    expect(limits.trial).toBe(trial);
  });

  it("screening off keeps the outlying range: 34 / 12 = 2.8333, upper limit 50.769231 + 7.536667", () => {
    const chart = buildXmrChart(series([...BASELINE_12, 60]), { direction: "higher", screenMovingRanges: false });
    const limits = chart.segments[0]!.limits!;
    expect(limits.movingRangeMean).toBeCloseTo(2.833333, 5);
    expect(limits.upper).toBeCloseTo(58.305897, 5);
    expect(limits.screenedOut).toBe(0);
    expect(buildXmrChart(series([...BASELINE_12, 60]), { direction: "higher" }).segments[0]!.limits!.screenedOut).toBe(
      1,
    );
  });

  it("a baseline of the first 12 points freezes the limits: later points do not move them", () => {
    const chart = buildXmrChart(series([...BASELINE_12, 60, 61, 62]), { direction: "higher", baselinePoints: 12 });
    expect(chart.segments[0]!.limits).toMatchObject({ mean: 50, movingRangeMean: 2, baselineCount: 12 });
    expect(chart.points.map((p) => p.inBaseline)).toEqual([...Array(12).fill(true), false, false, false]);
  });
});

const C: SpcPointClass = "common";
const I: SpcPointClass = "improvement";
const X: SpcPointClass = "concern";
const twelveCommon = Array<SpcPointClass>(12).fill(C);

describe("special-cause rules on the hand-worked baseline (mean 50, limits 44.68-55.32, near 46.45/53.55)", () => {
  it.each<{ name: string; tail: number[]; direction?: SpcDirection; expected: SpcPointClass[]; rules?: SpcRule[] }>([
    { name: "a point above the upper limit, higher is better", tail: [60], expected: [...twelveCommon, I] },
    {
      name: "a point above the upper limit, lower is better",
      tail: [60],
      direction: "lower",
      expected: [...twelveCommon, X],
    },
    { name: "a point exactly on the upper limit is inside", tail: [55.32], expected: [...twelveCommon, C] },
    { name: "a point below the lower limit", tail: [40], expected: [...twelveCommon, X] },
    { name: "six points above the mean: no shift", tail: [51, 52, 51, 52, 51, 52], expected: Array(18).fill(C) },
    {
      name: "seven points above the mean: a shift, all seven marked",
      tail: [51, 52, 51, 52, 51, 52, 51],
      expected: [...twelveCommon, ...Array(7).fill(I)],
      rules: ["shift"],
    },
    {
      name: "a point on the mean breaks the run",
      tail: [51, 52, 51, 50, 52, 51, 52, 51],
      expected: Array(20).fill(C),
    },
    {
      // 48 (the last baseline point), 48.5, 49, 49.5, 50.5, 51, 51.5: seven rising, crossing the mean
      name: "seven points rising: a trend including the last baseline point",
      tail: [48.5, 49, 49.5, 50.5, 51, 51.5],
      expected: [...Array(11).fill(C), ...Array(7).fill(I)],
      rules: ["trend"],
    },
    {
      name: "a falling trend is a concern on a higher-is-better metric, even above the mean",
      tail: [56.5, 56, 55, 54, 53, 52.5, 52],
      // 48 -> 56.5 rises, so the trend is the seven tail points; 56.5 and 56 are also beyond the limit
      // (improvement) but the trend points the other way: both sides -> concern
      expected: [...twelveCommon, ...Array(7).fill(X)],
    },
    {
      name: "a falling trend is an improvement when lower is better",
      tail: [53, 52.5, 52, 51.5, 51, 50.5, 50.2],
      direction: "lower",
      // all seven are also a shift above the mean (a concern when lower is better): both sides -> concern
      expected: [...twelveCommon, ...Array(7).fill(X)],
    },
    {
      name: "two of three points between 2 and 3 sigma on the same side: the two are marked",
      tail: [54, 50, 54],
      expected: [...twelveCommon, I, C, I],
      rules: ["twoOfThree"],
    },
    { name: "two in the band but four apart: nothing", tail: [54, 50, 50, 54], expected: Array(16).fill(C) },
    {
      name: "a point beyond 3 sigma does not count towards two of three",
      tail: [54, 56],
      expected: [...twelveCommon, C, I],
    },
    {
      name: "two of three low on a higher-is-better metric: concern",
      tail: [46, 50, 46],
      expected: [...twelveCommon, X, C, X],
    },
    {
      name: "two in the band on opposite sides: nothing",
      tail: [54, 46],
      expected: Array(14).fill(C),
    },
  ])("$name", ({ tail, direction, expected, rules }) => {
    const chart = buildXmrChart(series([...BASELINE_12, ...tail]), {
      direction: direction ?? "higher",
      baselinePoints: 12,
    });
    expect(chart.points.map((p) => p.pointClass)).toEqual(expected);
    if (rules) expect(chart.points.at(-1)!.rules).toEqual(rules);
  });

  it("neutral metric: special causes are neutral high or low, signals on both sides take the side of the mean", () => {
    expect(classes([...BASELINE_12, 60], "neutral").at(-1)).toBe("neutral");
    const chart = buildXmrChart(series([...BASELINE_12, 53, 52.5, 52, 51.5, 51, 50.5, 50.2]), {
      direction: "neutral",
      baselinePoints: 12,
    });
    expect(chart.points.slice(12).map((p) => [p.pointClass, p.side])).toEqual(Array(7).fill(["neutral", "high"]));
    expect(chart.variation?.text).toBe("Special cause variation: higher than expected (neither better nor worse)");
  });
});

describe("icons", () => {
  it.each<{ tail: number[]; direction: SpcDirection; kind: string; text: string }>([
    { tail: [], direction: "higher", kind: "common", text: "Common cause variation: no significant change" },
    {
      tail: [60],
      direction: "higher",
      kind: "improvement-high",
      text: "Special cause of improvement: higher than expected",
    },
    {
      tail: [40],
      direction: "lower",
      kind: "improvement-low",
      text: "Special cause of improvement: lower than expected",
    },
    { tail: [60], direction: "lower", kind: "concern-high", text: "Special cause of concern: higher than expected" },
    { tail: [40], direction: "higher", kind: "concern-low", text: "Special cause of concern: lower than expected" },
    {
      tail: [40],
      direction: "neutral",
      kind: "neutral-low",
      text: "Special cause variation: lower than expected (neither better nor worse)",
    },
  ])("variation from the latest point: $kind ($direction)", ({ tail, direction, kind, text }) => {
    const chart = buildXmrChart(series([...BASELINE_12, ...tail]), { direction, baselinePoints: 12 });
    expect(chart.variation).toEqual({ kind, text });
  });

  it.each<{ target: number; direction: "higher" | "lower"; kind: string }>([
    // limits 44.68-55.32
    { target: 40, direction: "higher", kind: "pass" },
    { target: 60, direction: "higher", kind: "fail" },
    { target: 50, direction: "higher", kind: "hit-and-miss" },
    { target: 44.68, direction: "higher", kind: "hit-and-miss" },
    { target: 55.32, direction: "lower", kind: "hit-and-miss" },
    { target: 40, direction: "lower", kind: "fail" },
    { target: 60, direction: "lower", kind: "pass" },
  ])("assurance: target $target, $direction is better -> $kind", ({ target, direction, kind }) => {
    expect(buildXmrChart(series(BASELINE_12), { direction, target }).assurance?.kind).toBe(kind);
  });

  it("assurance texts, trial limits say so", () => {
    expect(buildXmrChart(series(BASELINE_12), { direction: "higher", target: 50 }).assurance?.text).toBe(
      "Hit and miss: the target lies within the process limits",
    );
    expect(buildXmrChart(series([10, 12, 11, 13, 12, 14]), { direction: "higher", target: 5 }).assurance?.text).toBe(
      "Consistently passing: the process limits lie on the better side of the target (trial limits)",
    );
  });

  it("a target on a neutral metric gives no assurance icon and says why", () => {
    const chart = buildXmrChart(series(BASELINE_12), { direction: "neutral", target: 40 });
    expect(chart.assurance).toBeNull();
    expect(chart.notes).toContain("The target gives no assurance icon: this metric has no better direction.");
  });
});

describe("rebasing", () => {
  const higher = BASELINE_12.map((v) => v + 10); // mean 60, mean moving range 2

  it("each segment has its own limits; without the rebase the new level is a special cause", () => {
    const values = [...BASELINE_12, ...higher];
    expect(buildXmrChart(series(values), { direction: "higher", baselinePoints: 12 }).points.at(-1)!.pointClass).toBe(
      "improvement",
    );
    const chart = buildXmrChart(series(values), {
      direction: "higher",
      changePoints: [{ key: monthKey(12), reason: "New rota from April" }],
    });
    expect(chart.segments.map((s) => [s.startKey, s.reason, s.limits?.mean, s.limits?.upper])).toEqual([
      [monthKey(0), null, 50, 55.32],
      [monthKey(12), "New rota from April", 60, 65.32],
    ]);
    expect(chart.points.map((p) => p.pointClass)).toEqual(Array(24).fill("common"));
    expect(chart.points.map((p) => p.segment)).toEqual([...Array(12).fill(0), ...Array(12).fill(1)]);
  });

  it("a rebase at a date with no point starts at the next point, with a note", () => {
    const input = series([...BASELINE_12, 0, ...higher]).filter((p) => p.key !== monthKey(12));
    const chart = buildXmrChart(input, {
      direction: "higher",
      changePoints: [{ key: monthKey(12), reason: "r", label: "M1 2024/25" }],
    });
    expect(chart.segments[1]!.limits?.mean).toBe(60);
    expect(chart.notes).toContain("No point at M1 2024/25: the new limits start at M2 2024/25.");
  });

  it("two rebases at one date count once, the first reason kept", () => {
    const chart = buildXmrChart(series([...BASELINE_12, ...higher]), {
      direction: "higher",
      changePoints: [
        { key: monthKey(12), reason: "first" },
        { key: monthKey(12), reason: "second" },
      ],
    });
    expect(chart.segments.map((s) => s.reason)).toEqual([null, "first"]);
    expect(chart.notes).toContain("Two rebases start at M1 2024/25: the first one's reason is used.");
  });

  it("rebases before the first point or after the last change nothing", () => {
    const chart = buildXmrChart(series(BASELINE_12), {
      direction: "higher",
      changePoints: [
        { key: "2000-01", reason: "early" },
        { key: "2099-01", reason: "late" },
      ],
    });
    expect(chart.segments).toHaveLength(1);
    expect(chart.notes).toHaveLength(2);
  });

  it("a short segment after a rebase has no limits and says how many points it has", () => {
    const chart = buildXmrChart(series([...BASELINE_12, 60, 61, 62]), {
      direction: "higher",
      changePoints: [{ key: monthKey(12), reason: "r" }],
    });
    expect(chart.segments[1]!.limits).toBeNull();
    expect(chart.segments[1]!.notes).toEqual([
      "Too few points for limits: 3 recorded values, and at least 6 are needed.",
    ]);
    expect(chart.points.slice(12).map((p) => p.pointClass)).toEqual(["none", "none", "none"]);
    expect(chart.variation).toBeNull();
  });
});

describe("edge cases and bad input", () => {
  it.each([
    { name: "no points", values: [], notes: ["No values recorded yet."], segmentNotes: [] },
    {
      name: "one point",
      values: [5],
      notes: [],
      segmentNotes: ["Too few points for limits: 1 recorded value, and at least 6 are needed."],
    },
    {
      name: "five points",
      values: [1, 2, 3, 4, 5],
      notes: [],
      segmentNotes: ["Too few points for limits: 5 recorded values, and at least 6 are needed."],
    },
    {
      name: "a constant series",
      values: [7, 7, 7, 7, 7, 7, 7],
      notes: [],
      segmentNotes: ["All 7 recorded values are 7: a constant series has no variation to set limits from."],
    },
  ])("$name: no limits, a sentence, no NaN", ({ values, notes, segmentNotes }) => {
    const chart = buildXmrChart(series(values), { direction: "higher", target: 3 });
    expect(chart.notes).toEqual(notes);
    expect(chart.segments.flatMap((s) => s.notes)).toEqual(segmentNotes);
    expect(chart.segments.every((s) => s.limits === null)).toBe(true);
    expect(chart.variation).toBeNull();
    expect(chart.assurance).toBeNull();
    expect(JSON.stringify(chart)).not.toMatch(/NaN|Infinity/);
  });

  it("gaps stay gaps (not zeros); moving ranges join the points either side", () => {
    const chart = buildXmrChart(series([10, null, 12, "n/a", 11, 13, Number.NaN, 12, 14, ""]), { direction: "higher" });
    expect(chart.points.map((p) => p.value)).toEqual([10, null, 12, null, 11, 13, null, 12, 14, null]);
    expect(chart.points.map((p) => p.pointClass)).toEqual([
      "common",
      "missing",
      "common",
      "missing",
      "common",
      "common",
      "missing",
      "common",
      "common",
      "missing",
    ]);
    // same as the six-point series: mean 12, mean moving range 1.6
    expect(chart.segments[0]!.limits).toMatchObject({ mean: 12, baselineCount: 6 });
    expect(chart.segments[0]!.limits!.movingRangeMean).toBeCloseTo(1.6, 10);
    expect(chart.notes).toEqual([
      "No value for M2 2023/24, M10 2023/24: shown as a gap.",
      "Not a number, so shown as a gap: M4 2023/24, M7 2023/24.",
    ]);
  });

  it("a value too large to chart is a gap with its own note, so the limits stay finite (found by the property test)", () => {
    const chart = buildXmrChart(series([12.5, 0, 0, -8.98846567431158e307, 0, 0, 1e15]), { direction: "higher" });
    expect(chart.points.map((p) => p.value)).toEqual([12.5, 0, 0, null, 0, 0, 1e15]);
    expect(chart.notes).toContain("Too large to chart, so shown as a gap: M4 2023/24.");
    const limits = chart.segments[0]!.limits!;
    for (const x of [limits.mean, limits.upper, limits.lower]) expect(Number.isFinite(x)).toBe(true);
  });

  it("numeric text (a Decimal's toString) is read; repeated periods keep the first value", () => {
    const input = [...series(["10", "12.5", "11"]), { key: monthKey(0), label: "again", value: 99 }];
    const chart = buildXmrChart(input, { direction: "higher" });
    expect(chart.points.map((p) => p.value)).toEqual([10, 12.5, 11]);
    expect(chart.notes).toContain("Repeated period, only the first value used: again.");
  });

  it("a baseline longer than the series uses all points and says so; one under 12 is ignored", () => {
    const long = buildXmrChart(series([...BASELINE_12, 51]), { direction: "higher", baselinePoints: 24 });
    expect(long.segments[0]!.limits!.baselineCount).toBe(13);
    expect(long.segments[0]!.notes).toEqual([
      "The baseline is set to 24 points but this part of the series has 13, so the limits use all of them and are not yet frozen.",
    ]);
    const short = buildXmrChart(series([...BASELINE_12, 51]), { direction: "higher", baselinePoints: 5 });
    expect(short.segments[0]!.limits!.baselineCount).toBe(13);
    expect(short.notes).toEqual(["A baseline needs at least 12 points, so all points are used."]);
  });

  it("trial limits say so", () => {
    const chart = buildXmrChart(series([10, 12, 11, 13, 12, 14, 12, 11]), { direction: "higher" });
    expect(chart.segments[0]!.notes).toEqual(["Trial limits: calculated from 8 points; they become firm at 12."]);
  });

  it("screening that would leave no variation is not applied", () => {
    // ranges 0,0,0,0,0,15: mean 2.5, threshold 8.17 would leave only zeros
    const chart = buildXmrChart(series([5, 5, 5, 5, 5, 5, 20]), { direction: "higher" });
    expect(chart.segments[0]!.limits).toMatchObject({ movingRangeMean: 2.5, screenedOut: 0 });
  });
});
