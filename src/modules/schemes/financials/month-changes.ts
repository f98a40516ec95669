import type { FinancialMonth, FinancialYear } from "@/lib/financial-year";
import type { Pence } from "@/lib/money";
import { GRID_ROWS, MONTHS, monthHasStarted, monthName, shortMonthName, type GridRow } from "./month-grid";

/**
 * What may change in a scheme's monthly financials (DESIGN.md section 3): no actual for a month
 * that has not started; actuals of a closed month only by finance, with a reason; a locked plan
 * not at all. Pure, so the grid and the monthly update share one set of rules.
 */

export interface MonthValues {
  plan: Pence | null;
  forecast: Pence | null;
  actual: Pence | null;
}
/** Index 0 is M1 (April). */
export type YearValues = MonthValues[];

/** A cell's new value; cells not listed keep their stored value. */
export type CellEdits = Partial<Record<GridRow, Partial<Record<number, Pence | null>>>>;

export type FieldErrors = Record<string, string[]>;

export function yearFromRows(
  rows: { month: number; planPence: bigint | null; forecastPence: bigint | null; actualPence: bigint | null }[],
): YearValues {
  const year: YearValues = MONTHS.map(() => ({ plan: null, forecast: null, actual: null }));
  const num = (v: bigint | null) => (v === null ? null : Number(v));
  for (const r of rows)
    year[r.month - 1] = { plan: num(r.planPence), forecast: num(r.forecastPence), actual: num(r.actualPence) };
  return year;
}

export function applyEdits(before: YearValues, edits: CellEdits): YearValues {
  return before.map((values, i) => {
    const next = { ...values };
    for (const row of GRID_ROWS) {
      const edit = edits[row]?.[i + 1];
      if (edit !== undefined) next[row] = edit;
    }
    return next;
  });
}

/** Months (1-12) where any of plan, forecast or actual differs. */
export function changedMonths(before: YearValues, after: YearValues): FinancialMonth[] {
  return MONTHS.filter((m) => GRID_ROWS.some((row) => before[m - 1]![row] !== after[m - 1]![row]));
}

/**
 * Gateway 2 baselines and locks the plan; from then on only finance re-baselines it, with a
 * reason (src/modules/gateways/rebaseline-plan.ts). Returning the scheme to planning unlocks it.
 */
export function isPlanLocked(scheme: { planLockedAt: Date | null }): boolean {
  return scheme.planLockedAt !== null;
}

export interface ChangeContext {
  financialYear: FinancialYear;
  now: Date;
  closedMonths: ReadonlySet<number>;
  /** Finance may amend a closed month's actual, with a reason. */
  mayAmendClosed: boolean;
  reason: string | undefined;
  planLocked: boolean;
  /** The field a cell's error belongs to: the grid's "actual.3", the monthly update's "actual". */
  keyOf: (row: GridRow, month: FinancialMonth) => string;
}

function add(errors: FieldErrors, key: string, message: string) {
  (errors[key] ??= []).push(message);
}

/** Field errors for every refused change; empty when all changes are allowed. */
export function checkChanges(before: YearValues, after: YearValues, ctx: ChangeContext): FieldErrors {
  const errors: FieldErrors = {};
  const needReason: string[] = [];
  for (const month of MONTHS) {
    const was = before[month - 1]!;
    const now = after[month - 1]!;
    const name = monthName(ctx.financialYear, month);
    if (ctx.planLocked && was.plan !== now.plan) {
      add(errors, ctx.keyOf("plan", month), `The plan is locked after gateway 2: ask finance to re-baseline ${name}`);
    }
    if (was.actual === now.actual) continue;
    if (now.actual !== null && !monthHasStarted(ctx.financialYear, month, ctx.now)) {
      add(errors, ctx.keyOf("actual", month), `${name} has not started yet, so it cannot have an actual`);
    } else if (ctx.closedMonths.has(month)) {
      if (!ctx.mayAmendClosed)
        add(errors, ctx.keyOf("actual", month), `${name} is closed: only finance can change its actual`);
      else if (!ctx.reason) {
        add(errors, ctx.keyOf("actual", month), `${name} is closed: give a reason for changing its actual`);
        needReason.push(shortMonthName(month));
      }
    }
  }
  if (needReason.length > 0)
    add(errors, "reason", `Give a reason for changing the actuals of closed months (${needReason.join(", ")})`);
  return errors;
}

/** The changed months only, as the audit event's before and after. */
export function auditMonths(values: YearValues, months: readonly FinancialMonth[]) {
  return months.map((month) => ({ month, ...values[month - 1]! }));
}
