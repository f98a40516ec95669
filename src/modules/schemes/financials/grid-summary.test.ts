import { describe, expect, it } from "vitest";
import { gridSummary } from "./grid-summary";

const texts = (cells: Record<string, string>) => cells;

describe("gridSummary", () => {
  it("gives each month's variance, cumulative plan and actual, and the variance to date", () => {
    const s = gridSummary(
      texts({ "plan.1": "1,000", "plan.2": "1,000", "plan.3": "2,000.50", "actual.1": "1,200", "actual.2": "700" }),
    );
    expect(s.variance.slice(0, 3)).toEqual([20_000, -30_000, null]);
    expect(s.cumulativePlan.slice(0, 4)).toEqual([100_000, 200_000, 400_050, 400_050]);
    expect(s.cumulativeActual.slice(0, 3)).toEqual([120_000, 190_000, null]);
    expect(s.cumulativeVariance.slice(0, 3)).toEqual([20_000, -10_000, null]);
    expect(s.varianceToDate).toBe(-10_000);
  });

  it("counts a month with an actual but no plan as all favourable, and a blank month before the last actual as nothing saved", () => {
    const s = gridSummary(texts({ "actual.1": "10", "actual.3": "5", "plan.2": "4" }));
    expect(s.variance.slice(0, 4)).toEqual([1_000, -400, 500, null]);
    expect(s.cumulativeActual.slice(0, 4)).toEqual([1_000, 1_000, 1_500, null]);
    expect(s.cumulativeVariance.slice(0, 3)).toEqual([1_000, 600, 1_100]);
    expect(s.varianceToDate).toBe(1_100);
  });

  it("has no variance before any actual, and ignores cells that are not amounts", () => {
    const s = gridSummary(texts({ "plan.1": "12", "actual.1": "abc" }));
    expect(s.variance.every((v) => v === null)).toBe(true);
    expect(s.varianceToDate).toBeNull();
    expect(s.cumulativePlan[11]).toBe(1_200);
  });
});
