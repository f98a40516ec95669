import { addWorkingDays, workingDayAfterMonthEnd, workingDaysBetween } from "./working-days";
import type { ReminderSettings } from "./reminder-settings";

/**
 * Every reminder rule as a pure function of plain facts and "today" (a UTC midnight). The job
 * loads the facts; these decide who is reminded of what. A rule that returns nothing means the
 * cause is resolved, which is how notifications disappear by themselves.
 */

export type CalendarMonth = { year: number; month: number }; // month 1-12

/** The calendar month whose monthly update is being asked for today: the last month that ended. */
export function reportingMonth(today: Date): CalendarMonth {
  const month = today.getUTCMonth(); // 0-11: the previous month's 1-12 number
  return month === 0 ? { year: today.getUTCFullYear() - 1, month: 12 } : { year: today.getUTCFullYear(), month };
}

export type UpdateReminder =
  | { kind: "update-due"; month: CalendarMonth; dueOn: Date }
  | { kind: "update-overdue"; month: CalendarMonth; dueOn: Date; workingDaysOverdue: number; escalate: boolean };

/**
 * A scheme's monthly update for the month just ended: due from month end until working day N,
 * overdue after it, escalated once overdue by more than E working days. Null once submitted.
 */
export function monthlyUpdateReminder(
  today: Date,
  settings: ReminderSettings,
  submittedMonths: readonly CalendarMonth[],
): UpdateReminder | null {
  const month = reportingMonth(today);
  if (submittedMonths.some((m) => m.year === month.year && m.month === month.month)) return null;
  const dueOn = workingDayAfterMonthEnd(month.year, month.month, settings.updateDueWorkingDay);
  if (today.getTime() <= dueOn.getTime()) return { kind: "update-due", month, dueOn };
  const workingDaysOverdue = workingDaysBetween(dueOn, today);
  // A weekend or bank holiday straight after the due date is not yet a working day overdue.
  if (workingDaysOverdue === 0) return { kind: "update-due", month, dueOn };
  return {
    kind: "update-overdue",
    month,
    dueOn,
    workingDaysOverdue,
    escalate: workingDaysOverdue > settings.escalateAfterWorkingDays,
  };
}

/** Finance has not closed the month just ended by working day M. */
export function monthCloseReminder(
  today: Date,
  settings: ReminderSettings,
  closedMonths: readonly CalendarMonth[],
): { kind: "month-not-closed"; month: CalendarMonth; dueOn: Date } | null {
  const month = reportingMonth(today);
  if (closedMonths.some((m) => m.year === month.year && m.month === month.month)) return null;
  const dueOn = workingDayAfterMonthEnd(month.year, month.month, settings.monthCloseWorkingDay);
  return today.getTime() >= dueOn.getTime() ? { kind: "month-not-closed", month, dueOn } : null;
}

/** Things waiting on someone since a date (gateway decisions, QIA signatures): oldest first, with age. */
export function waitingOldestFirst<T extends { waitingSince: Date }>(
  today: Date,
  items: readonly T[],
): (T & { workingDaysWaiting: number })[] {
  return [...items]
    .sort((a, b) => a.waitingSince.getTime() - b.waitingSince.getTime())
    .map((item) => ({ ...item, workingDaysWaiting: workingDaysBetween(item.waitingSince, today) }));
}

/**
 * Dated obligations (risk review dates, risk action and gateway condition due dates, QIA
 * post-implementation reviews): past due when the date is before today and not done;
 * "due soon" within `noticeWorkingDays` working days so the reminder comes before, not after.
 */
export function datedObligationStatus(
  today: Date,
  dueOn: Date | null,
  done: boolean,
  noticeWorkingDays = 0,
): "past-due" | "due-soon" | null {
  if (done || dueOn === null) return null;
  if (dueOn.getTime() < today.getTime()) return "past-due";
  if (noticeWorkingDays > 0 && dueOn.getTime() <= addWorkingDays(today, noticeWorkingDays).getTime()) return "due-soon";
  return null;
}
