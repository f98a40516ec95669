import { monthStart, type FinancialMonth } from "@/lib/financial-year";
import { sqlInteger, sqlIntegerOrNull, type SqlNumber } from "@/modules/dashboards/sql-numbers";
import { IDENTIFIED_STAGES } from "@/modules/schemes/scheme-rules";
import { db } from "@/server/db";
import type { SpcConfig } from "./get-spc-config";
import { monthKey, monthlySeries } from "./spc-series";
import type { SpcChart } from "./spc-types";
import { buildXmrChart } from "./xmr-chart";

/** One month of the savings programme: plan and delivered actual summed over its schemes. */
export interface SavingsMonth {
  financialYear: number;
  month: number;
  planPence: number;
  /** Null when no scheme recorded an actual for the month: a gap, not a zero. */
  actualPence: number | null;
}

/**
 * Monthly plan and delivered savings of the identified schemes of the organisations in scope,
 * across every financial year with data, months that have started only. PostgreSQL sums.
 */
export async function findSavingsMonths(scope: readonly string[], now = new Date()): Promise<SavingsMonth[]> {
  if (scope.length === 0) return [];
  const rows = await db().$queryRaw<
    { financial_year: number; month: number; plan: SqlNumber; actual: SqlNumber; actuals: SqlNumber }[]
  >`
    -- From the roll-up (category rows: every scheme once), any scheme year: a few rows per
    -- month instead of every month of every scheme. A group whose months all went is skipped.
    SELECT r.month_year AS financial_year, r.month,
           SUM(r.plan_pence) AS plan, SUM(r.actual_pence) AS actual, SUM(r.actual_rows) AS actuals
    FROM scheme_month_rollup r
    WHERE r.organisation_id = ANY(${[...scope]}::uuid[])
      AND r.dimension = 'category'
      AND r.stage = ANY(${[...IDENTIFIED_STAGES]}::scheme_stage[])
    GROUP BY r.month_year, r.month
    HAVING SUM(r.month_rows) > 0
    ORDER BY r.month_year, r.month`;
  return rows
    .filter((r) => monthStart(r.financial_year, r.month as FinancialMonth).getTime() <= now.getTime())
    .map((r) => ({
      financialYear: r.financial_year,
      month: r.month,
      planPence: sqlInteger(r.plan, "monthly plan"),
      actualPence: sqlInteger(r.actuals, "count") === 0 ? null : sqlIntegerOrNull(r.actual, "monthly actual"),
    }));
}

export interface SavingsSpc {
  delivered: SpcChart;
  /** The monthly plan per point of `delivered`, drawn as its target line. */
  plan: (number | null)[];
  variance: SpcChart;
}

/**
 * Two XmR charts of one scope's savings, sharing its settings and change points: the monthly
 * savings delivered (higher is better) with the plan drawn for each month, and the variance
 * from plan (actual minus plan; higher is better) with a target of zero. The plan changes from
 * month to month, so it gives no single target to judge assurance by; the variance chart
 * carries the assurance icon instead, and the section says so.
 */
export function savingsSpc(months: readonly SavingsMonth[], config: SpcConfig): SavingsSpc {
  // From the first month with an actual to the last: the month under way has none until
  // leads report it, and is not shown as a gap.
  const recorded = months.filter((m) => m.actualPence !== null);
  const index = (m: SavingsMonth) => m.financialYear * 12 + m.month;
  const first = recorded[0];
  const last = recorded.at(-1);
  const from = first && last ? months.filter((m) => index(m) >= index(first) && index(m) <= index(last)) : [];
  const options = {
    direction: "higher" as const,
    baselinePoints: config.baselinePoints,
    screenMovingRanges: config.screenMovingRanges,
    changePoints: config.changePoints,
  };
  const delivered = buildXmrChart(
    monthlySeries(from.map((m) => ({ financialYear: m.financialYear, month: m.month, value: m.actualPence }))),
    options,
  );
  const planByKey = new Map(from.map((m) => [monthKey(m.financialYear, m.month), m.planPence]));
  const variance = buildXmrChart(
    monthlySeries(
      from.map((m) => ({
        financialYear: m.financialYear,
        month: m.month,
        value: m.actualPence === null ? null : m.actualPence - m.planPence,
      })),
    ),
    { ...options, target: 0 },
  );
  return { delivered, plan: delivered.points.map((p) => planByKey.get(p.key) ?? null), variance };
}
