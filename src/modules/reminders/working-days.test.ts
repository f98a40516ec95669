import { describe, expect, it } from "vitest";
import { BANK_HOLIDAYS_ENGLAND_WALES } from "./bank-holidays-england-wales";
import {
  addWorkingDays,
  CalendarRangeError,
  isWorkingDay,
  workingDayAfterMonthEnd,
  workingDaysBetween,
} from "./working-days";

const d = (iso: string) => new Date(`${iso}T00:00:00.000Z`);
const iso = (date: Date) => date.toISOString().slice(0, 10);

/** Easter Sunday (anonymous Gregorian algorithm), to cross-check the data's Good Friday/Easter Monday. */
function easterSunday(year: number): Date {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const h = (19 * a + b - Math.floor(b / 4) - Math.floor((8 * b + 13) / 25) + 15) % 30;
  const l = (32 + 2 * (b % 4) + 2 * Math.floor(c / 4) - h - (c % 4)) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const dayOfMonth = ((h + l - 7 * m + 114) % 31) + 1;
  return new Date(Date.UTC(year, month - 1, dayOfMonth));
}

describe("bank holiday data", () => {
  it.each(Object.keys(BANK_HOLIDAYS_ENGLAND_WALES).map(Number))("%i has Good Friday and Easter Monday", (year) => {
    const easter = easterSunday(year).getTime();
    const days = BANK_HOLIDAYS_ENGLAND_WALES[year]!;
    expect(days).toContain(iso(new Date(easter - 2 * 86_400_000)));
    expect(days).toContain(iso(new Date(easter + 86_400_000)));
  });

  it("holds no weekend days and only dates of its own year", () => {
    for (const [year, days] of Object.entries(BANK_HOLIDAYS_ENGLAND_WALES)) {
      for (const date of days) {
        expect(date.startsWith(year)).toBe(true);
        expect([0, 6]).not.toContain(d(date).getUTCDay());
      }
    }
  });
});

describe("working days", () => {
  it("skips weekends and bank holidays, including substitute days", () => {
    expect(isWorkingDay(d("2026-12-03"))).toBe(true); // Thursday
    expect(isWorkingDay(d("2026-12-05"))).toBe(false); // Saturday
    expect(isWorkingDay(d("2026-12-28"))).toBe(false); // Boxing Day substitute (26th is a Saturday)
    expect(isWorkingDay(d("2022-09-19"))).toBe(false); // State Funeral, one-off
  });

  it("WD3 after March 2025 (year end) skips nothing: Tue 1, Wed 2, Thu 3 April", () => {
    expect(iso(workingDayAfterMonthEnd(2025, 3, 1))).toBe("2025-04-01");
    expect(iso(workingDayAfterMonthEnd(2025, 3, 3))).toBe("2025-04-03");
  });

  it("WD3 after March 2024 skips Easter Monday 1 April: Tue 2, Wed 3, Thu 4 April", () => {
    expect(iso(workingDayAfterMonthEnd(2024, 3, 1))).toBe("2024-04-02");
    expect(iso(workingDayAfterMonthEnd(2024, 3, 3))).toBe("2024-04-04");
  });

  it("WD3 after March 2027 lands after Easter: 31 Mar Wed ends March, Thu 1, Fri 2, Mon 5 April", () => {
    expect(iso(workingDayAfterMonthEnd(2027, 3, 3))).toBe("2027-04-05");
  });

  it("WD3 after December 2026 skips New Year's Day and the weekend: Mon 4, Tue 5, Wed 6 Jan 2027", () => {
    expect(iso(workingDayAfterMonthEnd(2026, 12, 1))).toBe("2027-01-04");
    expect(iso(workingDayAfterMonthEnd(2026, 12, 3))).toBe("2027-01-06");
  });

  it("WD3 after April 2026 skips the early May bank holiday: Fri 1, (Mon 4 off) Tue 5, Wed 6 May", () => {
    expect(iso(workingDayAfterMonthEnd(2026, 4, 3))).toBe("2026-05-06");
  });

  it("counts working days between two dates across Christmas", () => {
    // Wed 23 Dec 2026 -> Wed 30 Dec 2026: Thu 24, Tue 29, Wed 30 (25th Fri, 28th substitute Mon are holidays)
    expect(workingDaysBetween(d("2026-12-23"), d("2026-12-30"))).toBe(3);
    expect(workingDaysBetween(d("2026-12-30"), d("2026-12-23"))).toBe(0);
    expect(addWorkingDays(d("2026-12-23"), 3)).toEqual(d("2026-12-30"));
  });

  it("refuses dates outside the bank holiday data rather than guess", () => {
    expect(() => isWorkingDay(d("2031-01-06"))).toThrow(CalendarRangeError);
    expect(() => addWorkingDays(d("2026-01-01"), 0)).toThrow(RangeError);
  });
});
