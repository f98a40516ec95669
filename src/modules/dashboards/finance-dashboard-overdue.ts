import { elapsedMonths, type FinancialMonth, type FinancialYear } from "@/lib/financial-year";
import { SCHEME_REGISTER_PAGE_SIZE } from "@/modules/schemes/register/register-filter";
import { db } from "@/server/db";
import { schemeWhereSql, type OrganisationScope } from "./scheme-filter-sql";

export interface OverdueUpdate {
  schemeId: string;
  code: string;
  title: string;
  leadName: string;
  organisationCode: string;
}

/**
 * Active schemes of `year` with no monthly update for the year's last elapsed month (none
 * before the year's first month has ended), ordered by organisation and code: the first `limit`
 * (a trust can have hundreds; the register's noUpdate filter lists them all) and the true total.
 * The condition is the register's own filter, so both always count the same schemes.
 */
export async function overdueMonthlyUpdates(
  scope: OrganisationScope,
  year: FinancialYear,
  now = new Date(),
  limit = SCHEME_REGISTER_PAGE_SIZE,
): Promise<{ month: number; total: number; schemes: OverdueUpdate[] }> {
  const month = elapsedMonths(year, now);
  if (month === 0 || scope.length === 0) return { month, total: 0, schemes: [] };
  const where = schemeWhereSql(scope, { year, stage: "ALL", noUpdate: month as FinancialMonth });
  const rows = await db().$queryRaw<
    { id: string; code: string; title: string; lead_name: string; organisation_code: string; total: bigint }[]
  >`
    SELECT s.id, s.code, s.title, u.name AS lead_name, o.code AS organisation_code, count(*) OVER () AS total
    FROM scheme s
    JOIN app_user u ON u.id = s.lead_id
    JOIN organisation o ON o.id = s.organisation_id
    WHERE ${where}
    ORDER BY o.code COLLATE "C", s.code COLLATE "C"
    LIMIT ${limit}`;
  return {
    month,
    // The window counts every matching row before LIMIT applies.
    total: Number(rows[0]?.total ?? 0),
    schemes: rows.map((r) => ({
      schemeId: r.id,
      code: r.code,
      title: r.title,
      leadName: r.lead_name,
      organisationCode: r.organisation_code,
    })),
  };
}
