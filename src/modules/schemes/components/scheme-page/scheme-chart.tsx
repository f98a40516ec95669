import { CumulativeLineChart, InMonthBarChart } from "@/components/charts/monthly-charts";
import { monthLabel } from "@/lib/financial-year";
import type { MonthFigures } from "@/modules/dashboards/scheme-figures";
import { MonthlyPositionTable } from "@/modules/board/components/board-pack-tables";

/**
 * The scheme's year as the board pack draws the organisation's: cumulative plan, forecast and
 * actual against the in-year value, and in-month plan against actual (server-rendered SVG with
 * markers, so the lines differ without colour), with the same figures as a table.
 */
export function SchemeChart({ months, inYearValuePence }: { months: MonthFigures[]; inYearValuePence: number }) {
  const cumulative = months.map((m) => ({
    label: monthLabel(m.month),
    plan: m.cumulativePlanPence,
    forecast: m.cumulativeForecastPence,
    actual: m.cumulativeActualPence,
  }));
  const inMonth = months.map((m) => ({
    label: monthLabel(m.month),
    plan: m.planPence,
    forecast: m.forecastPence,
    actual: m.actualPence,
  }));
  return (
    <>
      <div className="grid gap-4 md:grid-cols-2">
        <figure className="min-w-0">
          <figcaption className="mb-1 font-semibold">Cumulative, with the in-year value as the target</figcaption>
          <CumulativeLineChart points={cumulative} targetPence={inYearValuePence} />
        </figure>
        <figure className="min-w-0">
          <figcaption className="mb-1 font-semibold">In month: plan and actual</figcaption>
          <InMonthBarChart points={inMonth} />
        </figure>
      </div>
      <details className="mt-3">
        <summary className="cursor-pointer font-semibold">The chart&apos;s figures as a table</summary>
        <div className="mt-2 overflow-x-auto">
          <MonthlyPositionTable months={months} />
        </div>
      </details>
    </>
  );
}
