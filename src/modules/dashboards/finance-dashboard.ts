import { Prisma } from "@/generated/prisma/client";
import type { SchemeCategory, SchemeType } from "@/generated/prisma/enums";
import { elapsedMonths, type FinancialYear } from "@/lib/financial-year";
import { db } from "@/server/db";
import {
  defaultWeightsCte,
  riskAdjustedSql,
  schemeWhereSql,
  schemesOfYearSql,
  weightJoins,
  type OrganisationScope,
} from "./scheme-filter-sql";
import { sqlInteger, type SqlNumber } from "./sql-numbers";
import { rollupWhereSql, type RollupDimension } from "./month-rollup-sql";
import { IDENTIFIED_STAGES } from "@/modules/schemes/scheme-rules";

/**
 * The finance dashboard's figures (DESIGN.md §4), computed by PostgreSQL: the headline tiles in
 * one statement and the four breakdowns in another (GROUPING SETS). The scheme set is the
 * register's "identified" filter (opportunity to complete) for the year, so every figure matches
 * the register it drills down to. Money is integer pence; WTE is in hundredths (numeric(8,2) × 100).
 */

export interface FinanceHeadline {
  elapsedMonths: number;
  schemeCount: number;
  targetPence: number;
  identifiedPence: number;
  riskAdjustedPence: number;
  /** target − identified: positive = a gap still to find. */
  unidentifiedPence: number;
  ytdPlanPence: number;
  ytdActualPence: number;
  /** actual − plan: negative = behind plan. */
  ytdVariancePence: number;
  /** Per month: the actual of an ended month, else the forecast, else the plan. */
  forecastOutturnPence: number;
  recurrentPence: number;
  nonRecurrentPence: number;
  cashReleasingPence: number;
  /** Planned WTE reductions of the identified schemes, in hundredths of a WTE. */
  wteSubstantiveHundredths: number;
  wteBankHundredths: number;
  wteAgencyHundredths: number;
}

type HeadlineRow = Record<
  | "scheme_count"
  | "target"
  | "identified"
  | "risk_adjusted"
  | "ytd_plan"
  | "ytd_actual"
  | "outturn"
  | "recurrent"
  | "non_recurrent"
  | "cash_releasing"
  | "wte_substantive"
  | "wte_bank"
  | "wte_agency",
  SqlNumber
>;

/**
 * The identified schemes in scope (of one programme type, if given), as a WHERE clause on the
 * year's schemes `s` ({@link schemesOfYearSql}).
 */
export function identifiedWhereSql(scope: OrganisationScope, type?: SchemeType): Prisma.Sql {
  if (scope.length === 0) return Prisma.sql`false`;
  return schemeWhereSql(scope, type ? { stage: "IDENTIFIED", type } : { stage: "IDENTIFIED" });
}

/**
 * YTD plan, YTD actual and forecast outturn of the identified schemes' months of `year`, from the
 * roll-up (category rows: every scheme once). Outturn per month: an ended month's actual, else
 * its forecast, else its plan; an open month's forecast, else its plan; the roll-up keeps both
 * sums per month, so the cut-off at `elapsed` is a sum of whole rows.
 */
function identifiedMonthsSql(
  scope: OrganisationScope,
  year: FinancialYear,
  elapsed: number,
  type: SchemeType | undefined,
  dimension: RollupDimension,
): Prisma.Sql {
  return Prisma.sql`
    SELECT r.organisation_id, r.key,
           COALESCE(sum(r.plan_pence) FILTER (WHERE r.month <= ${elapsed}::int), 0)::bigint AS ytd_plan,
           COALESCE(sum(r.actual_pence) FILTER (WHERE r.month <= ${elapsed}::int), 0)::bigint AS ytd_actual,
           COALESCE(sum(CASE WHEN r.month <= ${elapsed}::int THEN r.outturn_ended_pence ELSE r.outturn_open_pence END), 0)::bigint AS outturn
    FROM scheme_month_rollup r
    WHERE ${rollupWhereSql(scope, year, { dimension, stages: IDENTIFIED_STAGES, ...(type ? { type } : {}) })}
    GROUP BY r.organisation_id, r.key`;
}

/** The headline of the year's identified schemes in scope; `type` narrows schemes and targets to CIP or QIPP. */
export async function financeHeadline(
  scope: OrganisationScope,
  year: FinancialYear,
  now = new Date(),
  type?: SchemeType,
): Promise<FinanceHeadline> {
  const elapsed = elapsedMonths(year, now);
  const rows = await db().$queryRaw<HeadlineRow[]>`
    WITH ${defaultWeightsCte()},
    f AS (
      SELECT s.id, s.in_year_value_pence, s.recurrent, s.cash_releasing, ${riskAdjustedSql} AS risk_adjusted_pence,
             s.wte_substantive, s.wte_bank, s.wte_agency
      FROM ${schemesOfYearSql(scope, year)} ${weightJoins}
      WHERE ${identifiedWhereSql(scope, type)}
    ),
    months AS (${identifiedMonthsSql(scope, year, elapsed, type, "category")}),
    month_totals AS (
      SELECT COALESCE(sum(ytd_plan), 0)::bigint AS ytd_plan, COALESCE(sum(ytd_actual), 0)::bigint AS ytd_actual,
             COALESCE(sum(outturn), 0)::bigint AS outturn
      FROM months
    ),
    target AS (
      SELECT COALESCE(sum(t.target_pence), 0)::bigint AS target
      FROM savings_target t
      WHERE t.organisation_id = ANY(${[...scope]}::uuid[]) AND t.financial_year = ${year}::int
        AND ${type ? Prisma.sql`t.programme_type = ${type}::scheme_type` : Prisma.sql`true`}
    )
    SELECT count(f.id) AS scheme_count,
           (SELECT target FROM target) AS target,
           COALESCE(sum(f.in_year_value_pence), 0)::bigint AS identified,
           COALESCE(sum(f.risk_adjusted_pence), 0)::bigint AS risk_adjusted,
           (SELECT ytd_plan FROM month_totals) AS ytd_plan,
           (SELECT ytd_actual FROM month_totals) AS ytd_actual,
           (SELECT outturn FROM month_totals) AS outturn,
           COALESCE(sum(f.in_year_value_pence) FILTER (WHERE f.recurrent), 0)::bigint AS recurrent,
           COALESCE(sum(f.in_year_value_pence) FILTER (WHERE NOT f.recurrent), 0)::bigint AS non_recurrent,
           COALESCE(sum(f.in_year_value_pence) FILTER (WHERE f.cash_releasing), 0)::bigint AS cash_releasing,
           COALESCE(sum(f.wte_substantive * 100), 0)::bigint AS wte_substantive,
           COALESCE(sum(f.wte_bank * 100), 0)::bigint AS wte_bank,
           COALESCE(sum(f.wte_agency * 100), 0)::bigint AS wte_agency
    FROM f`;
  const r = rows[0];
  const n = (key: keyof HeadlineRow) => sqlInteger(r?.[key], key);
  const targetPence = n("target");
  const identifiedPence = n("identified");
  const ytdPlanPence = n("ytd_plan");
  const ytdActualPence = n("ytd_actual");
  return {
    elapsedMonths: elapsed,
    schemeCount: n("scheme_count"),
    targetPence,
    identifiedPence,
    riskAdjustedPence: n("risk_adjusted"),
    unidentifiedPence: targetPence - identifiedPence,
    ytdPlanPence,
    ytdActualPence,
    ytdVariancePence: ytdActualPence - ytdPlanPence,
    forecastOutturnPence: n("outturn"),
    recurrentPence: n("recurrent"),
    nonRecurrentPence: n("non_recurrent"),
    cashReleasingPence: n("cash_releasing"),
    wteSubstantiveHundredths: n("wte_substantive"),
    wteBankHundredths: n("wte_bank"),
    wteAgencyHundredths: n("wte_agency"),
  };
}

export const BREAKDOWN_DIMENSIONS = ["workstream", "division", "category", "organisation"] as const;
export type BreakdownDimension = (typeof BREAKDOWN_DIMENSIONS)[number];

export interface BreakdownRow {
  dimension: BreakdownDimension;
  /** The id (or category) to filter the register by; null = schemes with none set. */
  key: string | null;
  label: string;
  schemeCount: number;
  identifiedPence: number;
  riskAdjustedPence: number;
  ytdPlanPence: number;
  ytdActualPence: number;
  ytdVariancePence: number;
}

type BreakdownSqlRow = {
  dimension: BreakdownDimension;
  key: string | null;
  label: string | null;
  scheme_count: SqlNumber;
  identified: SqlNumber;
  risk_adjusted: SqlNumber;
  ytd_plan: SqlNumber;
  ytd_actual: SqlNumber;
};

const CATEGORY_LABELS: Record<SchemeCategory, string> = { PAY: "Pay", NON_PAY: "Non-pay", INCOME: "Income" };

/**
 * Identified, risk-adjusted, YTD plan and actual per workstream, division, category and
 * organisation, in one pass (GROUPING SETS); GROUPING() tells the sets apart. Rows are ordered
 * by dimension, then identified value (largest first), then label.
 */
export async function financeBreakdowns(
  scope: OrganisationScope,
  year: FinancialYear,
  now = new Date(),
  type?: SchemeType,
): Promise<Record<BreakdownDimension, BreakdownRow[]>> {
  const elapsed = elapsedMonths(year, now);
  const rows = await db().$queryRaw<BreakdownSqlRow[]>`
    WITH ${defaultWeightsCte()},
    f AS (
      SELECT s.id, s.organisation_id, s.division_id, s.workstream_id, s.category, s.in_year_value_pence,
             ${riskAdjustedSql} AS risk_adjusted_pence
      FROM ${schemesOfYearSql(scope, year)} ${weightJoins}
      WHERE ${identifiedWhereSql(scope, type)}
    ),
    grouped AS (
      SELECT CASE WHEN GROUPING(f.workstream_id) = 0 THEN 'workstream'
                  WHEN GROUPING(f.division_id) = 0 THEN 'division'
                  WHEN GROUPING(f.category) = 0 THEN 'category'
                  ELSE 'organisation' END AS dimension,
             f.workstream_id, f.division_id, f.category, f.organisation_id,
             count(*) AS scheme_count,
             sum(f.in_year_value_pence)::bigint AS identified,
             sum(f.risk_adjusted_pence)::bigint AS risk_adjusted
      FROM f
      GROUP BY GROUPING SETS ((f.workstream_id), (f.division_id), (f.category), (f.organisation_id))
    ),
    -- The same schemes' months, per dimension, from the roll-up ('' is the roll-up's "none").
    ws_months AS (${identifiedMonthsSql(scope, year, elapsed, type, "workstream")}),
    div_months AS (${identifiedMonthsSql(scope, year, elapsed, type, "division")}),
    cat_months AS (${identifiedMonthsSql(scope, year, elapsed, type, "category")}),
    months AS (
      SELECT 'workstream' AS dimension, NULLIF(key, '') AS key, sum(ytd_plan) AS ytd_plan, sum(ytd_actual) AS ytd_actual
      FROM ws_months GROUP BY 2
      UNION ALL
      SELECT 'division', NULLIF(key, ''), sum(ytd_plan), sum(ytd_actual) FROM div_months GROUP BY 2
      UNION ALL
      SELECT 'category', key, sum(ytd_plan), sum(ytd_actual) FROM cat_months GROUP BY 2
      UNION ALL
      SELECT 'organisation', organisation_id::text, sum(ytd_plan), sum(ytd_actual) FROM cat_months GROUP BY 2
    ),
    keyed AS (
      SELECT g.*, COALESCE(g.workstream_id::text, g.division_id::text, g.category::text, g.organisation_id::text) AS key
      FROM grouped g
    )
    SELECT g.dimension, g.key,
           COALESCE(w.name, d.name, o.name) AS label,
           g.scheme_count, g.identified, g.risk_adjusted,
           COALESCE(m.ytd_plan, 0)::bigint AS ytd_plan, COALESCE(m.ytd_actual, 0)::bigint AS ytd_actual
    FROM keyed g
    LEFT JOIN months m ON m.dimension = g.dimension AND m.key IS NOT DISTINCT FROM g.key
    LEFT JOIN workstream w ON w.id = g.workstream_id
    LEFT JOIN division d ON d.id = g.division_id
    LEFT JOIN organisation o ON o.id = g.organisation_id
    ORDER BY g.dimension, g.identified DESC, COALESCE(w.name, d.name, o.name) COLLATE "C", 2`;
  const result: Record<BreakdownDimension, BreakdownRow[]> = {
    workstream: [],
    division: [],
    category: [],
    organisation: [],
  };
  for (const r of rows) {
    const ytdPlanPence = sqlInteger(r.ytd_plan, "YTD plan");
    const ytdActualPence = sqlInteger(r.ytd_actual, "YTD actual");
    result[r.dimension].push({
      dimension: r.dimension,
      key: r.key,
      label: breakdownLabel(r.dimension, r.key, r.label),
      schemeCount: sqlInteger(r.scheme_count, "scheme count"),
      identifiedPence: sqlInteger(r.identified, "identified"),
      riskAdjustedPence: sqlInteger(r.risk_adjusted, "risk-adjusted"),
      ytdPlanPence,
      ytdActualPence,
      ytdVariancePence: ytdActualPence - ytdPlanPence,
    });
  }
  return result;
}

/** A row's name: the category's words, the joined name, or "No workstream" / "No division". */
export function breakdownLabel(dimension: BreakdownDimension, key: string | null, name: string | null): string {
  if (key === null) return `No ${dimension}`;
  if (dimension === "category") return CATEGORY_LABELS[key as SchemeCategory] ?? key;
  return name ?? key;
}
