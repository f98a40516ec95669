import { BANK_HOLIDAYS_ENGLAND_WALES, FIRST_CALENDAR_YEAR, LAST_CALENDAR_YEAR } from "./bank-holidays-england-wales";

/** Working days in England & Wales: Monday-Friday except bank holidays. All dates are UTC midnights. */

const HOLIDAYS = new Set(Object.values(BANK_HOLIDAYS_ENGLAND_WALES).flat());
const DAY_MS = 86_400_000;

export class CalendarRangeError extends RangeError {
  constructor(date: Date) {
    super(
      `No bank holiday data for ${date.toISOString().slice(0, 10)} (covered: ${FIRST_CALENDAR_YEAR}-${LAST_CALENDAR_YEAR})`,
    );
  }
}

function day(date: Date): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
}

function addDays(date: Date, days: number): Date {
  return new Date(day(date).getTime() + days * DAY_MS);
}

export function isBankHoliday(date: Date): boolean {
  const year = date.getUTCFullYear();
  // Silently treating an uncovered year as holiday-free would shift every due date: refuse instead.
  if (year < FIRST_CALENDAR_YEAR || year > LAST_CALENDAR_YEAR) throw new CalendarRangeError(date);
  return HOLIDAYS.has(date.toISOString().slice(0, 10));
}

export function isWorkingDay(date: Date): boolean {
  const weekday = date.getUTCDay();
  return weekday !== 0 && weekday !== 6 && !isBankHoliday(day(date));
}

/** The working day `n` working days after `date` (n >= 1); `date` itself does not count. */
export function addWorkingDays(date: Date, n: number): Date {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`n must be a whole number of at least 1, got ${n}`);
  let current = day(date);
  let left = n;
  while (left > 0) {
    current = addDays(current, 1);
    if (isWorkingDay(current)) left -= 1;
  }
  return current;
}

/** Working day N of the month after the calendar month `month` (1-12) of `year`: "WD3" of month end. */
export function workingDayAfterMonthEnd(year: number, month: number, n: number): Date {
  const lastDayOfMonth = new Date(Date.UTC(year, month, 0));
  return addWorkingDays(lastDayOfMonth, n);
}

/** Working days after `from` up to and including `to` (0 when `to` is not after `from`). */
export function workingDaysBetween(from: Date, to: Date): number {
  let count = 0;
  for (let current = addDays(from, 1); current.getTime() <= day(to).getTime(); current = addDays(current, 1)) {
    if (isWorkingDay(current)) count += 1;
  }
  return count;
}
