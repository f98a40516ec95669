import type { SchemeStage } from "@/generated/prisma/enums";
import { elapsedMonths, type FinancialYear } from "@/lib/financial-year";
import { identifiedWhereSql } from "@/modules/dashboards/finance-dashboard";
import type { OrganisationScope } from "@/modules/dashboards/scheme-figures";
import { schemesOfYearSql, stageRowsSql } from "@/modules/dashboards/scheme-filter-sql";
import { sqlInteger, type SqlNumber } from "@/modules/dashboards/sql-numbers";
import { IDENTIFIED_STAGES } from "@/modules/schemes/scheme-rules";
import { db } from "@/server/db";

export interface StageOutturn {
  stage: SchemeStage;
  /** Actuals of the ended months. */
  deliveredPence: number;
  /** The forecast outturn (actual of an ended month, else forecast, else plan) less what is delivered. */
  remainingPence: number;
}

/**
 * Delivered to date and the rest of the forecast outturn of the identified schemes, per stage
 * (gateway order, zero-filled), for the target-to-gap waterfall. Outturn is reckoned as the
 * dashboard's forecast outturn is, so the waterfall's bars add up to its headline figure.
 */
export async function findOutturnByStage(
  scope: OrganisationScope,
  year: FinancialYear,
  now: Date,
): Promise<StageOutturn[]> {
  const elapsed = elapsedMonths(year, now);
  const rows = await db().$queryRaw<{ stage: SchemeStage; delivered: SqlNumber; outturn: SqlNumber }[]>`
    WITH stages(stage, position) AS (VALUES ${stageRowsSql(IDENTIFIED_STAGES)}),
    per_scheme AS (
      SELECT s.stage, p.delivered, p.outturn
      FROM ${schemesOfYearSql(scope, year)} CROSS JOIN LATERAL (
        SELECT COALESCE(sum(m.actual_pence) FILTER (WHERE m.month <= ${elapsed}::int), 0)::bigint AS delivered,
               COALESCE(sum(COALESCE(CASE WHEN m.month <= ${elapsed}::int THEN m.actual_pence END, m.forecast_pence, m.plan_pence)), 0)::bigint AS outturn
        FROM scheme_month m
        WHERE m.scheme_id = s.id AND m.financial_year = ${year}::int
      ) p
      WHERE ${identifiedWhereSql(scope)}
    )
    SELECT st.stage, COALESCE(sum(ps.delivered), 0)::bigint AS delivered, COALESCE(sum(ps.outturn), 0)::bigint AS outturn
    FROM stages st LEFT JOIN per_scheme ps ON ps.stage = st.stage
    GROUP BY st.stage, st.position
    ORDER BY st.position`;
  return rows.map((r) => {
    const delivered = sqlInteger(r.delivered, "delivered");
    return { stage: r.stage, deliveredPence: delivered, remainingPence: sqlInteger(r.outturn, "outturn") - delivered };
  });
}
