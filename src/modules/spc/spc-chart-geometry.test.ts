import { describe, expect, it } from "vitest";
import { chartScale, niceStep, segmentRanges, valuePath } from "./spc-chart-geometry";
import { BASELINE_12, monthKey, series } from "./spc-test-series";
import { buildXmrChart } from "./xmr-chart";

describe("SPC chart geometry", () => {
  it.each([
    [10, 5, 2],
    [1, 5, 0.2],
    [12.5, 5, 2.5],
    [0.07, 5, 0.02],
    [4000, 5, 1000],
  ])("nice step for a span of %d in %d ticks: %d", (span, count, step) => {
    expect(niceStep(span, count)).toBeCloseTo(step, 10);
  });

  it("the scale covers values, limits and the target, on round ticks", () => {
    // limits 44.68-55.32, target 60
    const chart = buildXmrChart(series(BASELINE_12), { direction: "higher", target: 60 });
    const scale = chartScale(chart, [60]);
    expect(scale.min).toBeLessThanOrEqual(44.68);
    expect(scale.max).toBeGreaterThanOrEqual(60);
    // span 15.32 in 5 ticks: 3.06, so steps of 5
    expect(scale.ticks).toEqual([40, 45, 50, 55, 60]);
  });

  it("a constant series or no values still has a visible range, never NaN", () => {
    const constant = chartScale(buildXmrChart(series([7, 7, 7]), { direction: "higher" }), []);
    expect(constant.max).toBeGreaterThan(constant.min);
    const empty = chartScale(buildXmrChart([], { direction: "higher" }), [null]);
    expect(Number.isFinite(empty.y(0))).toBe(true);
  });

  it("gaps and rebases break the line", () => {
    const chart = buildXmrChart(series([1, 2, null, 3, 4, 5, 6, 7]), {
      direction: "higher",
      changePoints: [{ key: monthKey(5), reason: "r" }],
    });
    const moves = valuePath(chart, chartScale(chart, [])).match(/M/g);
    expect(moves).toHaveLength(3); // 1-2 | 3-4-5 | 6-7
    expect(segmentRanges(chart)).toEqual([
      { segment: 0, from: 0, to: 4 },
      { segment: 1, from: 5, to: 7 },
    ]);
  });
});
