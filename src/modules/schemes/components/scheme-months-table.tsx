import { DataTable, cellClass, numberCellClass, rowClass } from "@/components/ui/data-table";
import { formatFinancialYear, monthLabel, type FinancialMonth } from "@/lib/financial-year";
import { formatMoney } from "@/lib/money";

interface MonthRow {
  month: number;
  planPence: bigint | null;
  forecastPence: bigint | null;
  actualPence: bigint | null;
}

const money = (pence: bigint | null) => (pence === null ? "–" : formatMoney(Number(pence), { style: "full" }));

/** Plan, forecast and actual for each month of one financial year, with totals. */
export function SchemeMonthsTable({ financialYear, months }: { financialYear: number; months: MonthRow[] }) {
  const byMonth = new Map(months.map((m) => [m.month, m]));
  const total = (key: keyof Omit<MonthRow, "month">) =>
    months.reduce((sum, m) => sum + (m[key] ?? BigInt(0)), BigInt(0));
  return (
    <DataTable
      caption={`Plan, forecast and actual by month, ${formatFinancialYear(financialYear)}`}
      className="text-sm"
      columns={[
        { label: "Month" },
        { label: "Plan", align: "right" },
        { label: "Forecast", align: "right" },
        { label: "Actual", align: "right" },
      ]}
    >
      {Array.from({ length: 12 }, (_, i) => i + 1).map((m) => {
        const row = byMonth.get(m);
        return (
          <tr key={m} className={rowClass}>
            <th scope="row" className={`${cellClass} font-normal`}>
              M{m} {monthLabel(m as FinancialMonth)}
            </th>
            <td className={numberCellClass}>{money(row?.planPence ?? null)}</td>
            <td className={numberCellClass}>{money(row?.forecastPence ?? null)}</td>
            <td className={numberCellClass}>{money(row?.actualPence ?? null)}</td>
          </tr>
        );
      })}
      <tr className="border-t-2 border-nhs-text font-semibold">
        <th scope="row" className={cellClass}>
          Total
        </th>
        <td className={numberCellClass}>{money(total("planPence"))}</td>
        <td className={numberCellClass}>{money(total("forecastPence"))}</td>
        <td className={numberCellClass}>{money(total("actualPence"))}</td>
      </tr>
    </DataTable>
  );
}
