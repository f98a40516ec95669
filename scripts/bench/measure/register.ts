import type { Queryable } from "../lib/bench-database";
import { SCHEMES_OF_YEAR_RAW_SQL } from "./dashboard-sql";
import { elapsedMonths } from "../../../src/lib/financial-year";
import {
  findSchemeRegister,
  findSchemeRegisterOptions,
} from "../../../src/modules/schemes/register/find-scheme-register";
import {
  SCHEME_REGISTER_PAGE_SIZE,
  parseSchemeRegisterQuery,
  type SchemeRegisterQuery,
} from "../../../src/modules/schemes/register/register-filter";
import type { Actor } from "../../../src/server/auth/actor";
import { visibleOrganisationIds } from "../../../src/server/auth/actor";

/**
 * The scheme register as src/app/(app)/schemes/page.tsx loads it (the query string parsed, then
 * findSchemeRegister and the filter form's options in parallel), and the same totals and page
 * computed by one hand-written statement.
 */

/** Identified pay schemes of the year, largest in-year value first, page 2: filter, sort, page and totals. */
export function registerQuery(year: number, now: Date): SchemeRegisterQuery {
  return parseSchemeRegisterQuery(
    { year: String(year), stage: "IDENTIFIED", category: "PAY", sort: "inYear", dir: "desc", page: "2" },
    now,
  );
}

export async function loadRegisterPage(actor: Actor, query: SchemeRegisterQuery, now: Date) {
  const [register, options] = await Promise.all([
    findSchemeRegister(actor, query, now),
    findSchemeRegisterOptions(actor),
  ]);
  return { register, options };
}

export async function loadRegisterFigures(actor: Actor, query: SchemeRegisterQuery, now: Date) {
  return findSchemeRegister(actor, query, now);
}

export function registerFigures(r: Awaited<ReturnType<typeof findSchemeRegister>>) {
  const t = r.totals;
  return {
    totals: [t.count, t.fullYearEffectPence, t.inYearPence, t.riskAdjustedPence, t.ytdPlanPence, t.ytdActualPence],
    rows: r.rows.map((row) => [
      row.id,
      row.code,
      row.organisationCode,
      row.divisionName,
      row.workstreamName,
      row.programmeName,
      row.leadName,
      row.stage,
      row.fullYearEffectPence,
      row.inYearPence,
      row.weightPercent,
      row.riskAdjustedPence,
      row.ytdPlanPence,
      row.ytdActualPence,
    ]),
  };
}

export type RegisterFigures = ReturnType<typeof registerFigures>;

const REGISTER_SQL = `
WITH sy AS (${SCHEMES_OF_YEAR_RAW_SQL}),
f AS (
  SELECT s.*, s.v AS in_year_value_pence, COALESCE(sw.weight_percent,
           CASE s.stage WHEN 'OPPORTUNITY' THEN 25 WHEN 'PLANNING' THEN 50 WHEN 'DELIVERY' THEN 90 WHEN 'COMPLETE' THEN 100 ELSE 0 END) AS weight
  FROM sy s
  LEFT JOIN stage_weight sw ON sw.organisation_id = s.organisation_id AND sw.stage = s.stage
  WHERE s.stage IN ('OPPORTUNITY', 'PLANNING', 'DELIVERY', 'COMPLETE') AND s.category = 'PAY'
),
y AS (
  SELECT m.scheme_id, sum(m.plan_pence) AS plan, sum(m.actual_pence) AS actual
  FROM scheme_month m
  WHERE m.scheme_id IN (SELECT id FROM f) AND m.financial_year = $2 AND m.month <= $3
  GROUP BY m.scheme_id
),
fy AS (
  SELECT f.*, round(f.in_year_value_pence::numeric * f.weight / 100)::bigint AS ra, COALESCE(y.plan, 0) AS ytd_plan, COALESCE(y.actual, 0) AS ytd_actual
  FROM f LEFT JOIN y ON y.scheme_id = f.id
)
SELECT
  (SELECT json_build_array(count(*), COALESCE(sum(full_year_effect_pence), 0), COALESCE(sum(in_year_value_pence), 0), COALESCE(sum(ra), 0), COALESCE(sum(ytd_plan), 0), COALESCE(sum(ytd_actual), 0)) FROM fy) AS totals,
  (SELECT COALESCE(json_agg(json_build_array(p.id, p.code, o.code, d.name, w.name, pr.name, u.name, p.stage, p.full_year_effect_pence, p.in_year_value_pence, p.weight, p.ra, p.ytd_plan, p.ytd_actual) ORDER BY p.n), '[]')
   FROM (SELECT fy.*, row_number() OVER (ORDER BY in_year_value_pence DESC, code COLLATE "C", id) AS n FROM fy
         ORDER BY in_year_value_pence DESC, code COLLATE "C", id LIMIT $4 OFFSET $5) AS p
   JOIN organisation o ON o.id = p.organisation_id
   LEFT JOIN division d ON d.id = p.division_id
   LEFT JOIN workstream w ON w.id = p.workstream_id
   LEFT JOIN programme pr ON pr.id = w.programme_id
   JOIN app_user u ON u.id = p.lead_id) AS rows`;

export async function registerBySql(
  client: Queryable,
  actor: Actor,
  query: SchemeRegisterQuery,
  now: Date,
): Promise<RegisterFigures> {
  if (query.stage !== "IDENTIFIED" || query.category !== "PAY" || query.sort !== "inYear" || query.dir !== "desc")
    throw new Error("REGISTER_SQL is written for registerQuery()'s filter only");
  const scope = query.organisation
    ? visibleOrganisationIds(actor).filter((id) => id === query.organisation)
    : visibleOrganisationIds(actor);
  const result = await client.query<RegisterFigures>(REGISTER_SQL, [
    scope,
    query.year,
    elapsedMonths(query.year, now),
    SCHEME_REGISTER_PAGE_SIZE,
    (query.page - 1) * SCHEME_REGISTER_PAGE_SIZE,
  ]);
  return result.rows[0]!;
}
