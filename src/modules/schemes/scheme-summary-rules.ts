import type { SchemeStage } from "@/generated/prisma/enums";
import type { FinancialMonth, FinancialYear } from "@/lib/financial-year";
import { lastElapsedMonth } from "./financials/month-grid";

/** Stages whose schemes owe a monthly update (the reminders and "Due this month" use the same). */
const STAGES_OWING_UPDATES: readonly SchemeStage[] = ["OPPORTUNITY", "PLANNING", "DELIVERY"];

export type MonthlyUpdateState =
  | { kind: "not-due"; reason: "stage" | "year-not-started" }
  | { kind: "due"; financialYear: FinancialYear; month: FinancialMonth }
  | { kind: "done"; financialYear: FinancialYear; month: FinancialMonth; submittedAt: Date; by: string };

interface SchemeForUpdateState {
  stage: SchemeStage;
  financialYear: number;
  updates: { financialYear: number; month: number; submittedAt: Date; submittedBy: { name: string } }[];
}

/**
 * This month's update for the scheme page's summary: due for the month that last ended, done
 * once an update for it is in (the latest if several), owed only by schemes in an active stage
 * whose financial year has begun. Pure.
 */
export function monthlyUpdateState(scheme: SchemeForUpdateState, now: Date): MonthlyUpdateState {
  if (!STAGES_OWING_UPDATES.includes(scheme.stage)) return { kind: "not-due", reason: "stage" };
  const due = lastElapsedMonth(now);
  if (scheme.financialYear > due.financialYear) return { kind: "not-due", reason: "year-not-started" };
  const done = scheme.updates
    .filter((u) => u.financialYear === due.financialYear && u.month === due.month)
    .sort((a, b) => b.submittedAt.getTime() - a.submittedAt.getTime())[0];
  return done
    ? { kind: "done", ...due, submittedAt: done.submittedAt, by: done.submittedBy.name }
    : { kind: "due", ...due };
}
