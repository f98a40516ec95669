import { describe, expect, it } from "vitest";
import {
  applyEdits,
  changedMonths,
  checkChanges,
  yearFromRows,
  type ChangeContext,
  type YearValues,
} from "./month-changes";
import { cellKey } from "./month-grid";

const NOW = new Date(Date.UTC(2025, 6, 15)); // 15 Jul 2025: M1-M3 ended, M4 in progress
const context = (overrides: Partial<ChangeContext> = {}): ChangeContext => ({
  financialYear: 2025,
  now: NOW,
  closedMonths: new Set(),
  mayAmendClosed: false,
  reason: undefined,
  planLocked: false,
  keyOf: cellKey,
  ...overrides,
});

const stored: YearValues = yearFromRows([{ month: 2, planPence: 1000n, forecastPence: null, actualPence: 900n }]);

describe("applyEdits and changedMonths", () => {
  it("changes only the cells edited; undefined keeps a value, null clears it", () => {
    const after = applyEdits(stored, { plan: { 1: 500 }, actual: { 2: null } });
    expect(after[0]).toEqual({ plan: 500, forecast: null, actual: null });
    expect(after[1]).toEqual({ plan: 1000, forecast: null, actual: null });
    expect(changedMonths(stored, after)).toEqual([1, 2]);
  });
  it("finds no change when values are re-entered as they were", () => {
    expect(changedMonths(stored, applyEdits(stored, { plan: { 2: 1000 }, actual: { 2: 900 } }))).toEqual([]);
  });
});

describe("checkChanges", () => {
  it("allows actuals for ended and current months, and any plan or forecast", () => {
    const after = applyEdits(stored, { actual: { 1: 1, 4: 2 }, plan: { 12: 3 }, forecast: { 12: 4 } });
    expect(checkChanges(stored, after, context())).toEqual({});
  });
  it("refuses an actual for a month that has not started", () => {
    const after = applyEdits(stored, { actual: { 5: 100 } });
    expect(checkChanges(stored, after, context())).toEqual({
      "actual.5": ["M5 Aug 2025/26 has not started yet, so it cannot have an actual"],
    });
  });
  it("lets a future month's actual be cleared", () => {
    const bad = yearFromRows([{ month: 9, planPence: null, forecastPence: null, actualPence: 5n }]);
    expect(checkChanges(bad, applyEdits(bad, { actual: { 9: null } }), context())).toEqual({});
  });

  describe("closed months", () => {
    const closed = new Set([1, 2]);
    const after = applyEdits(stored, { actual: { 2: 950 }, forecast: { 2: 1 }, plan: { 1: 7 } });

    it("refuse a changed actual to anyone but finance", () => {
      expect(checkChanges(stored, after, context({ closedMonths: closed }))).toEqual({
        "actual.2": ["M2 May 2025/26 is closed: only finance can change its actual"],
      });
    });
    it("ask finance for a reason", () => {
      expect(checkChanges(stored, after, context({ closedMonths: closed, mayAmendClosed: true }))).toEqual({
        "actual.2": ["M2 May 2025/26 is closed: give a reason for changing its actual"],
        reason: ["Give a reason for changing the actuals of closed months (M2 May)"],
      });
    });
    it("accept finance with a reason", () => {
      expect(
        checkChanges(stored, after, context({ closedMonths: closed, mayAmendClosed: true, reason: "Late invoice" })),
      ).toEqual({});
    });
    it("ignore an unchanged actual", () => {
      expect(
        checkChanges(stored, applyEdits(stored, { actual: { 2: 900 } }), context({ closedMonths: closed })),
      ).toEqual({});
    });
  });

  it("refuses plan changes once the plan is locked, through the caller's field names", () => {
    const after = applyEdits(stored, { plan: { 2: 2000 } });
    expect(checkChanges(stored, after, context({ planLocked: true, keyOf: (row) => row }))).toEqual({
      plan: ["The plan is locked after gateway 2: ask finance to re-baseline M2 May 2025/26"],
    });
  });
});
