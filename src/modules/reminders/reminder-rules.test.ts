import { describe, expect, it } from "vitest";
import {
  datedObligationStatus,
  monthCloseReminder,
  monthlyUpdateReminder,
  reportingMonth,
  waitingOldestFirst,
} from "./reminder-rules";
import { DEFAULT_REMINDER_SETTINGS, reminderSettingsSchema, withDefaults } from "./reminder-settings";

const d = (iso: string) => new Date(`${iso}T00:00:00.000Z`);
const defaults = DEFAULT_REMINDER_SETTINGS;

describe("reportingMonth", () => {
  it("is the month that last ended, across the calendar year end", () => {
    expect(reportingMonth(d("2026-12-03"))).toEqual({ year: 2026, month: 11 });
    expect(reportingMonth(d("2027-01-04"))).toEqual({ year: 2026, month: 12 });
  });
});

describe("monthlyUpdateReminder", () => {
  it("is due until WD3 after the March year end, when Easter Monday is 1 April 2024 (due Thu 4 Apr)", () => {
    const r = monthlyUpdateReminder(d("2024-04-04"), defaults, []);
    expect(r).toEqual({ kind: "update-due", month: { year: 2024, month: 3 }, dueOn: d("2024-04-04") });
  });

  it("is overdue the next working day, counting working days only (Fri 5 Apr 2024: 1)", () => {
    expect(monthlyUpdateReminder(d("2024-04-05"), defaults, [])).toMatchObject({
      kind: "update-overdue",
      workingDaysOverdue: 1,
      escalate: false,
    });
  });

  it("is not yet overdue on the weekend straight after a Friday due date", () => {
    // November 2026 ends Mon 30th: WD3 is Thu 3 Dec; with N=4 the due date is Fri 4 Dec.
    const settings = { ...defaults, updateDueWorkingDay: 4 };
    expect(monthlyUpdateReminder(d("2026-12-05"), settings, [])).toMatchObject({ kind: "update-due" });
    expect(monthlyUpdateReminder(d("2026-12-07"), settings, [])).toMatchObject({ workingDaysOverdue: 1 });
  });

  it("escalates once overdue by more than E working days (due Thu 4 Apr 2024: 5 on Thu 11th, 6 on Fri 12th)", () => {
    expect(monthlyUpdateReminder(d("2024-04-11"), defaults, [])).toMatchObject({
      workingDaysOverdue: 5,
      escalate: false,
    });
    expect(monthlyUpdateReminder(d("2024-04-12"), defaults, [])).toMatchObject({
      workingDaysOverdue: 6,
      escalate: true,
    });
  });

  it("counts the December month end over Christmas and New Year (due Wed 6 Jan 2027)", () => {
    expect(monthlyUpdateReminder(d("2027-01-06"), defaults, [])).toMatchObject({
      kind: "update-due",
      month: { year: 2026, month: 12 },
      dueOn: d("2027-01-06"),
    });
  });

  it("disappears once the month's update is submitted (and an older month's does not count)", () => {
    expect(monthlyUpdateReminder(d("2024-04-12"), defaults, [{ year: 2024, month: 3 }])).toBeNull();
    expect(monthlyUpdateReminder(d("2024-04-12"), defaults, [{ year: 2024, month: 2 }])).not.toBeNull();
  });
});

describe("monthCloseReminder", () => {
  it("fires from WD M (default 8) while finance has not closed the month", () => {
    // March 2024 close: WD8 skips Easter Monday 1 Apr -> Tue 2 ... Thu 11 Apr.
    expect(monthCloseReminder(d("2024-04-10"), defaults, [])).toBeNull();
    expect(monthCloseReminder(d("2024-04-11"), defaults, [])).toEqual({
      kind: "month-not-closed",
      month: { year: 2024, month: 3 },
      dueOn: d("2024-04-11"),
    });
    expect(monthCloseReminder(d("2024-04-11"), defaults, [{ year: 2024, month: 3 }])).toBeNull();
  });
});

describe("waitingOldestFirst", () => {
  it("orders gateway decisions by how long they have waited, with the age in working days", () => {
    const items = [
      { id: "b", waitingSince: d("2026-12-01") },
      { id: "a", waitingSince: d("2026-11-20") },
    ];
    const sorted = waitingOldestFirst(d("2026-12-03"), items);
    expect(sorted.map((i) => [i.id, i.workingDaysWaiting])).toEqual([
      ["a", 9], // Fri 20 Nov -> Thu 3 Dec: 23-27 Nov (5) + 30 Nov, 1, 2, 3 Dec (4)
      ["b", 2],
    ]);
  });
});

describe("datedObligationStatus", () => {
  const today = d("2026-12-23");
  it("is past due the day after the date, not on it", () => {
    expect(datedObligationStatus(today, d("2026-12-22"), false)).toBe("past-due");
    expect(datedObligationStatus(today, d("2026-12-23"), false)).toBeNull();
  });
  it("is nothing once done or when there is no date", () => {
    expect(datedObligationStatus(today, d("2026-12-01"), true)).toBeNull();
    expect(datedObligationStatus(today, null, false)).toBeNull();
  });
  it("gives notice in working days over Christmas (2 working days from Wed 23 Dec: Thu 24, Tue 29)", () => {
    expect(datedObligationStatus(today, d("2026-12-29"), false, 2)).toBe("due-soon");
    expect(datedObligationStatus(today, d("2026-12-30"), false, 2)).toBeNull();
  });
});

describe("reminder settings", () => {
  it("fill what finance has not set with the defaults", () => {
    expect(withDefaults(null)).toEqual(defaults);
    expect(withDefaults({ updateDueWorkingDay: 5 })).toEqual({ ...defaults, updateDueWorkingDay: 5 });
  });
  it("refuse non-whole, zero or absurd working days with a message per field", () => {
    const result = reminderSettingsSchema.safeParse({
      updateDueWorkingDay: "2.5",
      monthCloseWorkingDay: 0,
      escalateAfterWorkingDays: 40,
    });
    expect(result.success).toBe(false);
    const fields = result.error!.issues.map((i) => i.path[0]);
    expect(fields).toEqual(["updateDueWorkingDay", "monthCloseWorkingDay", "escalateAfterWorkingDays"]);
  });
});
