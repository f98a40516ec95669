import { Prisma } from "@/generated/prisma/client";
import { sqlInteger, sqlIntegerOrNull, type SqlNumber } from "@/modules/dashboards/sql-numbers";
import { IDENTIFIED_STAGES, SCHEME_STAGES } from "@/modules/schemes/scheme-rules";
import type { Actor } from "@/server/auth/actor";
import { db } from "@/server/db";
import { column, money, moneyColumns, type ApiRow } from "../api-columns";
import { ORGANISATION_FILTER_DOC, idList, yearParam } from "../api-query";
import { apiScope } from "../api-scope";
import { CSV_BATCH, defineEndpoint } from "../read-endpoint";

type MonthSqlRow = {
  scheme_id: string;
  scheme_code: string;
  organisation_id: string;
  organisation_code: string;
  scheme_year: number;
  stage: string;
  recurrent: boolean;
  financial_year: number;
  month: number;
  plan_pence: SqlNumber;
  forecast_pence: SqlNumber;
  actual_pence: SqlNumber;
  baseline_pence: SqlNumber;
};

interface MonthFilters {
  organisation?: string[];
  year?: number;
  scheme?: string[];
}

function whereSql(scope: readonly string[], f: MonthFilters): Prisma.Sql {
  const conditions = [Prisma.sql`s.organisation_id = ANY(${[...scope]}::uuid[])`];
  if (f.year !== undefined) conditions.push(Prisma.sql`m.financial_year = ${f.year}::int`);
  if (f.scheme) conditions.push(Prisma.sql`m.scheme_id = ANY(${f.scheme}::uuid[])`);
  return Prisma.join(conditions, " AND ");
}

/** One statement per page, in primary-key order; the baseline is the scheme's latest for that year. */
function monthsSql(where: Prisma.Sql, page: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    SELECT m.scheme_id, s.code AS scheme_code, s.organisation_id, o.code AS organisation_code,
           s.financial_year AS scheme_year, s.stage::text AS stage, s.recurrent,
           m.financial_year, m.month, m.plan_pence, m.forecast_pence, m.actual_pence,
           (SELECT b.months_pence[m.month] FROM plan_baseline b
             WHERE b.scheme_id = m.scheme_id AND b.financial_year = m.financial_year
             ORDER BY b.number DESC LIMIT 1) AS baseline_pence
    FROM scheme_month m
    JOIN scheme s ON s.id = m.scheme_id
    JOIN organisation o ON o.id = s.organisation_id
    WHERE ${where} ${page}`;
}

const IDENTIFIED: readonly string[] = IDENTIFIED_STAGES;

function toRow(r: MonthSqlRow): ApiRow {
  return {
    schemeId: r.scheme_id,
    schemeCode: r.scheme_code,
    organisationId: r.organisation_id,
    organisationCode: r.organisation_code,
    schemeFinancialYear: r.scheme_year,
    stage: r.stage,
    identified: IDENTIFIED.includes(r.stage),
    recurrent: r.recurrent,
    financialYear: r.financial_year,
    month: r.month,
    ...money("plan", sqlIntegerOrNull(r.plan_pence, "plan")),
    ...money("forecast", sqlIntegerOrNull(r.forecast_pence, "forecast")),
    ...money("actual", sqlIntegerOrNull(r.actual_pence, "actual")),
    ...money("baseline", sqlIntegerOrNull(r.baseline_pence, "baseline")),
  };
}

/**
 * Scheme months in long form (one row per scheme, financial year and month): what a Power BI
 * model sums for plan, forecast, actual and baseline. The finance dashboard's year-to-date and
 * outturn figures are the sums of these rows over identified schemes of the year.
 */
export const schemeMonthsEndpoint = defineEndpoint({
  name: "scheme-months",
  summary: "Plan, forecast, actual and baseline per scheme and month (long form)",
  filters: { organisation: idList, year: yearParam, scheme: idList },
  filterDocs: {
    organisation: ORGANISATION_FILTER_DOC,
    year: "Financial year of the months, 2025 or 2025-26; default: every year.",
    scheme: "Scheme ids, comma-separated (at most 100).",
  },
  columns: [
    column("schemeId", "uuid", "Scheme id."),
    column("schemeCode", "string", "Scheme reference code."),
    column("organisationId", "uuid", "Organisation id."),
    column("organisationCode", "string", "Organisation code."),
    column("schemeFinancialYear", "integer", "Financial year of the scheme's in-year value."),
    column("stage", "string", "The scheme's gateway stage now.", { values: SCHEME_STAGES }),
    column("identified", "boolean", "True when the stage counts as identified savings (opportunity to complete)."),
    column("recurrent", "boolean", "True for a recurrent saving."),
    column("financialYear", "integer", "Financial year of the month (2025 = 2025/26)."),
    column("month", "integer", "Month of the financial year: 1 = April … 12 = March."),
    ...moneyColumns("plan", "Plan", { nullable: true }),
    ...moneyColumns("forecast", "Forecast", { nullable: true }),
    ...moneyColumns("actual", "Actual", { nullable: true }),
    ...moneyColumns("baseline", "Plan as baselined at gateway 2 (latest baseline)", { nullable: true }),
  ],
  async page(actor, f, { limit, offset }) {
    const scope = await apiScope(actor, "scheme-months", f.organisation);
    const where = whereSql(scope, f);
    const [rows, count] = await Promise.all([
      db().$queryRaw<MonthSqlRow[]>(
        monthsSql(
          where,
          Prisma.sql`ORDER BY m.scheme_id, m.financial_year, m.month LIMIT ${limit}::int OFFSET ${offset}::int`,
        ),
      ),
      db().$queryRaw<{ n: SqlNumber }[]>`
        SELECT count(*) AS n FROM scheme_month m JOIN scheme s ON s.id = m.scheme_id WHERE ${where}`,
    ]);
    return { rows: rows.map(toRow), total: sqlInteger(count[0]?.n, "count") };
  },
  batches: (actor, f) => keysetBatches(actor, f),
});

/** Every row for CSV, by keyset on the primary key: each batch costs the same however deep. */
async function* keysetBatches(actor: Actor, f: MonthFilters): AsyncIterable<ApiRow[]> {
  const scope = await apiScope(actor, "scheme-months", f.organisation);
  const where = whereSql(scope, f);
  let after: MonthSqlRow | undefined;
  for (;;) {
    const page = after
      ? Prisma.sql`AND (m.scheme_id, m.financial_year, m.month) > (${after.scheme_id}::uuid, ${after.financial_year}::int, ${after.month}::int)`
      : Prisma.empty;
    const rows = await db().$queryRaw<MonthSqlRow[]>(
      monthsSql(where, Prisma.sql`${page} ORDER BY m.scheme_id, m.financial_year, m.month LIMIT ${CSV_BATCH}::int`),
    );
    if (rows.length) yield rows.map(toRow);
    if (rows.length < CSV_BATCH) return;
    after = rows[rows.length - 1];
  }
}
