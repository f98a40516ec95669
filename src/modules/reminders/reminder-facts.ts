import { Prisma } from "@/generated/prisma/client";
import type { FinancialMonth, FinancialYear } from "@/lib/financial-year";
import { MONTHLY_UPDATE_STAGES } from "@/modules/schemes/scheme-rules";
import type { Tx } from "@/server/db";

/**
 * The facts the reminder rules need, loaded for everyone in a few set-based queries (the daily
 * run covers a whole ICS), or for one person (`userId`) when their notification list is opened.
 * Every row names its `recipients`: active users only, so a disabled user is never reminded.
 */

export interface ReminderFacts {
  unsubmittedUpdates: UnsubmittedUpdateFact[];
  gatewayDecisions: GatewayDecisionFact[];
  qiaSignatures: QiaSignatureFact[];
  qiaReviews: QiaReviewFact[];
  riskReviews: RiskReviewFact[];
  riskActions: RiskActionFact[];
  openConditions: OpenConditionFact[];
  monthCloses: MonthCloseFact[];
}

interface SchemeRef {
  schemeId: string;
  code: string;
  title: string;
  organisationId: string;
}

/** A live scheme with no monthly update for the reporting month. */
export interface UnsubmittedUpdateFact extends SchemeRef {
  /** The lead, or null when the lead's account is disabled. */
  leadId: string | null;
  /** Who sees the update once escalated: the organisation's finance director(s) and the programme SRO. */
  escalateTo: string[];
}
export interface GatewayDecisionFact extends SchemeRef {
  gate: number;
  submittedAt: Date;
  approverIds: string[];
}
export interface QiaSignatureFact extends SchemeRef {
  assessmentId: string;
  number: number;
  waitingSince: Date;
  signatoryIds: string[];
}
export interface QiaReviewFact extends SchemeRef {
  assessmentId: string;
  number: number;
  reviewDate: Date;
  leadId: string;
}
export interface RiskReviewFact {
  riskId: string;
  title: string;
  organisationId: string | null;
  reviewDate: Date;
  ownerId: string;
}
export interface RiskActionFact {
  actionId: string;
  riskId: string;
  riskTitle: string;
  organisationId: string | null;
  dueDate: Date;
  ownerId: string;
}
export interface OpenConditionFact extends SchemeRef {
  conditionId: string;
  createdAt: Date;
  /** The date it is due by, when the approver set one. */
  dueOn: Date | null;
  leadId: string;
}
export interface MonthCloseFact {
  organisationId: string;
  organisationName: string;
  closed: boolean;
  financeIds: string[];
}

/** Active users' roles per organisation; a system-wide membership at an ICB covers its system. */
const ROLE_HOLDERS = Prisma.sql`role_holder AS (
  SELECT m.user_id, m.organisation_id, m.role, m.clinical_capacity, m.finance_capacity, false AS via_system
  FROM membership m JOIN app_user u ON u.id = m.user_id AND u.active
  UNION
  SELECT m.user_id, o.id, m.role, m.clinical_capacity, m.finance_capacity, true
  FROM membership m
  JOIN app_user u ON u.id = m.user_id AND u.active
  JOIN organisation icb ON icb.id = m.organisation_id
  JOIN organisation o ON o.system_id = icb.system_id AND o.id <> icb.id
  WHERE m.system_wide
)`;

const ACTIVE_USER = (column: Prisma.Sql) =>
  Prisma.sql`EXISTS (SELECT 1 FROM app_user au WHERE au.id = ${column} AND au.active)`;

export async function loadReminderFacts(
  tx: Tx,
  input: { today: Date; financialYear: FinancialYear; month: FinancialMonth; userId?: string },
): Promise<ReminderFacts> {
  const user = input.userId ?? null;
  const forUser = Prisma.sql`(${user}::uuid IS NULL OR ${user}::uuid = ANY(q.recipients))`;
  // One after the other: a transaction's queries share one connection.
  const unsubmittedUpdates = await tx.$queryRaw<UnsubmittedUpdateFact[]>`WITH ${ROLE_HOLDERS}
    SELECT q."schemeId", q.code, q.title, q."organisationId", q."leadId", q."escalateTo" FROM (
      SELECT s.id AS "schemeId", s.code, s.title, s.organisation_id AS "organisationId",
        CASE WHEN ${ACTIVE_USER(Prisma.sql`s.lead_id`)} THEN s.lead_id END AS "leadId",
        e.ids AS "escalateTo", array_append(e.ids, s.lead_id) AS recipients
      FROM scheme s
      CROSS JOIN LATERAL (SELECT ARRAY(
        SELECT rh.user_id FROM role_holder rh
        WHERE rh.organisation_id = s.organisation_id AND rh.role = 'FINANCE' AND NOT rh.via_system
          AND coalesce(rh.finance_capacity, 'DIRECTOR') = 'DIRECTOR'
        UNION
        SELECT l.user_id FROM workstream w
        JOIN programme p ON p.id = w.programme_id
        JOIN lead l ON l.system_id = p.system_id AND l.title = p.sro
        WHERE w.id = s.workstream_id AND l.user_id IS NOT NULL AND ${ACTIVE_USER(Prisma.sql`l.user_id`)}
      ) AS ids) e
      WHERE s.stage = ANY(${[...MONTHLY_UPDATE_STAGES]}::scheme_stage[])
        AND s.financial_year <= ${input.financialYear}::int
        AND NOT EXISTS (
          SELECT 1 FROM monthly_update mu
          WHERE mu.scheme_id = s.id AND mu.financial_year = ${input.financialYear}::int AND mu.month = ${input.month}::int
        )
    ) q WHERE ${forUser}`;

  const gatewayDecisions = await tx.$queryRaw<GatewayDecisionFact[]>`WITH ${ROLE_HOLDERS}
    SELECT q."schemeId", q.code, q.title, q."organisationId", q.gate, q."submittedAt", q.recipients AS "approverIds" FROM (
      SELECT s.id AS "schemeId", s.code, s.title, s.organisation_id AS "organisationId", s.submitted_gate AS gate,
        coalesce(s.submitted_at, s.updated_at) AS "submittedAt",
        ARRAY(
          SELECT DISTINCT rh.user_id FROM role_holder rh
          WHERE rh.organisation_id = s.organisation_id AND rh.role = 'FINANCE' AND rh.user_id <> s.lead_id
            AND (s.submitted_gate = 1 OR s.full_year_effect_pence < o.director_threshold_pence
                 OR coalesce(rh.finance_capacity, 'DIRECTOR') = 'DIRECTOR')
        ) AS recipients
      FROM scheme s JOIN organisation o ON o.id = s.organisation_id
      WHERE s.submitted_gate IS NOT NULL
    ) q WHERE ${forUser}`;

  const qiaSignatures = await tx.$queryRaw<QiaSignatureFact[]>`WITH ${ROLE_HOLDERS}
    SELECT q."assessmentId", q.number, q."schemeId", q.code, q.title, q."organisationId", q."waitingSince",
      q.recipients AS "signatoryIds" FROM (
      SELECT qa.id AS "assessmentId", qa.number, s.id AS "schemeId", s.code, s.title, s.organisation_id AS "organisationId",
        qa.updated_at AS "waitingSince",
        ARRAY(
          SELECT DISTINCT rh.user_id FROM role_holder rh
          WHERE rh.organisation_id = s.organisation_id AND rh.role = 'CLINICAL_APPROVER'
            AND rh.clinical_capacity IS NOT NULL AND rh.user_id <> s.lead_id
            AND NOT EXISTS (
              SELECT 1 FROM quality_sign_off so
              WHERE so.assessment_id = qa.id AND (so.capacity = rh.clinical_capacity OR so.user_id = rh.user_id)
            )
        ) AS recipients
      FROM quality_assessment qa JOIN scheme s ON s.id = qa.scheme_id
      WHERE qa.status = 'AWAITING_SIGN_OFF'
    ) q WHERE ${forUser}`;

  const qiaReviews = await tx.$queryRaw<QiaReviewFact[]>`
    SELECT qa.id AS "assessmentId", qa.number, s.id AS "schemeId", s.code, s.title, s.organisation_id AS "organisationId",
      qa.review_date AS "reviewDate", s.lead_id AS "leadId"
    FROM quality_assessment qa JOIN scheme s ON s.id = qa.scheme_id
    WHERE qa.status IN ('APPROVED', 'APPROVED_WITH_CONDITIONS') AND qa.review_date IS NOT NULL
      AND qa.review_date <= ${input.today}::date + 31
      AND NOT EXISTS (SELECT 1 FROM quality_review r WHERE r.assessment_id = qa.id)
      AND ${ACTIVE_USER(Prisma.sql`s.lead_id`)} AND (${user}::uuid IS NULL OR s.lead_id = ${user}::uuid)`;

  const riskReviews = await tx.$queryRaw<RiskReviewFact[]>`
    SELECT r.id AS "riskId", r.title, coalesce(s.organisation_id, p.organisation_id) AS "organisationId",
      r.review_date AS "reviewDate", r.owner_id AS "ownerId"
    FROM risk r LEFT JOIN scheme s ON s.id = r.scheme_id LEFT JOIN programme p ON p.id = r.programme_id
    WHERE r.status = 'OPEN' AND r.review_date < ${input.today}::date
      AND ${ACTIVE_USER(Prisma.sql`r.owner_id`)} AND (${user}::uuid IS NULL OR r.owner_id = ${user}::uuid)`;

  const riskActions = await tx.$queryRaw<RiskActionFact[]>`
    SELECT ra.id AS "actionId", r.id AS "riskId", r.title AS "riskTitle",
      coalesce(s.organisation_id, p.organisation_id) AS "organisationId", ra.due_date AS "dueDate", ra.owner_id AS "ownerId"
    FROM risk_action ra JOIN risk r ON r.id = ra.risk_id
    LEFT JOIN scheme s ON s.id = r.scheme_id LEFT JOIN programme p ON p.id = r.programme_id
    WHERE ra.status <> 'DONE' AND r.status = 'OPEN' AND ra.due_date < ${input.today}::date
      AND ${ACTIVE_USER(Prisma.sql`ra.owner_id`)} AND (${user}::uuid IS NULL OR ra.owner_id = ${user}::uuid)`;

  const openConditions = await tx.$queryRaw<OpenConditionFact[]>`
    SELECT tc.id AS "conditionId", s.id AS "schemeId", s.code, s.title, s.organisation_id AS "organisationId",
      tc.created_at AS "createdAt", tc.due_on AS "dueOn", s.lead_id AS "leadId"
    FROM tracked_condition tc JOIN scheme s ON s.id = tc.scheme_id
    WHERE tc.met_at IS NULL AND s.stage NOT IN ('REJECTED', 'WITHDRAWN')
      AND ${ACTIVE_USER(Prisma.sql`s.lead_id`)} AND (${user}::uuid IS NULL OR s.lead_id = ${user}::uuid)`;

  const monthCloses = await tx.$queryRaw<MonthCloseFact[]>`WITH ${ROLE_HOLDERS}
    SELECT q."organisationId", q."organisationName", q.closed, q.recipients AS "financeIds" FROM (
      SELECT o.id AS "organisationId", o.name AS "organisationName",
        EXISTS (
          SELECT 1 FROM period_close pc
          WHERE pc.organisation_id = o.id AND pc.financial_year = ${input.financialYear}::int AND pc.month = ${input.month}::int
        ) AS closed,
        ARRAY(
          SELECT DISTINCT rh.user_id FROM role_holder rh
          WHERE rh.organisation_id = o.id AND rh.role = 'FINANCE' AND NOT rh.via_system
        ) AS recipients
      FROM organisation o
      WHERE EXISTS (SELECT 1 FROM scheme s WHERE s.organisation_id = o.id)
    ) q WHERE ${forUser} AND NOT q.closed`;

  return {
    unsubmittedUpdates,
    gatewayDecisions,
    qiaSignatures,
    qiaReviews,
    riskReviews,
    riskActions,
    openConditions,
    monthCloses,
  };
}

/** Reminder settings of the organisations in play; organisations without a row take the defaults. */
export async function loadStoredReminderSettings(tx: Tx) {
  return tx.reminderSetting.findMany({
    select: {
      organisationId: true,
      updateDueWorkingDay: true,
      monthCloseWorkingDay: true,
      escalateAfterWorkingDays: true,
    },
  });
}
