import { Prisma } from "@/generated/prisma/client";
import { elapsedMonths, type FinancialYear } from "@/lib/financial-year";
import { identifiedWhereSql } from "@/modules/dashboards/finance-dashboard";
import { schemesOfYearSql } from "@/modules/dashboards/scheme-filter-sql";
import type { OrganisationScope } from "@/modules/dashboards/scheme-figures";
import { sqlInteger, type SqlNumber } from "@/modules/dashboards/sql-numbers";
import { qiaScope } from "@/modules/quality/quality-access";
import { findTopRisks, organisationsRiskWhere } from "@/modules/risks/find-risks";
import { riskScope } from "@/modules/risks/risk-access";
import { schemeScope } from "@/modules/schemes/scheme-access";
import type { Actor } from "@/server/auth/actor";
import { db } from "@/server/db";

/**
 * The board pack's exceptions (issue 13): what a board must hear about even when the totals
 * look fine. Each list is the worst few, with the full count, within the pack's organisations.
 */

/** A gateway decision is overdue this many days after the scheme was submitted for it. */
export const GATEWAY_DECISION_DAYS = 14;
/** A risk is "red" from this current score: the extreme band of the NPSA 5x5 matrix (15-25). */
export const RED_RISK_SCORE = 15;
const LIST = 5;

export interface BehindPlanRow {
  id: string;
  code: string;
  title: string;
  leadName: string;
  ytdPlanPence: number;
  ytdActualPence: number;
  variancePence: number;
}

/** Identified schemes furthest behind their year-to-date plan (actual − plan most negative). */
export async function findSchemesBehindPlan(
  scope: OrganisationScope,
  year: FinancialYear,
  now: Date,
): Promise<BehindPlanRow[]> {
  const elapsed = elapsedMonths(year, now);
  if (elapsed === 0 || scope.length === 0) return [];
  const rows = await db().$queryRaw<
    { id: string; code: string; title: string; lead_name: string; ytd_plan: SqlNumber; ytd_actual: SqlNumber }[]
  >(Prisma.sql`
    SELECT s.id, s.code, s.title, u.name AS lead_name, p.ytd_plan, p.ytd_actual
    FROM ${schemesOfYearSql(scope, year)}
    JOIN app_user u ON u.id = s.lead_id
    CROSS JOIN LATERAL (
      SELECT COALESCE(sum(m.plan_pence), 0)::bigint AS ytd_plan, COALESCE(sum(m.actual_pence), 0)::bigint AS ytd_actual
      FROM scheme_month m
      WHERE m.scheme_id = s.id AND m.financial_year = ${year}::int AND m.month <= ${elapsed}::int
    ) p
    WHERE ${identifiedWhereSql(scope)} AND p.ytd_actual < p.ytd_plan
    ORDER BY p.ytd_actual - p.ytd_plan ASC, s.code COLLATE "C" ASC
    LIMIT ${LIST}::int`);
  return rows.map((r) => {
    const plan = sqlInteger(r.ytd_plan, "YTD plan");
    const actual = sqlInteger(r.ytd_actual, "YTD actual");
    return {
      id: r.id,
      code: r.code,
      title: r.title,
      leadName: r.lead_name,
      ytdPlanPence: plan,
      ytdActualPence: actual,
      variancePence: actual - plan,
    };
  });
}

export interface OverdueDecisionRow {
  id: string;
  code: string;
  title: string;
  gate: number;
  submittedAt: Date;
  daysWaiting: number;
}

const DAY = 24 * 60 * 60 * 1000;

/** Schemes submitted for a gateway more than GATEWAY_DECISION_DAYS ago with no decision yet, oldest first. */
export async function findOverdueGatewayDecisions(actor: Actor, scope: OrganisationScope, now: Date) {
  const where: Prisma.SchemeWhereInput = {
    AND: [schemeScope(actor), { organisationId: { in: [...scope] } }],
    submittedGate: { not: null },
    submittedAt: { lt: new Date(now.getTime() - GATEWAY_DECISION_DAYS * DAY) },
  };
  const [count, schemes] = await Promise.all([
    db().scheme.count({ where }),
    db().scheme.findMany({
      where,
      orderBy: [{ submittedAt: "asc" }, { code: "asc" }],
      take: LIST,
      select: { id: true, code: true, title: true, submittedGate: true, submittedAt: true },
    }),
  ]);
  const rows: OverdueDecisionRow[] = schemes.map((s) => ({
    id: s.id,
    code: s.code,
    title: s.title,
    gate: s.submittedGate!,
    submittedAt: s.submittedAt!,
    daysWaiting: Math.floor((now.getTime() - s.submittedAt!.getTime()) / DAY),
  }));
  return { count, rows };
}

/** QIAs submitted for clinical sign-off and not yet signed by both signatories, oldest first. */
export async function findUnsignedQias(actor: Actor, scope: OrganisationScope) {
  const where: Prisma.QualityAssessmentWhereInput = {
    AND: [qiaScope(actor), { scheme: { organisationId: { in: [...scope] } } }],
    status: "AWAITING_SIGN_OFF",
  };
  const [count, qias] = await Promise.all([
    db().qualityAssessment.count({ where }),
    db().qualityAssessment.findMany({
      where,
      orderBy: [{ updatedAt: "asc" }],
      take: LIST,
      select: { id: true, updatedAt: true, scheme: { select: { id: true, code: true, title: true } } },
    }),
  ]);
  return { count, rows: qias.map((q) => ({ id: q.id, since: q.updatedAt, scheme: q.scheme })) };
}

/** The open risks with the highest current score, and how many are red. */
export async function findPackRisks(actor: Actor, scope: OrganisationScope, systemView: boolean) {
  const where = organisationsRiskWhere(scope, systemView);
  const [redCount, top] = await Promise.all([
    db().risk.count({
      where: { AND: [riskScope(actor), where], status: "OPEN", currentScore: { gte: RED_RISK_SCORE } },
    }),
    findTopRisks(actor, LIST, where),
  ]);
  return { redCount, top };
}
