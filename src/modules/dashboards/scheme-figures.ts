import { Prisma } from "@/generated/prisma/client";
import type { DeliveryRag, SchemeCategory, SchemeStage } from "@/generated/prisma/enums";
import { elapsedMonths, type FinancialMonth, type FinancialYear } from "@/lib/financial-year";
import { IDENTIFIED_STAGES } from "@/modules/schemes/scheme-rules";
import type { SchemeFilters, SchemeSort, SortDirection } from "@/modules/schemes/register/register-filter";
import { visibleOrganisationIds, type Actor } from "@/server/auth/actor";
import { db } from "@/server/db";
import {
  defaultWeightsCte,
  ragRankSql,
  riskAdjustedSql,
  schemeOrderSql,
  schemeWhereSql,
  schemesOfYearSql,
  stageRowsSql,
  weightJoins,
  weightPercentSql,
  type OrganisationScope,
} from "./scheme-filter-sql";
import { sqlInteger, sqlIntegerOrNull, type SqlNumber } from "./sql-numbers";
import { rollupFilterOf, rollupWhereSql } from "./month-rollup-sql";

/**
 * The one module that owns scheme aggregate queries (register totals, finance dashboard).
 * Sums, counts and running totals are computed by PostgreSQL (GROUP BY, FILTER, window
 * functions); JavaScript only converts the BIGINT results to exact pence.
 */

export type { OrganisationScope } from "./scheme-filter-sql";

/** The actor's visible organisations, narrowed to one when the filter names one (none if not visible). */
export function schemeFigureScope(actor: Actor, organisationId?: string): OrganisationScope {
  const visible = visibleOrganisationIds(actor);
  return organisationId ? visible.filter((id) => id === organisationId) : visible;
}

export interface SchemeRegisterTotals {
  count: number;
  fullYearEffectPence: number;
  inYearPence: number;
  riskAdjustedPence: number;
  /** Plan and actual of months 1..elapsedMonths of the chosen year (0 months: both 0). */
  ytdPlanPence: number;
  ytdActualPence: number;
  elapsedMonths: number;
}

export interface SchemeRegisterRow {
  id: string;
  code: string;
  title: string;
  description: string;
  organisationId: string;
  organisationCode: string;
  divisionName: string | null;
  workstreamName: string | null;
  programmeName: string | null;
  leadId: string;
  leadName: string;
  stage: SchemeStage;
  rag: DeliveryRag | null;
  category: SchemeCategory;
  subCategory: string | null;
  recurrent: boolean;
  /**
   * The scheme's own financial year. When it is not the year shown the scheme runs into that
   * year: its in-year value is the plan of its months there, its full-year effect 0 (counted in
   * its own year).
   */
  schemeYear: FinancialYear;
  fullYearEffectPence: number;
  inYearPence: number;
  weightPercent: number;
  riskAdjustedPence: number;
  ytdPlanPence: number;
  ytdActualPence: number;
}

export interface SchemeRegisterRequest {
  filters: SchemeFilters;
  sort: SchemeSort;
  dir: SortDirection;
  limit: number;
  offset: number;
}

type RegisterSqlRow = {
  total_count: SqlNumber;
  total_fye: SqlNumber;
  total_in_year: SqlNumber;
  total_risk_adjusted: SqlNumber;
  total_ytd_plan: SqlNumber;
  total_ytd_actual: SqlNumber;
  id: string | null;
  code: string;
  title: string;
  description: string;
  organisation_id: string;
  organisation_code: string;
  division_name: string | null;
  workstream_name: string | null;
  programme_name: string | null;
  lead_id: string;
  lead_name: string;
  stage: SchemeStage;
  rag: DeliveryRag | null;
  category: SchemeCategory;
  sub_category: string | null;
  recurrent: boolean;
  scheme_year: number;
  full_year_effect_pence: SqlNumber;
  in_year_value_pence: SqlNumber;
  weight_percent: SqlNumber;
  risk_adjusted_pence: SqlNumber;
  ytd_plan: SqlNumber;
  ytd_actual: SqlNumber;
};

/**
 * One statement, one snapshot: the matching schemes (`filtered`), the totals over all of them,
 * and one page of rows numbered by row_number() in the chosen order, each with its year-to-date
 * plan and actual. The totals' YTD comes from the month roll-up when it groups by every filter
 * given, else from the matching schemes' months; a page row's from its own months, so the cost
 * follows the page, not the register. The totals row is LEFT JOINed to the page, so a page past
 * the end still returns the totals (one row with no scheme). Names are joined to the page only.
 */
export async function schemeRegister(scope: OrganisationScope, request: SchemeRegisterRequest, now = new Date()) {
  const elapsed = elapsedMonths(request.filters.year, now);
  const emptyTotals: SchemeRegisterTotals = {
    count: 0,
    fullYearEffectPence: 0,
    inYearPence: 0,
    riskAdjustedPence: 0,
    ytdPlanPence: 0,
    ytdActualPence: 0,
    elapsedMonths: elapsed,
  };
  if (scope.length === 0) return { totals: emptyTotals, rows: [] as SchemeRegisterRow[] };

  const result = await db().$queryRaw<RegisterSqlRow[]>(schemeRegisterSql(scope, request, elapsed));

  const first = result[0];
  const totals: SchemeRegisterTotals = first
    ? {
        count: sqlInteger(first.total_count, "scheme count"),
        fullYearEffectPence: sqlInteger(first.total_fye, "full-year effect total"),
        inYearPence: sqlInteger(first.total_in_year, "in-year total"),
        riskAdjustedPence: sqlInteger(first.total_risk_adjusted, "risk-adjusted total"),
        ytdPlanPence: sqlInteger(first.total_ytd_plan, "YTD plan total"),
        ytdActualPence: sqlInteger(first.total_ytd_actual, "YTD actual total"),
        elapsedMonths: elapsed,
      }
    : emptyTotals;
  const rows = result.filter((r): r is RegisterSqlRow & { id: string } => r.id !== null).map(toRegisterRow);
  return { totals, rows };
}

/** The register's statement (exported for EXPLAIN in benchmarks). */
export function schemeRegisterSql(
  scope: OrganisationScope,
  request: SchemeRegisterRequest,
  elapsed: number,
): Prisma.Sql {
  return Prisma.sql`
    WITH ${defaultWeightsCte()},
    filtered AS (
      SELECT s.id, s.code, s.title, s.description, s.organisation_id, s.division_id, s.workstream_id, s.lead_id,
             s.stage, s.rag, s.category, s.sub_category, s.recurrent, s.full_year_effect_pence, s.in_year_value_pence,
             s.financial_year AS scheme_year,
             ${weightPercentSql} AS weight_percent, ${riskAdjustedSql} AS risk_adjusted_pence, ${ragRankSql} AS rag_rank
      FROM ${schemesOfYearSql(scope, request.filters.year)} ${weightJoins}
      WHERE ${schemeWhereSql(scope, request.filters)}
    ),
    ytd_totals AS (${ytdTotalsSql(scope, request.filters, elapsed)}),
    totals AS (
      SELECT count(*) AS total_count,
             COALESCE(sum(f.full_year_effect_pence), 0)::bigint AS total_fye,
             COALESCE(sum(f.in_year_value_pence), 0)::bigint AS total_in_year,
             COALESCE(sum(f.risk_adjusted_pence), 0)::bigint AS total_risk_adjusted,
             (SELECT ytd_plan FROM ytd_totals) AS total_ytd_plan,
             (SELECT ytd_actual FROM ytd_totals) AS total_ytd_actual
      FROM filtered f
    ),
    page AS (
      SELECT f.*, row_number() OVER (ORDER BY ${schemeOrderSql(request.sort, request.dir)}) AS position
      FROM filtered f
      ORDER BY position
      LIMIT ${request.limit}::int OFFSET ${request.offset}::int
    )
    SELECT t.*, p.id, p.code, p.title, p.description, p.organisation_id, o.code AS organisation_code,
           d.name AS division_name, w.name AS workstream_name, pr.name AS programme_name,
           p.lead_id, u.name AS lead_name, p.stage, p.rag, p.category, p.sub_category, p.recurrent, p.scheme_year,
           p.full_year_effect_pence, p.in_year_value_pence, p.weight_percent, p.risk_adjusted_pence, y.ytd_plan, y.ytd_actual
    FROM totals t
    LEFT JOIN page p ON true
    LEFT JOIN LATERAL (
      SELECT sum(m.plan_pence)::bigint AS ytd_plan, sum(m.actual_pence)::bigint AS ytd_actual
      FROM scheme_month m
      WHERE m.scheme_id = p.id AND m.financial_year = ${request.filters.year}::int AND m.month <= ${elapsed}::int
    ) y ON true
    LEFT JOIN organisation o ON o.id = p.organisation_id
    LEFT JOIN division d ON d.id = p.division_id
    LEFT JOIN workstream w ON w.id = p.workstream_id
    LEFT JOIN programme pr ON pr.id = w.programme_id
    LEFT JOIN app_user u ON u.id = p.lead_id
    ORDER BY p.position`;
}

/** YTD plan and actual of every scheme the filters match (one row), for the register's totals. */
function ytdTotalsSql(scope: OrganisationScope, filters: SchemeFilters, elapsed: number): Prisma.Sql {
  const { year, ...rest } = filters;
  const rollup = rollupFilterOf(rest);
  if (rollup)
    return Prisma.sql`
      SELECT COALESCE(sum(r.plan_pence) FILTER (WHERE r.month <= ${elapsed}::int), 0)::bigint AS ytd_plan,
             COALESCE(sum(r.actual_pence) FILTER (WHERE r.month <= ${elapsed}::int), 0)::bigint AS ytd_actual
      FROM scheme_month_rollup r
      WHERE ${rollupWhereSql(scope, year, rollup)}`;
  // The matching schemes' ids as an array: PostgreSQL reads just their months by primary key.
  return Prisma.sql`
      SELECT COALESCE(sum(m.plan_pence), 0)::bigint AS ytd_plan, COALESCE(sum(m.actual_pence), 0)::bigint AS ytd_actual
      FROM scheme_month m
      WHERE m.scheme_id = ANY (ARRAY(SELECT f.id FROM filtered f))
        AND m.financial_year = ${year}::int AND m.month <= ${elapsed}::int`;
}

function toRegisterRow(r: RegisterSqlRow & { id: string }): SchemeRegisterRow {
  return {
    id: r.id,
    code: r.code,
    title: r.title,
    description: r.description,
    organisationId: r.organisation_id,
    organisationCode: r.organisation_code,
    divisionName: r.division_name,
    workstreamName: r.workstream_name,
    programmeName: r.programme_name,
    leadId: r.lead_id,
    leadName: r.lead_name,
    stage: r.stage,
    rag: r.rag,
    category: r.category,
    subCategory: r.sub_category,
    recurrent: r.recurrent,
    schemeYear: r.scheme_year as FinancialYear,
    fullYearEffectPence: sqlInteger(r.full_year_effect_pence, "full-year effect"),
    inYearPence: sqlInteger(r.in_year_value_pence, "in-year value"),
    weightPercent: sqlInteger(r.weight_percent, "weight"),
    riskAdjustedPence: sqlInteger(r.risk_adjusted_pence, "risk-adjusted value"),
    ytdPlanPence: sqlInteger(r.ytd_plan, "YTD plan"),
    ytdActualPence: sqlInteger(r.ytd_actual, "YTD actual"),
  };
}

/** The register's totals alone (e.g. for a dashboard tile that links to the filtered register). */
export async function schemeRegisterTotals(
  scope: OrganisationScope,
  filters: SchemeFilters,
  now = new Date(),
): Promise<SchemeRegisterTotals> {
  return (await schemeRegister(scope, { filters, sort: "code", dir: "asc", limit: 0, offset: 0 }, now)).totals;
}

export interface StageFigures {
  stage: SchemeStage;
  count: number;
  inYearPence: number;
  riskAdjustedPence: number;
}

/**
 * In-year value and risk-adjusted value of the year's schemes per identified stage (opportunity
 * to complete, in gateway order, zero-filled); side states are not identified savings.
 */
export async function identifiedByStage(
  scope: OrganisationScope,
  financialYear: FinancialYear,
  filters: Omit<SchemeFilters, "year"> = {},
): Promise<StageFigures[]> {
  if (scope.length === 0)
    return IDENTIFIED_STAGES.map((stage) => ({ stage, count: 0, inYearPence: 0, riskAdjustedPence: 0 }));
  const rows = await db().$queryRaw<
    { stage: SchemeStage; scheme_count: SqlNumber; in_year: SqlNumber; risk_adjusted: SqlNumber }[]
  >`
    WITH ${defaultWeightsCte()},
    stages(stage, position) AS (VALUES ${stageRowsSql(IDENTIFIED_STAGES)}),
    filtered AS (
      SELECT s.stage, s.in_year_value_pence, ${riskAdjustedSql} AS risk_adjusted_pence
      FROM ${schemesOfYearSql(scope, financialYear)} ${weightJoins}
      WHERE ${schemeWhereSql(scope, filters)}
    )
    SELECT st.stage, count(f.stage) AS scheme_count,
           COALESCE(sum(f.in_year_value_pence), 0)::bigint AS in_year,
           COALESCE(sum(f.risk_adjusted_pence), 0)::bigint AS risk_adjusted
    FROM stages st LEFT JOIN filtered f ON f.stage = st.stage
    GROUP BY st.stage, st.position
    ORDER BY st.position`;
  return rows.map((r) => ({
    stage: r.stage,
    count: sqlInteger(r.scheme_count, "scheme count"),
    inYearPence: sqlInteger(r.in_year, "in-year value"),
    riskAdjustedPence: sqlInteger(r.risk_adjusted, "risk-adjusted value"),
  }));
}

export interface MonthFigures {
  month: FinancialMonth;
  planPence: number;
  forecastPence: number;
  /** null when no scheme has an actual for the month yet (so a chart's actual line stops). */
  actualPence: number | null;
  cumulativePlanPence: number;
  cumulativeForecastPence: number;
  cumulativeActualPence: number | null;
}

/**
 * Plan, forecast and actual of the year's schemes for months 1-12, with running totals
 * (window SUM ... OVER (ORDER BY month)). Same scheme set as the register for that year, so
 * the cumulative plan and actual at the last elapsed month equal the register's YTD totals.
 */
export async function monthlyCumulative(
  scope: OrganisationScope,
  financialYear: FinancialYear,
  filters: Omit<SchemeFilters, "year"> = {},
): Promise<MonthFigures[]> {
  const rollup = rollupFilterOf(filters);
  const perMonthSql = rollup
    ? // The roll-up when it groups by every filter given (category rows, or the one filtered dimension).
      Prisma.sql`
      SELECT mo.month,
             COALESCE(sum(r.plan_pence), 0)::bigint AS plan,
             COALESCE(sum(r.forecast_pence), 0)::bigint AS forecast,
             CASE WHEN COALESCE(sum(r.actual_rows), 0) = 0 THEN NULL ELSE sum(r.actual_pence) END::bigint AS actual
      FROM months mo
      LEFT JOIN scheme_month_rollup r ON r.month = mo.month AND ${rollupWhereSql(scope, financialYear, rollup)}
      GROUP BY mo.month`
    : Prisma.sql`
      SELECT mo.month,
             COALESCE(sum(m.plan_pence), 0)::bigint AS plan,
             COALESCE(sum(m.forecast_pence), 0)::bigint AS forecast,
             sum(m.actual_pence)::bigint AS actual
      FROM months mo
      LEFT JOIN scheme_month m
        ON m.month = mo.month AND m.financial_year = ${financialYear}::int
        -- The chosen schemes' ids as an array: PostgreSQL then reads just their months through the
        -- primary key, where a join let it hash every month of the year (npm run bench).
        AND m.scheme_id = ANY (ARRAY(SELECT s.id FROM ${schemesOfYearSql(scope, financialYear)} WHERE ${
          scope.length === 0 ? Prisma.sql`false` : schemeWhereSql(scope, filters)
        }))
      GROUP BY mo.month`;
  const rows = await db().$queryRaw<
    {
      month: number;
      plan: SqlNumber;
      forecast: SqlNumber;
      actual: SqlNumber;
      cum_plan: SqlNumber;
      cum_forecast: SqlNumber;
      cum_actual: SqlNumber;
    }[]
  >`
    WITH months AS (SELECT generate_series(1, 12) AS month),
    per_month AS (${perMonthSql})
    SELECT month, plan, forecast, actual,
           (sum(plan) OVER running)::bigint AS cum_plan,
           (sum(forecast) OVER running)::bigint AS cum_forecast,
           CASE WHEN actual IS NULL THEN NULL ELSE (sum(actual) OVER running)::bigint END AS cum_actual
    FROM per_month
    WINDOW running AS (ORDER BY month ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)
    ORDER BY month`;
  return rows.map((r) => ({
    month: sqlInteger(r.month) as FinancialMonth,
    planPence: sqlInteger(r.plan, "plan"),
    forecastPence: sqlInteger(r.forecast, "forecast"),
    actualPence: sqlIntegerOrNull(r.actual, "actual"),
    cumulativePlanPence: sqlInteger(r.cum_plan, "cumulative plan"),
    cumulativeForecastPence: sqlInteger(r.cum_forecast, "cumulative forecast"),
    cumulativeActualPence: sqlIntegerOrNull(r.cum_actual, "cumulative actual"),
  }));
}
