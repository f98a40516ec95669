import type { SchemeStage } from "@/generated/prisma/enums";
import { elapsedMonths, type FinancialYear } from "@/lib/financial-year";
import { db } from "@/server/db";
import type { OrganisationScope } from "./scheme-filter-sql";

/** Stages whose schemes owe a monthly update: live work, not complete and not a side state. */
export const MONTHLY_UPDATE_STAGES = ["OPPORTUNITY", "PLANNING", "DELIVERY"] as const satisfies readonly SchemeStage[];

export interface OverdueUpdate {
  schemeId: string;
  code: string;
  title: string;
  leadName: string;
  organisationCode: string;
}

/**
 * Active schemes of `year` with no monthly update for the year's last elapsed month (none
 * before the year's first month has ended). Ordered by organisation and code.
 */
export async function overdueMonthlyUpdates(
  scope: OrganisationScope,
  year: FinancialYear,
  now = new Date(),
): Promise<{ month: number; schemes: OverdueUpdate[] }> {
  const month = elapsedMonths(year, now);
  if (month === 0 || scope.length === 0) return { month, schemes: [] };
  const rows = await db().$queryRaw<
    { id: string; code: string; title: string; lead_name: string; organisation_code: string }[]
  >`
    SELECT s.id, s.code, s.title, u.name AS lead_name, o.code AS organisation_code
    FROM scheme s
    JOIN app_user u ON u.id = s.lead_id
    JOIN organisation o ON o.id = s.organisation_id
    WHERE s.organisation_id = ANY(${[...scope]}::uuid[])
      AND s.financial_year = ${year}::int
      AND s.stage = ANY(${[...MONTHLY_UPDATE_STAGES]}::scheme_stage[])
      AND NOT EXISTS (
        SELECT 1 FROM monthly_update mu
        WHERE mu.scheme_id = s.id AND mu.financial_year = ${year}::int AND mu.month = ${month}::int
      )
    ORDER BY o.code COLLATE "C", s.code COLLATE "C"`;
  return {
    month,
    schemes: rows.map((r) => ({
      schemeId: r.id,
      code: r.code,
      title: r.title,
      leadName: r.lead_name,
      organisationCode: r.organisation_code,
    })),
  };
}
