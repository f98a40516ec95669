import { formatFinancialYear, monthLabel, type FinancialMonth } from "@/lib/financial-year";
import type { SpcInputPoint } from "./spc-types";

/** Sortable key of a financial month: "2024-07" is M7 (October) of 2024/25. */
export function monthKey(financialYear: number, month: number): string {
  return `${financialYear}-${String(month).padStart(2, "0")}`;
}

/** "Oct 2024/25": the NHS financial-year convention for a month. */
export function monthPointLabel(financialYear: number, month: number): string {
  return `${monthLabel(month as FinancialMonth)} ${formatFinancialYear(financialYear)}`;
}

/**
 * Monthly values to SPC input points, one per month from the first to the last month given,
 * so a month with no row is a gap (never a zero) and the chart shows it as one.
 */
export function monthlySeries(
  rows: readonly { financialYear: number; month: number; value: unknown }[],
): SpcInputPoint[] {
  if (rows.length === 0) return [];
  const byKey = new Map(rows.map((r) => [monthKey(r.financialYear, r.month), r.value]));
  const index = (r: { financialYear: number; month: number }) => r.financialYear * 12 + r.month - 1;
  const first = Math.min(...rows.map(index));
  const last = Math.max(...rows.map(index));
  const points: SpcInputPoint[] = [];
  for (let i = first; i <= last; i += 1) {
    const financialYear = Math.floor(i / 12);
    const month = (i % 12) + 1;
    const key = monthKey(financialYear, month);
    points.push({ key, label: monthPointLabel(financialYear, month), value: byKey.has(key) ? byKey.get(key) : null });
  }
  return points;
}
