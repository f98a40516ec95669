import { DataTable, cellClass, numberCellClass, rowClass } from "@/components/ui/data-table";
import { monthLabel, type FinancialMonth } from "@/lib/financial-year";
import { formatMoney } from "@/lib/money";
import { percentText, type MaturitySegment } from "../finance-dashboard-view";
import type { MonthFigures } from "../scheme-figures";

/** The maturity chart's figures, for screen readers and print. */
export function MaturityTable({ segments }: { segments: MaturitySegment[] }) {
  const whole = segments.reduce((sum, s) => sum + s.pence, 0);
  return (
    <DataTable
      caption="In-year value by stage, and the unidentified gap; each share is of the whole bar (the target, or the identified value where it is more)"
      className="text-sm"
      columns={[{ label: "Stage" }, { label: "In-year value", align: "right" }, { label: "Share", align: "right" }]}
      footer={
        <tr className="border-t-2 border-nhs-border font-semibold">
          <th scope="row" className={cellClass}>
            Total
          </th>
          <td className={numberCellClass}>{formatMoney(whole, { style: "full" })}</td>
          <td className={numberCellClass}>{percentText(whole, whole)}</td>
        </tr>
      }
    >
      {segments.map((s) => (
        <tr key={s.key} className={rowClass}>
          <th scope="row" className={`${cellClass} font-normal`}>
            {s.label}
          </th>
          <td className={numberCellClass}>{formatMoney(s.pence, { style: "full" })}</td>
          <td className={numberCellClass}>{percentText(s.pence, whole)}</td>
        </tr>
      ))}
    </DataTable>
  );
}

/** The cumulative chart's figures: plan, forecast and actual running totals by month. */
export function CumulativeTable({ months }: { months: MonthFigures[] }) {
  return (
    <DataTable
      caption="Cumulative plan, forecast and actual by month"
      className="text-sm"
      columns={[
        { label: "Month" },
        { label: "Plan", align: "right" },
        { label: "Forecast", align: "right" },
        { label: "Actual", align: "right" },
      ]}
    >
      {months.map((m) => (
        <tr key={m.month} className={rowClass}>
          <th scope="row" className={`${cellClass} font-normal`}>
            M{m.month} {monthLabel(m.month as FinancialMonth)}
          </th>
          <td className={numberCellClass}>{formatMoney(m.cumulativePlanPence)}</td>
          <td className={numberCellClass}>{formatMoney(m.cumulativeForecastPence)}</td>
          <td className={numberCellClass}>
            {m.cumulativeActualPence === null ? "—" : formatMoney(m.cumulativeActualPence)}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
