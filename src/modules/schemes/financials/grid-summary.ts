import type { Pence } from "@/lib/money";
import { MONTHS, cellKey, parseCell, type GridTexts } from "./month-grid";

/**
 * The grid's worked rows, as a finance workbook has them under plan, forecast and actual:
 * the month's variance (actual − plan), the cumulative plan and actual, and the cumulative
 * variance. They run to the last month with an actual entered (a blank month before it counts
 * as nothing saved), so a year part-way through never shows the rest of the plan as a shortfall. Integer pence;
 * cells whose text is not a valid amount count as blank (the grid marks them).
 */
export interface GridSummary {
  /** Index 0 = M1. null = after the last month with an actual. */
  variance: (Pence | null)[];
  cumulativePlan: Pence[];
  /** null after the last month with an actual. */
  cumulativeActual: (Pence | null)[];
  cumulativeVariance: (Pence | null)[];
  /** Sum of the months' variances: actual − plan over the months with an actual. */
  varianceToDate: Pence | null;
}

function amount(texts: GridTexts, key: string): Pence | null {
  const parsed = parseCell(texts[key] ?? "");
  return parsed.ok ? parsed.pence : null;
}

export function gridSummary(texts: GridTexts): GridSummary {
  const actuals = MONTHS.map((m) => amount(texts, cellKey("actual", m)));
  const plans = MONTHS.map((m) => amount(texts, cellKey("plan", m)) ?? 0);
  const lastActual = actuals.reduce<number>((last, a, i) => (a === null ? last : i), -1);
  const variance = actuals.map((a, i) => (i <= lastActual ? (a ?? 0) - plans[i]! : null));
  const cumulativePlan: Pence[] = [];
  const cumulativeActual: (Pence | null)[] = [];
  const cumulativeVariance: (Pence | null)[] = [];
  let plan = 0;
  let actual = 0;
  MONTHS.forEach((_, i) => {
    plan += plans[i]!;
    actual += actuals[i] ?? 0;
    cumulativePlan.push(plan);
    cumulativeActual.push(i <= lastActual ? actual : null);
    cumulativeVariance.push(i <= lastActual ? actual - plan : null);
  });
  const varianceToDate = lastActual < 0 ? null : cumulativeVariance[lastActual]!;
  return { variance, cumulativePlan, cumulativeActual, cumulativeVariance, varianceToDate };
}
