import { describe, expect, it } from "vitest";
import {
  DEFAULT_FINANCIAL_YEAR_RANGE,
  chooseYear,
  clampToYearRange,
  describeYearRange,
  financialYearRange,
  formatYearParam,
  isInYearRange,
  outOfRangeMessage,
  parseYearParam,
  yearsOfRange,
} from "./financial-year-range";

const DEC_2026 = new Date(Date.UTC(2026, 11, 3));
const MAR_2027 = new Date(Date.UTC(2027, 2, 31));
const APR_2027 = new Date(Date.UTC(2027, 3, 1));

describe("financialYearRange", () => {
  it("runs by default from 2010/11 to five years after the current financial year", () => {
    expect(financialYearRange(DEFAULT_FINANCIAL_YEAR_RANGE, DEC_2026)).toEqual({ first: 2010, last: 2031 });
    expect(financialYearRange(DEFAULT_FINANCIAL_YEAR_RANGE, MAR_2027)).toEqual({ first: 2010, last: 2031 });
    expect(financialYearRange(DEFAULT_FINANCIAL_YEAR_RANGE, APR_2027)).toEqual({ first: 2010, last: 2032 });
  });

  it("follows the setting, and never ends before it starts", () => {
    expect(financialYearRange({ first: 2016, yearsAhead: 0 }, DEC_2026)).toEqual({ first: 2016, last: 2026 });
    expect(financialYearRange({ first: 2040, yearsAhead: 1 }, DEC_2026)).toEqual({ first: 2040, last: 2040 });
  });
});

describe("years of a range", () => {
  const range = { first: 2010, last: 2031 };

  it("lists every year, newest first", () => {
    const years = yearsOfRange(range);
    expect(years).toHaveLength(22);
    expect(years[0]).toBe(2031);
    expect(years.at(-1)).toBe(2010);
  });

  it.each([
    [2009, false],
    [2010, true],
    [2016, true],
    [2031, true],
    [2032, false],
    [2016.5, false],
    [Number.NaN, false],
  ])("%s in range: %s", (year, expected) => {
    expect(isInYearRange(year, range)).toBe(expected);
  });

  it("clamps into the range", () => {
    expect(clampToYearRange(2005, range)).toBe(2010);
    expect(clampToYearRange(2020, range)).toBe(2020);
    expect(clampToYearRange(2040, range)).toBe(2031);
  });

  it("says which years the service holds", () => {
    expect(describeYearRange(range)).toBe("2010/11 to 2031/32");
    expect(outOfRangeMessage(2005, range)).toBe(
      "2005/06 is outside the financial years this service holds (2010/11 to 2031/32)",
    );
  });
});

describe("year in a URL", () => {
  const range = { first: 2010, last: 2031 };

  it("writes one format and reads the older ones", () => {
    expect(formatYearParam(2027)).toBe("2027-28");
    expect(formatYearParam(2099)).toBe("2099-00");
    expect(parseYearParam("2027-28")).toBe(2027);
    expect(parseYearParam("2027")).toBe(2027);
    expect(parseYearParam("2027/28")).toBe(2027);
    expect(parseYearParam("2027-29")).toBeUndefined();
    expect(parseYearParam("")).toBeUndefined();
  });

  it("uses the fallback when there is no year", () => {
    expect(chooseYear(undefined, range, 2026)).toEqual({ year: 2026 });
    expect(chooseYear(" ", range, 2026)).toEqual({ year: 2026 });
  });

  it("shows a year in the range, in any of its formats", () => {
    expect(chooseYear("2016-17", range, 2026)).toEqual({ year: 2016 });
    expect(chooseYear("2016", range, 2026)).toEqual({ year: 2016 });
    expect(chooseYear("2016/17", range, 2026)).toEqual({ year: 2016 });
  });

  it("refuses a year outside the range with a notice, never a crash", () => {
    expect(chooseYear("2005-06", range, 2026)).toEqual({
      year: 2026,
      notice: "2005/06 is outside the financial years this service holds (2010/11 to 2031/32); showing 2026/27.",
    });
    expect(chooseYear("2099", range, 2026).year).toBe(2026);
  });

  it("refuses an unreadable year with a notice", () => {
    expect(chooseYear("last year", range, 2026)).toEqual({
      year: 2026,
      notice: '"last year" is not a financial year; showing 2026/27.',
    });
  });

  it("keeps the fallback itself inside the range", () => {
    expect(chooseYear(undefined, { first: 2010, last: 2020 }, 2026)).toEqual({ year: 2020 });
  });
});
