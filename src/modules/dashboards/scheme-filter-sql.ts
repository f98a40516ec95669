import { Prisma } from "@/generated/prisma/client";
import type { SchemeStage } from "@/generated/prisma/enums";
import type { FinancialMonth, FinancialYear } from "@/lib/financial-year";
import { DEFAULT_STAGE_WEIGHTS, MONTHLY_UPDATE_STAGES, SCHEME_STAGES } from "@/modules/schemes/scheme-rules";
import {
  stagesOf,
  type SchemeFilters,
  type SchemeSort,
  type SortDirection,
} from "@/modules/schemes/register/register-filter";

/**
 * SQL fragments shared by the scheme figures: the filter as a WHERE clause, the stage weights
 * and the register's order. Every value is a bound parameter (Prisma.sql); only fixed,
 * whitelisted SQL text is ever spliced in.
 */

/** Organisation ids whose schemes a query may read: the actor's visible ones, already narrowed. */
export type OrganisationScope = readonly string[];

/**
 * `default_weight(stage, weight_percent)`: DEFAULT_STAGE_WEIGHTS as rows, so the database applies
 * the same defaults as the code (an organisation's stage_weight row overrides its stage).
 */
export function defaultWeightsCte(): Prisma.Sql {
  const rows = SCHEME_STAGES.map((stage) => Prisma.sql`(${stage}::scheme_stage, ${DEFAULT_STAGE_WEIGHTS[stage]}::int)`);
  return Prisma.sql`default_weight(stage, weight_percent) AS (VALUES ${Prisma.join(rows)})`;
}

/**
 * The weight of scheme `s` in percent: its organisation's override, else the default. Needs
 * `default_weight` (above) in scope; joins are written by {@link weightJoins}.
 */
export const weightPercentSql = Prisma.sql`COALESCE(sw.weight_percent, dw.weight_percent, 0)`;

export const weightJoins = Prisma.sql`
  LEFT JOIN stage_weight sw ON sw.organisation_id = s.organisation_id AND sw.stage = s.stage
  LEFT JOIN default_weight dw ON dw.stage = s.stage`;

/**
 * In-year value × weight, rounded per scheme half away from zero (numeric round), exactly as
 * riskAdjustedPence() does, so a total is the sum of the figures shown on its rows.
 */
export const riskAdjustedSql = Prisma.sql`round(s.in_year_value_pence::numeric * ${weightPercentSql} / 100)::bigint`;

/** `%text%` for ILIKE, with the pattern characters of the user's text escaped. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

const SCHEME_COLUMNS = Prisma.raw(
  "s.id, s.code, s.title, s.description, s.organisation_id, s.division_id, s.workstream_id, s.lead_id, s.type, " +
    "s.stage, s.rag, s.category, s.sub_category, s.recurrent, s.cash_releasing, s.financial_year",
);

/**
 * The schemes counted in `year`, as a derived table `s` shaped like `scheme` (issue 11: a scheme
 * may run across years). A scheme counts in its own year with its figures as entered, and in any
 * other year whose months hold figures of it (their plan, forecast or actual for that year is not
 * zero); there its in-year value is the plan of its months in that year, and its full-year effect
 * and planned WTE reductions are 0, since they belong to its own year (never counted twice).
 * Every figure of a year's schemes (register, dashboard, board, exports, read API) reads this set.
 *
 * Other years' schemes come from the month roll-up's 'scheme' rows (one per scheme and month year:
 * migration 20261205040000), so a year costs one row per scheme running into it, not its months.
 */
export function schemesOfYearSql(scope: OrganisationScope, year: FinancialYear): Prisma.Sql {
  return Prisma.sql`(
    SELECT ${SCHEME_COLUMNS}, s.full_year_effect_pence, s.in_year_value_pence, s.wte_substantive, s.wte_bank, s.wte_agency
    FROM scheme s
    WHERE s.organisation_id = ANY(${[...scope]}::uuid[]) AND s.financial_year = ${year}::int
    UNION ALL
    SELECT ${SCHEME_COLUMNS}, 0::bigint, r.plan_pence, 0::numeric(8, 2), 0::numeric(8, 2), 0::numeric(8, 2)
    FROM scheme_month_rollup r
    JOIN scheme s ON s.id = r.key::uuid
    WHERE r.organisation_id = ANY(${[...scope]}::uuid[]) AND r.dimension = 'scheme' AND r.month_year = ${year}::int
      AND r.scheme_year <> ${year}::int AND (r.plan_pence <> 0 OR r.forecast_pence <> 0 OR r.actual_pence <> 0)
  ) s`;
}

/**
 * The filters other than the year as conditions on the schemes of {@link schemesOfYearSql}
 * (never empty: the scope always applies).
 */
export function schemeWhereSql(
  scope: OrganisationScope,
  filters: Omit<SchemeFilters, "year"> & { year?: FinancialYear },
): Prisma.Sql {
  const conditions: Prisma.Sql[] = [Prisma.sql`s.organisation_id = ANY(${[...scope]}::uuid[])`];
  if (filters.division) conditions.push(Prisma.sql`s.division_id = ${filters.division}::uuid`);
  if (filters.workstream) conditions.push(Prisma.sql`s.workstream_id = ${filters.workstream}::uuid`);
  if (filters.programme) {
    conditions.push(
      Prisma.sql`s.workstream_id IN (SELECT w.id FROM workstream w WHERE w.programme_id = ${filters.programme}::uuid)`,
    );
  }
  const stages = stagesOf(filters.stage);
  if (stages) conditions.push(Prisma.sql`s.stage = ANY(${stages}::scheme_stage[])`);
  if (filters.rag) conditions.push(ragConditionSql(filters.rag));
  if (filters.category) conditions.push(Prisma.sql`s.category = ${filters.category}::scheme_category`);
  if (filters.recurrence) conditions.push(Prisma.sql`s.recurrent = ${filters.recurrence === "recurrent"}`);
  if (filters.lead) conditions.push(Prisma.sql`s.lead_id = ${filters.lead}::uuid`);
  if (filters.noUpdate) conditions.push(noUpdateSql(filters.year, filters.noUpdate));
  if (filters.type) conditions.push(Prisma.sql`s.type = ${filters.type}::scheme_type`);
  if (filters.q) {
    const pattern = containsPattern(filters.q);
    conditions.push(
      Prisma.sql`(s.code ILIKE ${pattern} OR s.title ILIKE ${pattern} OR s.description ILIKE ${pattern})`,
    );
  }
  return Prisma.join(conditions, " AND ");
}

/**
 * Owes its monthly update for month `month` of `year` and has none: a live scheme of that year
 * (updates are kept for a scheme's own year, so one running on from an earlier year owes none).
 */
function noUpdateSql(year: FinancialYear | undefined, month: FinancialMonth): Prisma.Sql {
  if (year === undefined) throw new Error("The monthly-update filter needs the year.");
  return Prisma.sql`(s.financial_year = ${year}::int AND s.stage = ANY(${[...MONTHLY_UPDATE_STAGES]}::scheme_stage[])
    AND NOT EXISTS (SELECT 1 FROM monthly_update mu
                    WHERE mu.scheme_id = s.id AND mu.financial_year = ${year}::int AND mu.month = ${month}::int))`;
}

/** RAG as the badge shows it (ragDisplay): a complete scheme is blue whatever its stored RAG. */
function ragConditionSql(rag: NonNullable<SchemeFilters["rag"]>): Prisma.Sql {
  switch (rag) {
    case "COMPLETE":
      return Prisma.sql`s.stage = 'COMPLETE'::scheme_stage`;
    case "NONE":
      return Prisma.sql`(s.rag IS NULL AND s.stage <> 'COMPLETE'::scheme_stage)`;
    default:
      return Prisma.sql`(s.rag = ${rag}::delivery_rag AND s.stage <> 'COMPLETE'::scheme_stage)`;
  }
}

/** Red first, then amber, green, complete (blue), not rated: worst news first when ascending. */
export const ragRankSql = Prisma.sql`CASE WHEN s.stage = 'COMPLETE'::scheme_stage THEN 4 WHEN s.rag = 'RED' THEN 1 WHEN s.rag = 'AMBER' THEN 2 WHEN s.rag = 'GREEN' THEN 3 ELSE 5 END`;

/** Sort expressions over the `filtered` CTE's columns; the stage enum sorts in gateway order. */
const SORT_SQL: Record<SchemeSort, Prisma.Sql> = {
  code: Prisma.sql`f.code COLLATE "C"`,
  title: Prisma.sql`lower(f.title)`,
  inYear: Prisma.sql`f.in_year_value_pence`,
  fye: Prisma.sql`f.full_year_effect_pence`,
  stage: Prisma.sql`f.stage`,
  rag: Prisma.sql`f.rag_rank`,
};

/** ORDER BY list: the chosen column and direction, then code and id so pages never overlap. */
export function schemeOrderSql(sort: SchemeSort, dir: SortDirection): Prisma.Sql {
  const direction = dir === "desc" ? Prisma.raw("DESC") : Prisma.raw("ASC");
  const tieBreak = Prisma.sql`f.code COLLATE "C" ASC, f.id ASC`;
  return sort === "code"
    ? Prisma.sql`${SORT_SQL.code} ${direction}, f.id ASC`
    : Prisma.sql`${SORT_SQL[sort]} ${direction}, ${tieBreak}`;
}

/** The stages counted as identified, with their order, as a VALUES list for zero-filling. */
export function stageRowsSql(stages: readonly SchemeStage[]): Prisma.Sql {
  return Prisma.join(stages.map((stage, i) => Prisma.sql`(${stage}::scheme_stage, ${i}::int)`));
}
