import { describe, expect, it } from "vitest";
import { hasMonthFigures, schemeMonthFigures } from "./scheme-month-figures";

const row = (
  month: number,
  plan: bigint | null,
  forecast: bigint | null,
  actual: bigint | null,
  financialYear = 2026,
) => ({
  financialYear,
  month,
  planPence: plan,
  forecastPence: forecast,
  actualPence: actual,
});

describe("schemeMonthFigures", () => {
  it("runs the totals over the year; the actual line stops where the actuals stop; other years are ignored", () => {
    const figures = schemeMonthFigures(
      [row(1, 100n, 100n, 90n), row(2, 100n, 110n, 120n), row(3, 100n, 100n, null), row(1, 999n, 999n, 999n, 2025)],
      2026,
    );
    expect(figures).toHaveLength(12);
    expect(figures.slice(0, 4)).toEqual([
      {
        month: 1,
        planPence: 100,
        forecastPence: 100,
        actualPence: 90,
        cumulativePlanPence: 100,
        cumulativeForecastPence: 100,
        cumulativeActualPence: 90,
      },
      {
        month: 2,
        planPence: 100,
        forecastPence: 110,
        actualPence: 120,
        cumulativePlanPence: 200,
        cumulativeForecastPence: 210,
        cumulativeActualPence: 210,
      },
      {
        month: 3,
        planPence: 100,
        forecastPence: 100,
        actualPence: null,
        cumulativePlanPence: 300,
        cumulativeForecastPence: 310,
        cumulativeActualPence: null,
      },
      {
        month: 4,
        planPence: 0,
        forecastPence: 0,
        actualPence: null,
        cumulativePlanPence: 300,
        cumulativeForecastPence: 310,
        cumulativeActualPence: null,
      },
    ]);
    expect(figures[11]!.cumulativePlanPence).toBe(300);
    expect(hasMonthFigures(figures)).toBe(true);
    expect(hasMonthFigures(schemeMonthFigures([], 2026))).toBe(false);
  });
});
