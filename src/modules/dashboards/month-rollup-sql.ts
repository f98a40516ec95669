import { Prisma } from "@/generated/prisma/client";
import type { SchemeStage, SchemeType } from "@/generated/prisma/enums";
import type { FinancialYear } from "@/lib/financial-year";
import { stagesOf, type SchemeFilters } from "@/modules/schemes/register/register-filter";
import type { OrganisationScope } from "./scheme-filter-sql";

/**
 * Reading `scheme_month_rollup` (migration 20261204030000): month sums of the schemes grouped by
 * organisation, scheme year, month year, type, stage and one of category / division /
 * workstream, kept exact by triggers in every write's transaction. A dashboard then reads a few
 * hundred group rows instead of every month of every scheme it shows (issue 19: 20,000 schemes,
 * 720,000 months at scale 4).
 */

export type RollupDimension = "category" | "division" | "workstream";

/**
 * The scheme filters the roll-up can answer: scope, year, stages, programme type and at most one
 * of category, division or workstream (the `dimension` whose rows are read, with its `key`).
 * Without a key, 'category' rows give totals (every scheme is in exactly one category).
 */
export interface RollupFilter {
  stages?: readonly SchemeStage[];
  type?: SchemeType;
  dimension: RollupDimension;
  key?: string;
}

/**
 * The roll-up filter equal to `filters`, or null when they name something the roll-up does not
 * group by (two of category/division/workstream, a programme, a lead, a RAG, a text search...).
 */
export function rollupFilterOf(filters: Omit<SchemeFilters, "year">): RollupFilter | null {
  const { stage, type, category, division, workstream, ...rest } = filters;
  // `organisation` is already the scope (schemeFigureScope narrows it), as in schemeWhereSql.
  if (Object.entries(rest).some(([name, v]) => name !== "organisation" && v !== undefined && v !== "")) return null;
  const keyed = (
    [
      ["category", category],
      ["division", division],
      ["workstream", workstream],
    ] as const
  ).filter(([, key]) => key !== undefined && key !== "");
  if (keyed.length > 1) return null;
  const stages = stagesOf(stage);
  const [dimension, key] = keyed[0] ?? ["category", undefined];
  return { dimension, ...(key ? { key } : {}), ...(stages ? { stages } : {}), ...(type ? { type } : {}) };
}

/**
 * Conditions on `scheme_month_rollup r`: the scope's months of `year`, whatever the scheme's own
 * year (a scheme counts in every year its months fall in: schemesOfYearSql; months of all zeros
 * add nothing), the filter's dimension (and key). Every dimension has rows for months of every
 * year (migration 20261205040000).
 */
export function rollupWhereSql(scope: OrganisationScope, year: FinancialYear, filter: RollupFilter): Prisma.Sql {
  if (scope.length === 0) return Prisma.sql`false`;
  const conditions = [
    Prisma.sql`r.organisation_id = ANY(${[...scope]}::uuid[])`,
    Prisma.sql`r.month_year = ${year}::int`,
    Prisma.sql`r.dimension = ${filter.dimension}`,
  ];
  if (filter.key !== undefined) conditions.push(Prisma.sql`r.key = ${filter.key}`);
  if (filter.stages) conditions.push(Prisma.sql`r.stage = ANY(${[...filter.stages]}::scheme_stage[])`);
  if (filter.type) conditions.push(Prisma.sql`r.type = ${filter.type}::scheme_type`);
  return Prisma.join(conditions, " AND ");
}
