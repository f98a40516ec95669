import type { DeliveryRag } from "@/generated/prisma/enums";
import type { FinancialYear } from "@/lib/financial-year";
import type { Actor } from "@/server/auth/actor";
import { canEditScheme } from "../scheme-access";
import type { SchemeMonthsGridProps } from "./components/scheme-months-grid";
import type { MonthlyUpdateFormProps } from "./components/monthly-update-form";
import { findClosedMonths } from "./financials-reads";
import { GRID_ROWS, MONTHS, cellKey, cellText, lastElapsedMonth, monthHasStarted } from "./month-grid";
import { isPlanLocked } from "./month-changes";
import { mayAmendClosedMonths } from "./month-store";

interface MonthRow {
  financialYear: number;
  month: number;
  planPence: bigint | null;
  forecastPence: bigint | null;
  actualPence: bigint | null;
}

interface SchemeForView {
  id: string;
  organisationId: string;
  leadId: string;
  financialYear: number;
  version: number;
  rag: DeliveryRag | null;
  planLockedAt: Date | null;
  months: MonthRow[];
}

export interface YearView {
  financialYear: FinancialYear;
  months: MonthRow[];
  /** Set when the actor may edit the scheme's figures; otherwise show the read-only table. */
  grid: SchemeMonthsGridProps | null;
}

/**
 * What the scheme page shows of the monthly financials: a grid (or a read-only table) per
 * financial year, and the monthly update form for the last month that ended.
 */
export async function schemeFinancialsView(actor: Actor, scheme: SchemeForView, now = new Date()) {
  const editable = canEditScheme(actor, scheme);
  const due = lastElapsedMonth(now);
  // A scheme whose financial year has not begun owes no update yet.
  const updateDue = editable && scheme.financialYear <= due.financialYear;
  const years = [
    ...new Set([
      scheme.financialYear,
      ...scheme.months.map((m) => m.financialYear),
      ...(updateDue ? [due.financialYear] : []),
    ]),
  ].sort((a, b) => a - b);
  const closed = editable ? await findClosedMonths(scheme.organisationId, years) : new Map<number, number[]>();
  const mayAmendClosed = mayAmendClosedMonths(actor, scheme.organisationId);
  const monthsOf = (fy: number) => scheme.months.filter((m) => m.financialYear === fy);

  const yearViews: YearView[] = years.map((fy) => ({
    financialYear: fy,
    months: monthsOf(fy),
    grid: editable
      ? {
          schemeId: scheme.id,
          version: scheme.version,
          financialYear: fy,
          initial: gridTexts(monthsOf(fy)),
          closedMonths: closed.get(fy) ?? [],
          startedThrough: MONTHS.filter((m) => monthHasStarted(fy, m, now)).length,
          mayAmendClosed,
          planLocked: isPlanLocked(scheme),
          // The monthly update below owns that month's actual and the later forecasts.
          updateMonth: updateDue && fy === due.financialYear ? due.month : undefined,
        }
      : null,
  }));

  let monthlyUpdate: MonthlyUpdateFormProps | null = null;
  if (updateDue) {
    const texts = gridTexts(monthsOf(due.financialYear));
    const forecasts = Object.fromEntries(MONTHS.map((m) => [m, texts[cellKey("forecast", m)] ?? ""]));
    monthlyUpdate = {
      schemeId: scheme.id,
      version: scheme.version,
      financialYear: due.financialYear,
      month: due.month,
      actual: texts[cellKey("actual", due.month)] ?? "",
      forecasts,
      rag: scheme.rag,
      monthClosed: (closed.get(due.financialYear) ?? []).includes(due.month),
      mayAmendClosed,
    };
  }
  return { editable, years: yearViews, monthlyUpdate };
}

function gridTexts(rows: MonthRow[]): Record<string, string> {
  const texts: Record<string, string> = {};
  for (const row of rows) {
    const values = { plan: row.planPence, forecast: row.forecastPence, actual: row.actualPence };
    for (const r of GRID_ROWS) texts[cellKey(r, row.month)] = cellText(values[r]);
  }
  return texts;
}
