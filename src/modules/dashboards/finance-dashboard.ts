import { Prisma } from "@/generated/prisma/client";
import type { SchemeCategory, SchemeType } from "@/generated/prisma/enums";
import { elapsedMonths, type FinancialYear } from "@/lib/financial-year";
import { db } from "@/server/db";
import {
  defaultWeightsCte,
  riskAdjustedSql,
  schemeWhereSql,
  weightJoins,
  type OrganisationScope,
} from "./scheme-filter-sql";
import { sqlInteger, type SqlNumber } from "./sql-numbers";

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

/** The identified schemes of the year in scope (of one programme type, if given), as a WHERE clause on `scheme s`. */
export function identifiedWhereSql(scope: OrganisationScope, year: FinancialYear, type?: SchemeType): Prisma.Sql {
  if (scope.length === 0) return Prisma.sql`false`;
  return schemeWhereSql(scope, type ? { year, stage: "IDENTIFIED", type } : { year, stage: "IDENTIFIED" });
}

/**
 * Plan, actual and outturn of each scheme's months of `year` (CTE `per_scheme`, needs `f`).
 * Summed per scheme in a LATERAL subquery, so PostgreSQL reads only the chosen schemes' months
 * through the primary key (scheme_id, financial_year, month). Joined the plain way, its default
 * costs (random_page_cost = 4) made it hash every month of the year, of every scheme: 3x the rows
 * for the system view and 10x for one trust (`npm run bench`, PERFORMANCE notes).
 */
function perSchemeMonthsSql(year: FinancialYear, elapsed: number): Prisma.Sql {
  return Prisma.sql`per_scheme AS (
      SELECT f.id AS scheme_id, p.ytd_plan, p.ytd_actual, p.outturn
      FROM f CROSS JOIN LATERAL (
        SELECT COALESCE(sum(m.plan_pence) FILTER (WHERE m.month <= ${elapsed}::int), 0)::bigint AS ytd_plan,
               COALESCE(sum(m.actual_pence) FILTER (WHERE m.month <= ${elapsed}::int), 0)::bigint AS ytd_actual,
               COALESCE(sum(COALESCE(CASE WHEN m.month <= ${elapsed}::int THEN m.actual_pence END, m.forecast_pence, m.plan_pence)), 0)::bigint AS outturn
        FROM scheme_month m
        WHERE m.scheme_id = f.id AND m.financial_year = ${year}::int
      ) p
    )`;
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
      FROM scheme s ${weightJoins}
      WHERE ${identifiedWhereSql(scope, year, type)}
    ),
    ${perSchemeMonthsSql(year, elapsed)},
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
           COALESCE(sum(p.ytd_plan), 0)::bigint AS ytd_plan,
           COALESCE(sum(p.ytd_actual), 0)::bigint AS ytd_actual,
           COALESCE(sum(p.outturn), 0)::bigint AS outturn,
           COALESCE(sum(f.in_year_value_pence) FILTER (WHERE f.recurrent), 0)::bigint AS recurrent,
           COALESCE(sum(f.in_year_value_pence) FILTER (WHERE NOT f.recurrent), 0)::bigint AS non_recurrent,
           COALESCE(sum(f.in_year_value_pence) FILTER (WHERE f.cash_releasing), 0)::bigint AS cash_releasing,
           COALESCE(sum(f.wte_substantive * 100), 0)::bigint AS wte_substantive,
           COALESCE(sum(f.wte_bank * 100), 0)::bigint AS wte_bank,
           COALESCE(sum(f.wte_agency * 100), 0)::bigint AS wte_agency
    FROM f LEFT JOIN per_scheme p ON p.scheme_id = f.id`;
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
      FROM scheme s ${weightJoins}
      WHERE ${identifiedWhereSql(scope, year, type)}
    ),
    ${perSchemeMonthsSql(year, elapsed)},
    grouped AS (
      SELECT CASE WHEN GROUPING(f.workstream_id) = 0 THEN 'workstream'
                  WHEN GROUPING(f.division_id) = 0 THEN 'division'
                  WHEN GROUPING(f.category) = 0 THEN 'category'
                  ELSE 'organisation' END AS dimension,
             f.workstream_id, f.division_id, f.category, f.organisation_id,
             count(*) AS scheme_count,
             sum(f.in_year_value_pence)::bigint AS identified,
             sum(f.risk_adjusted_pence)::bigint AS risk_adjusted,
             COALESCE(sum(p.ytd_plan), 0)::bigint AS ytd_plan,
             COALESCE(sum(p.ytd_actual), 0)::bigint AS ytd_actual
      FROM f LEFT JOIN per_scheme p ON p.scheme_id = f.id
      GROUP BY GROUPING SETS ((f.workstream_id), (f.division_id), (f.category), (f.organisation_id))
    )
    SELECT g.dimension,
           COALESCE(g.workstream_id::text, g.division_id::text, g.category::text, g.organisation_id::text) AS key,
           COALESCE(w.name, d.name, o.name) AS label,
           g.scheme_count, g.identified, g.risk_adjusted, g.ytd_plan, g.ytd_actual
    FROM grouped g
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
