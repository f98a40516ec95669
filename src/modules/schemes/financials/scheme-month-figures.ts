import type { FinancialMonth } from "@/lib/financial-year";
import type { MonthFigures } from "@/modules/dashboards/scheme-figures";
import { MONTHS } from "./month-grid";

interface MonthRow {
  financialYear: number;
  month: number;
  planPence: bigint | null;
  forecastPence: bigint | null;
  actualPence: bigint | null;
}

/**
 * One scheme's year as the board pack's month figures (the same shape monthlyCumulative returns
 * for many schemes): missing plan and forecast count as 0, an actual stays null until entered,
 * and the cumulative actual stops where the actuals stop. Pure.
 */
export function schemeMonthFigures(rows: readonly MonthRow[], financialYear: number): MonthFigures[] {
  const byMonth = new Map(rows.filter((r) => r.financialYear === financialYear).map((r) => [r.month, r]));
  let plan = 0;
  let forecast = 0;
  let actual = 0;
  return MONTHS.map((month: FinancialMonth) => {
    const row = byMonth.get(month);
    const planPence = Number(row?.planPence ?? 0);
    const forecastPence = Number(row?.forecastPence ?? 0);
    const actualPence = row?.actualPence === null || row?.actualPence === undefined ? null : Number(row.actualPence);
    plan += planPence;
    forecast += forecastPence;
    if (actualPence !== null) actual += actualPence;
    return {
      month,
      planPence,
      forecastPence,
      actualPence,
      cumulativePlanPence: plan,
      cumulativeForecastPence: forecast,
      cumulativeActualPence: actualPence === null ? null : actual,
    };
  });
}

/** Whether there is anything to draw: a plan, forecast or actual in some month. */
export function hasMonthFigures(figures: readonly MonthFigures[]): boolean {
  return figures.some((m) => m.planPence !== 0 || m.forecastPence !== 0 || m.actualPence !== null);
}
