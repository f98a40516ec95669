import type { Queryable } from "../lib/bench-database";
import type { DashboardFigures } from "./dashboard-app";

/**
 * The schemes counted in year $2 (issue 11), written from the raw months: a scheme of $2 with its
 * figures as entered; a scheme of another year whose months of $2 hold a plan, forecast or actual
 * (not summing to zero), with the plan of those months as its in-year value, no full-year effect
 * and no WTE (both belong to its own year). Scope $1.
 */
export const SCHEMES_OF_YEAR_RAW_SQL = `
  SELECT s.id, s.code, s.organisation_id, s.division_id, s.workstream_id, s.lead_id, s.category, s.stage, s.recurrent,
         s.cash_releasing, s.financial_year,
         CASE WHEN s.financial_year = $2 THEN s.full_year_effect_pence ELSE 0 END AS full_year_effect_pence,
         CASE WHEN s.financial_year = $2 THEN s.in_year_value_pence ELSE yr.plan END AS v,
         CASE WHEN s.financial_year = $2 THEN s.wte_substantive ELSE 0 END AS wte_substantive,
         CASE WHEN s.financial_year = $2 THEN s.wte_bank ELSE 0 END AS wte_bank,
         CASE WHEN s.financial_year = $2 THEN s.wte_agency ELSE 0 END AS wte_agency
  FROM scheme s
  LEFT JOIN LATERAL (
    SELECT COALESCE(sum(plan_pence), 0) AS plan, COALESCE(sum(forecast_pence), 0) AS forecast, COALESCE(sum(actual_pence), 0) AS actual
    FROM scheme_month WHERE scheme_id = s.id AND financial_year = $2) yr ON s.financial_year <> $2
  WHERE s.organisation_id = ANY($1::uuid[])
    AND (s.financial_year = $2 OR yr.plan <> 0 OR yr.forecast <> 0 OR yr.actual <> 0)`;

/** The same schemes, those of other years found through the roll-up's per-scheme year rows. */
const SCHEMES_OF_YEAR_ROLLUP_SQL = `
  SELECT s.id, s.code, s.organisation_id, s.division_id, s.workstream_id, s.lead_id, s.category, s.stage, s.recurrent,
         s.cash_releasing, s.financial_year, s.full_year_effect_pence, s.in_year_value_pence AS v,
         s.wte_substantive, s.wte_bank, s.wte_agency
  FROM scheme s WHERE s.organisation_id = ANY($1::uuid[]) AND s.financial_year = $2
  UNION ALL
  SELECT s.id, s.code, s.organisation_id, s.division_id, s.workstream_id, s.lead_id, s.category, s.stage, s.recurrent,
         s.cash_releasing, s.financial_year, 0, r.plan_pence, 0, 0, 0
  FROM scheme_month_rollup r JOIN scheme s ON s.id = r.key::uuid
  WHERE r.organisation_id = ANY($1::uuid[]) AND r.dimension = 'scheme' AND r.month_year = $2 AND r.scheme_year <> $2
    AND (r.plan_pence <> 0 OR r.forecast_pence <> 0 OR r.actual_pence <> 0)`;

/** The figures after the headline, the same in both statements (they differ in where months come from). */
const FIGURES_AFTER_HEADLINE = `
  'stages', (
    SELECT json_agg(json_build_array(stage, n, v, ra) ORDER BY ord) FROM (
      SELECT st.stage, st.ord, count(x.id) AS n, COALESCE(sum(x.v), 0) AS v, COALESCE(sum(x.ra), 0) AS ra
      FROM (VALUES ('OPPORTUNITY'::scheme_stage, 1), ('PLANNING', 2), ('DELIVERY', 3), ('COMPLETE', 4)) AS st(stage, ord)
      LEFT JOIN x ON x.stage = st.stage
      GROUP BY st.stage, st.ord) AS by_stage),
  'months', (
    SELECT json_agg(json_build_array(month, plan, forecast, actual, cum_plan, cum_forecast, cum_actual) ORDER BY month)
    FROM (SELECT month, plan, forecast, actual,
                 sum(plan) OVER w AS cum_plan, sum(forecast) OVER w AS cum_forecast,
                 CASE WHEN actual IS NULL THEN NULL ELSE sum(actual) OVER w END AS cum_actual
          FROM by_month WINDOW w AS (ORDER BY month)) AS cm),
  'breakdowns', (
    SELECT json_object_agg(dimension, rows) FROM (
      SELECT dimension, json_agg(json_build_array(key, n, v, ra, yp, ya) ORDER BY v DESC, name COLLATE "C", key) AS rows
      FROM breakdown GROUP BY dimension) AS b),
  'overdue', (
    -- [how many, the first $6 ids]: the page lists the first few and says the total.
    SELECT json_build_array(count(*), COALESCE(json_agg(id ORDER BY n) FILTER (WHERE n <= $6), '[]'))
    FROM (
      SELECT s.id, row_number() OVER (ORDER BY o.code COLLATE "C", s.code COLLATE "C") AS n
      FROM scheme s JOIN organisation o ON o.id = s.organisation_id
      WHERE $3 > 0 AND s.organisation_id = ANY($1::uuid[]) AND s.financial_year = $2
        AND s.stage IN ('OPPORTUNITY', 'PLANNING', 'DELIVERY')
        AND NOT EXISTS (SELECT 1 FROM monthly_update u WHERE u.scheme_id = s.id AND u.financial_year = $2 AND u.month = $3)
    ) AS late),
  'topRisks', (
    SELECT COALESCE(json_agg(current_score ORDER BY current_score DESC, review_date), '[]') FROM (
      SELECT r.current_score, r.review_date
      FROM risk r
      LEFT JOIN programme p ON p.id = r.programme_id
      LEFT JOIN scheme s ON s.id = r.scheme_id
      WHERE r.status = 'OPEN'
        AND (p.organisation_id = ANY($4::uuid[]) OR (p.organisation_id IS NULL AND p.system_id = ANY($5::uuid[])) OR s.organisation_id = ANY($4::uuid[]))
      ORDER BY r.current_score DESC, r.review_date
      LIMIT 5) AS top)
`;

/**
 * The finance dashboard's figures computed by one hand-written statement, independently of the
 * app's SQL fragments (its own scheme filter, stage weights written out, one scan of the year's
 * months shared by every figure). It is both the yardstick for the app's speed and the check
 * of its answers: the bench fails when the two disagree.
 */
export const DASHBOARD_SQL = `
WITH sy AS (${SCHEMES_OF_YEAR_RAW_SQL}),
sc AS (
  SELECT s.id, s.organisation_id, s.division_id, s.workstream_id, s.category, s.stage, s.recurrent, s.cash_releasing,
         s.v, s.wte_substantive, s.wte_bank, s.wte_agency,
         round(s.v::numeric * COALESCE(sw.weight_percent,
           CASE s.stage WHEN 'OPPORTUNITY' THEN 25 WHEN 'PLANNING' THEN 50 WHEN 'DELIVERY' THEN 90 WHEN 'COMPLETE' THEN 100 ELSE 0 END) / 100)::bigint AS ra
  FROM sy s
  LEFT JOIN stage_weight sw ON sw.organisation_id = s.organisation_id AND sw.stage = s.stage
  WHERE s.stage IN ('OPPORTUNITY', 'PLANNING', 'DELIVERY', 'COMPLETE')
),
mo AS (
  -- Each chosen scheme's months through the primary key; OFFSET 0 keeps the subquery a per-scheme
  -- lookup instead of letting the planner hash every month of the year.
  SELECT sc.id AS scheme_id, m.month, m.plan_pence, m.forecast_pence, m.actual_pence
  FROM sc CROSS JOIN LATERAL (
    SELECT month, plan_pence, forecast_pence, actual_pence FROM scheme_month
    WHERE scheme_id = sc.id AND financial_year = $2 OFFSET 0) AS m
),
ps AS (
  SELECT scheme_id,
         sum(plan_pence) FILTER (WHERE month <= $3) AS ytd_plan,
         sum(actual_pence) FILTER (WHERE month <= $3) AS ytd_actual,
         sum(CASE WHEN month <= $3 AND actual_pence IS NOT NULL THEN actual_pence ELSE COALESCE(forecast_pence, plan_pence) END) AS outturn
  FROM mo GROUP BY scheme_id
),
x AS (
  SELECT sc.*, COALESCE(ps.ytd_plan, 0) AS ytd_plan, COALESCE(ps.ytd_actual, 0) AS ytd_actual, COALESCE(ps.outturn, 0) AS outturn
  FROM sc LEFT JOIN ps ON ps.scheme_id = sc.id
),
by_month AS (
  SELECT g.month, COALESCE(sum(mo.plan_pence), 0) AS plan, COALESCE(sum(mo.forecast_pence), 0) AS forecast, sum(mo.actual_pence) AS actual
  FROM generate_series(1, 12) AS g(month) LEFT JOIN mo ON mo.month = g.month
  GROUP BY g.month
),
breakdown AS (
  SELECT 'workstream' AS dimension, x.workstream_id::text AS key, min(w.name) AS name, count(*) AS n, sum(v) AS v, sum(ra) AS ra, sum(ytd_plan) AS yp, sum(ytd_actual) AS ya
  FROM x LEFT JOIN workstream w ON w.id = x.workstream_id GROUP BY x.workstream_id
  UNION ALL
  SELECT 'division', x.division_id::text, min(d.name), count(*), sum(v), sum(ra), sum(ytd_plan), sum(ytd_actual)
  FROM x LEFT JOIN division d ON d.id = x.division_id GROUP BY x.division_id
  UNION ALL
  SELECT 'category', x.category::text, NULL, count(*), sum(v), sum(ra), sum(ytd_plan), sum(ytd_actual) FROM x GROUP BY x.category
  UNION ALL
  SELECT 'organisation', x.organisation_id::text, min(o.name), count(*), sum(v), sum(ra), sum(ytd_plan), sum(ytd_actual)
  FROM x JOIN organisation o ON o.id = x.organisation_id GROUP BY x.organisation_id
)
SELECT json_build_object(
  'headline', (
    SELECT json_build_array(count(*),
      (SELECT COALESCE(sum(t.target_pence), 0) FROM savings_target t WHERE t.organisation_id = ANY($1::uuid[]) AND t.financial_year = $2),
      COALESCE(sum(v), 0), COALESCE(sum(ra), 0), COALESCE(sum(ytd_plan), 0), COALESCE(sum(ytd_actual), 0), COALESCE(sum(outturn), 0),
      COALESCE(sum(v) FILTER (WHERE recurrent), 0), COALESCE(sum(v) FILTER (WHERE NOT recurrent), 0), COALESCE(sum(v) FILTER (WHERE cash_releasing), 0),
      COALESCE(sum(wte_substantive) * 100, 0)::bigint, COALESCE(sum(wte_bank) * 100, 0)::bigint, COALESCE(sum(wte_agency) * 100, 0)::bigint)
    FROM x),
${FIGURES_AFTER_HEADLINE}) AS figures`;

/**
 * The same figures by one hand-written statement over scheme_month_rollup (the month sums the
 * triggers keep): the best SQL the schema allows, so the yardstick for the app's speed. The
 * statement above, over the raw months, stays the independent check of the answers.
 */
export const DASHBOARD_ROLLUP_SQL = `
WITH sy AS (${SCHEMES_OF_YEAR_ROLLUP_SQL}),
sc AS (
  SELECT s.id, s.organisation_id, s.division_id, s.workstream_id, s.category, s.stage, s.recurrent, s.cash_releasing,
         s.v, s.wte_substantive, s.wte_bank, s.wte_agency,
         round(s.v::numeric * COALESCE(sw.weight_percent,
           CASE s.stage WHEN 'OPPORTUNITY' THEN 25 WHEN 'PLANNING' THEN 50 WHEN 'DELIVERY' THEN 90 WHEN 'COMPLETE' THEN 100 ELSE 0 END) / 100)::bigint AS ra
  FROM sy s
  LEFT JOIN stage_weight sw ON sw.organisation_id = s.organisation_id AND sw.stage = s.stage
  WHERE s.stage IN ('OPPORTUNITY', 'PLANNING', 'DELIVERY', 'COMPLETE')
),
rm AS (
  -- The roll-up's rows of the year's months of the scope's identified schemes, whatever their own year.
  SELECT r.dimension, r.key, r.organisation_id, r.month, r.plan_pence, r.forecast_pence, r.actual_pence, r.actual_rows,
         r.outturn_ended_pence, r.outturn_open_pence
  FROM scheme_month_rollup r
  WHERE r.organisation_id = ANY($1::uuid[]) AND r.dimension <> 'scheme' AND r.month_year = $2
    AND r.stage IN ('OPPORTUNITY', 'PLANNING', 'DELIVERY', 'COMPLETE')
),
x AS (SELECT sc.* FROM sc),
ytd AS (
  SELECT dimension, CASE WHEN dimension = 'category' THEN key ELSE NULLIF(key, '') END AS key,
         sum(plan_pence) FILTER (WHERE month <= $3) AS yp, sum(actual_pence) FILTER (WHERE month <= $3) AS ya
  FROM rm GROUP BY 1, 2
  UNION ALL
  SELECT 'organisation', organisation_id::text, sum(plan_pence) FILTER (WHERE month <= $3), sum(actual_pence) FILTER (WHERE month <= $3)
  FROM rm WHERE dimension = 'category' GROUP BY 2
),
by_month AS (
  SELECT g.month, COALESCE(sum(rm.plan_pence), 0) AS plan, COALESCE(sum(rm.forecast_pence), 0) AS forecast,
         CASE WHEN COALESCE(sum(rm.actual_rows), 0) = 0 THEN NULL ELSE sum(rm.actual_pence) END AS actual
  FROM generate_series(1, 12) AS g(month) LEFT JOIN rm ON rm.month = g.month AND rm.dimension = 'category'
  GROUP BY g.month
),
counts AS (
  SELECT 'workstream' AS dimension, x.workstream_id::text AS key, min(w.name) AS name, count(*) AS n, sum(v) AS v, sum(ra) AS ra
  FROM x LEFT JOIN workstream w ON w.id = x.workstream_id GROUP BY x.workstream_id
  UNION ALL
  SELECT 'division', x.division_id::text, min(d.name), count(*), sum(v), sum(ra)
  FROM x LEFT JOIN division d ON d.id = x.division_id GROUP BY x.division_id
  UNION ALL
  SELECT 'category', x.category::text, NULL, count(*), sum(v), sum(ra) FROM x GROUP BY x.category
  UNION ALL
  SELECT 'organisation', x.organisation_id::text, min(o.name), count(*), sum(v), sum(ra)
  FROM x JOIN organisation o ON o.id = x.organisation_id GROUP BY x.organisation_id
),
breakdown AS (
  SELECT c.dimension, c.key, c.name, c.n, c.v, c.ra, COALESCE(y.yp, 0) AS yp, COALESCE(y.ya, 0) AS ya
  FROM counts c LEFT JOIN ytd y ON y.dimension = c.dimension AND y.key IS NOT DISTINCT FROM c.key
)
SELECT json_build_object(
  'headline', (
    SELECT json_build_array(count(*),
      (SELECT COALESCE(sum(t.target_pence), 0) FROM savings_target t WHERE t.organisation_id = ANY($1::uuid[]) AND t.financial_year = $2),
      COALESCE(sum(v), 0), COALESCE(sum(ra), 0),
      (SELECT COALESCE(sum(plan_pence) FILTER (WHERE month <= $3), 0) FROM rm WHERE dimension = 'category'),
      (SELECT COALESCE(sum(actual_pence) FILTER (WHERE month <= $3), 0) FROM rm WHERE dimension = 'category'),
      (SELECT COALESCE(sum(CASE WHEN month <= $3 THEN outturn_ended_pence ELSE outturn_open_pence END), 0) FROM rm WHERE dimension = 'category'),
      COALESCE(sum(v) FILTER (WHERE recurrent), 0), COALESCE(sum(v) FILTER (WHERE NOT recurrent), 0), COALESCE(sum(v) FILTER (WHERE cash_releasing), 0),
      COALESCE(sum(wte_substantive) * 100, 0)::bigint, COALESCE(sum(wte_bank) * 100, 0)::bigint, COALESCE(sum(wte_agency) * 100, 0)::bigint)
    FROM x),
${FIGURES_AFTER_HEADLINE}) AS figures`;

export interface DashboardSqlInput {
  scope: readonly string[];
  year: number;
  elapsed: number;
  /** Everything the actor can see, for the top risks (as the page's findTopRisks does). */
  actorOrganisationIds: readonly string[];
  actorSystemIds: readonly string[];
  /** How many overdue schemes the page lists (it says how many there are in all). */
  overdueListed: number;
}

export async function dashboardBySql(
  client: Queryable,
  input: DashboardSqlInput,
  statement: "raw months" | "roll-up" = "raw months",
): Promise<DashboardFigures> {
  const result = await client.query<{ figures: SqlFigures }>(
    statement === "roll-up" ? DASHBOARD_ROLLUP_SQL : DASHBOARD_SQL,
    [input.scope, input.year, input.elapsed, input.actorOrganisationIds, input.actorSystemIds, input.overdueListed],
  );
  const f = result.rows[0]!.figures;
  const b = f.breakdowns ?? {};
  return {
    headline: f.headline,
    stages: f.stages,
    months: f.months,
    workstream: b.workstream ?? [],
    division: b.division ?? [],
    category: b.category ?? [],
    organisation: b.organisation ?? [],
    overdue: f.overdue,
    topRisks: f.topRisks,
  } as DashboardFigures;
}

interface SqlFigures {
  headline: number[];
  stages: unknown[];
  months: unknown[];
  breakdowns: Record<string, unknown[]> | null;
  overdue: [number, string[]];
  topRisks: number[];
}
