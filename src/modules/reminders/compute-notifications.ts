import type { NotificationKind } from "@/generated/prisma/enums";
import { formatDate } from "@/lib/dates";
import { financialMonthOf, financialYearOf, type FinancialMonth, type FinancialYear } from "@/lib/financial-year";
import { monthName } from "@/modules/schemes/financials/month-grid";
import { routes } from "@/server/routes";
import type { ReminderFacts } from "./reminder-facts";
import {
  datedObligationStatus,
  monthCloseReminder,
  monthlyUpdateReminder,
  reportingMonth,
  waitingOldestFirst,
} from "./reminder-rules";
import { withDefaults, type ReminderSettings } from "./reminder-settings";
import { workingDaysBetween } from "./working-days";

/**
 * From facts to the notifications that should exist today: every rule of reminder-rules.ts
 * applied to every fact, one notification per person and cause. Text holds titles and dates
 * only, because the same text goes into the email digest.
 */

export interface DesiredNotification {
  userId: string;
  organisationId: string | null;
  kind: NotificationKind;
  /** Unique per person; a notification whose cause is gone is deleted. */
  causeKey: string;
  title: string;
  detail: string | null;
  href: string;
  dueOn: Date | null;
  waitingSince: Date | null;
}

/** Working days before a QIA post-implementation review date that its reminder starts. */
export const QIA_REVIEW_NOTICE_WORKING_DAYS = 5;

/** The financial year and month whose update and close are being asked for `today`. */
export function reportingFinancialMonth(today: Date): { financialYear: FinancialYear; month: FinancialMonth } {
  const { year, month } = reportingMonth(today);
  const first = new Date(Date.UTC(year, month - 1, 1));
  return { financialYear: financialYearOf(first), month: financialMonthOf(first) };
}

const days = (n: number) => (n === 1 ? "1 working day" : `${n} working days`);

export function computeNotifications(
  today: Date,
  facts: ReminderFacts,
  storedSettings: readonly ({ organisationId: string } & Partial<ReminderSettings>)[],
): DesiredNotification[] {
  const settingsOf = new Map(storedSettings.map((s) => [s.organisationId, withDefaults(s)]));
  const settings = (organisationId: string) => settingsOf.get(organisationId) ?? withDefaults(null);
  const { financialYear, month } = reportingFinancialMonth(today);
  const period = monthName(financialYear, month);
  const periodKey = `${financialYear}-${month}`;
  const out: DesiredNotification[] = [];
  const push = (n: Omit<DesiredNotification, "waitingSince" | "dueOn"> & Partial<DesiredNotification>) =>
    out.push({ dueOn: null, waitingSince: null, ...n });

  for (const f of facts.unsubmittedUpdates) {
    const reminder = monthlyUpdateReminder(today, settings(f.organisationId), []);
    if (!reminder) continue;
    const scheme = `${f.code} ${f.title}`;
    const base = { organisationId: f.organisationId, href: routes.schemeUpdate(f.schemeId), dueOn: reminder.dueOn };
    if (f.leadId) {
      push({
        ...base,
        userId: f.leadId,
        kind: reminder.kind === "update-due" ? "UPDATE_DUE" : "UPDATE_OVERDUE",
        causeKey: `update:${f.schemeId}:${periodKey}`,
        title: `Monthly update for ${period}: ${scheme}`,
        detail:
          reminder.kind === "update-due"
            ? `Due ${formatDate(reminder.dueOn)}`
            : `Was due ${formatDate(reminder.dueOn)}: ${days(reminder.workingDaysOverdue)} overdue`,
      });
    }
    if (reminder.kind === "update-overdue" && reminder.escalate) {
      for (const userId of new Set(f.escalateTo)) {
        if (userId === f.leadId) continue;
        push({
          ...base,
          href: routes.scheme(f.schemeId),
          userId,
          kind: "UPDATE_ESCALATED",
          causeKey: `update-escalated:${f.schemeId}:${periodKey}`,
          title: `Overdue monthly update for ${period}: ${scheme}`,
          detail: `Was due ${formatDate(reminder.dueOn)}: ${days(reminder.workingDaysOverdue)} overdue`,
        });
      }
    }
  }

  for (const f of waitingOldestFirst(
    today,
    facts.gatewayDecisions.map((g) => ({ ...g, waitingSince: g.submittedAt })),
  )) {
    for (const userId of new Set(f.approverIds)) {
      push({
        userId,
        organisationId: f.organisationId,
        kind: "GATEWAY_DECISION",
        causeKey: `gateway:${f.schemeId}:${f.gate}`,
        title: `Gateway ${f.gate} decision: ${f.code} ${f.title}`,
        detail: `Submitted ${formatDate(f.submittedAt)}, waiting ${days(f.workingDaysWaiting)}`,
        href: routes.scheme(f.schemeId),
        waitingSince: f.submittedAt,
      });
    }
  }

  for (const f of waitingOldestFirst(today, facts.qiaSignatures)) {
    for (const userId of new Set(f.signatoryIds)) {
      push({
        userId,
        organisationId: f.organisationId,
        kind: "QIA_SIGNATURE",
        causeKey: `qia-sign:${f.assessmentId}`,
        title: `QIA version ${f.number} awaits your signature: ${f.code} ${f.title}`,
        detail: `Waiting since ${formatDate(f.waitingSince)}, ${days(f.workingDaysWaiting)}`,
        href: routes.schemeQia(f.schemeId),
        waitingSince: f.waitingSince,
      });
    }
  }

  for (const f of facts.qiaReviews) {
    const status = datedObligationStatus(today, f.reviewDate, false, QIA_REVIEW_NOTICE_WORKING_DAYS);
    if (!status) continue;
    push({
      userId: f.leadId,
      organisationId: f.organisationId,
      kind: "QIA_REVIEW_DUE",
      causeKey: `qia-review:${f.assessmentId}`,
      title: `Post-implementation QIA review: ${f.code} ${f.title}`,
      detail: `${status === "past-due" ? "Was due" : "Due"} ${formatDate(f.reviewDate)}`,
      href: routes.schemeQia(f.schemeId),
      dueOn: f.reviewDate,
    });
  }

  for (const f of facts.riskReviews) {
    if (datedObligationStatus(today, f.reviewDate, false) !== "past-due") continue;
    push({
      userId: f.ownerId,
      organisationId: f.organisationId,
      kind: "RISK_REVIEW_OVERDUE",
      causeKey: `risk-review:${f.riskId}`,
      title: `Risk review: ${f.title}`,
      detail: `Was due ${formatDate(f.reviewDate)}`,
      href: routes.risk(f.riskId),
      dueOn: f.reviewDate,
    });
  }

  for (const f of facts.riskActions) {
    if (datedObligationStatus(today, f.dueDate, false) !== "past-due") continue;
    push({
      userId: f.ownerId,
      organisationId: f.organisationId,
      kind: "RISK_ACTION_OVERDUE",
      causeKey: `risk-action:${f.actionId}`,
      title: `Risk action on: ${f.riskTitle}`,
      detail: `Was due ${formatDate(f.dueDate)}`,
      href: routes.risk(f.riskId),
      dueOn: f.dueDate,
    });
  }

  for (const f of facts.openConditions) {
    // A condition with a due date is reminded once past it (like a risk action); one without, while open.
    if (f.dueOn && f.dueOn >= today) continue;
    push({
      userId: f.leadId,
      organisationId: f.organisationId,
      kind: "CONDITION_OPEN",
      causeKey: `condition:${f.conditionId}`,
      title: f.dueOn ? `Condition past due: ${f.code} ${f.title}` : `Condition to meet: ${f.code} ${f.title}`,
      detail: f.dueOn
        ? `Was due ${formatDate(f.dueOn)}`
        : `Set ${formatDate(f.createdAt)}, open ${days(workingDaysBetween(f.createdAt, today))}`,
      href: routes.scheme(f.schemeId),
      ...(f.dueOn ? { dueOn: f.dueOn } : { waitingSince: f.createdAt }),
    });
  }

  for (const f of facts.monthCloses) {
    const reminder = monthCloseReminder(today, settings(f.organisationId), f.closed ? [reportingMonth(today)] : []);
    if (!reminder) continue;
    for (const userId of new Set(f.financeIds)) {
      push({
        userId,
        organisationId: f.organisationId,
        kind: "MONTH_NOT_CLOSED",
        causeKey: `month-close:${f.organisationId}:${periodKey}`,
        title: `Close ${period} at ${f.organisationName}`,
        detail: `Due by ${formatDate(reminder.dueOn)}`,
        href: routes.financeSettingsAt(f.organisationId, financialYear),
        dueOn: reminder.dueOn,
      });
    }
  }
  return out;
}
