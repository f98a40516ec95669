import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  MAX_PENCE,
  MoneyParseError,
  formatMoney,
  parsePounds,
  penceToPoundsString,
  percentOf,
  formatShare,
  formatSignedMoney,
  poundsToPence,
  sumPence,
} from "./money";

describe("parsePounds", () => {
  it.each([
    ["450000", 45_000_000],
    ["450,000", 45_000_000],
    ["£450,000.50", 45_000_050],
    ["-1,200.5", -120_050],
    [" 12.3 ", 1_230],
    ["(1,200.00)", -120_000],
    ["( £1,200 )", -120_000],
    ["-£5", -500],
    ["£-5", -500],
    ["\u22125", -500],
    ["0", 0],
    ["-0.00", 0],
    ["0.07", 7],
    [".5", 50],
    ["007", 700],
    ["1,234,567.89", 123_456_789],
    ["10000000000", MAX_PENCE],
    ["-10,000,000,000.00", -MAX_PENCE],
  ])("reads %j as %i pence", (text, pence) => {
    expect(parsePounds(text)).toEqual({ ok: true, pence });
    expect(poundsToPence(text)).toBe(pence);
  });

  it("never returns negative zero", () => {
    const result = parsePounds("-0");
    expect(result.ok && Object.is(result.pence, 0)).toBe(true);
  });

  it.each([
    ["", "Enter an amount"],
    ["   ", "Enter an amount"],
    ["abc", "is not an amount of money"],
    ["1.234", "at most two decimal places"],
    ["£0.001", "at most two decimal places"],
    ["1e5", "is not an amount of money"],
    ["Infinity", "is not an amount of money"],
    ["NaN", "is not an amount of money"],
    ["12.", "is not an amount of money"],
    [".", "is not an amount of money"],
    ["£", "is not an amount of money"],
    ["-", "is not an amount of money"],
    ["1,2345", "is not an amount of money"],
    ["12,34", "is not an amount of money"],
    ["--5", "is not an amount of money"],
    ["(-5)", "is not an amount of money"],
    ["1 000", "is not an amount of money"],
    ["0x10", "is not an amount of money"],
    ["10000000000.01", "within ±£10bn"],
    ["-10,000,000,001", "within ±£10bn"],
    ["99999999999999999999", "within ±£10bn"],
  ])("rejects %j", (text, message) => {
    const result = parsePounds(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toContain(message);
    expect(() => poundsToPence(text)).toThrow(MoneyParseError);
  });

  it("round-trips penceToPoundsString for every amount in range", () => {
    fc.assert(
      fc.property(fc.integer({ min: -MAX_PENCE, max: MAX_PENCE }), (pence) => {
        expect(parsePounds(penceToPoundsString(pence))).toEqual({ ok: true, pence: pence === 0 ? 0 : pence });
      }),
    );
  });

  it("round-trips full formatting too", () => {
    fc.assert(
      fc.property(fc.integer({ min: -MAX_PENCE, max: MAX_PENCE }), (pence) => {
        expect(poundsToPence(formatMoney(pence, { style: "full" }))).toBe(pence);
      }),
    );
  });
});

describe("penceToPoundsString", () => {
  it.each([
    [45_000_050, "450000.50"],
    [0, "0.00"],
    [7, "0.07"],
    [-7, "-0.07"],
    [-120_050, "-1200.50"],
    [Number.MAX_SAFE_INTEGER, "90071992547409.91"],
  ])("%i → %s", (pence, text) => {
    expect(penceToPoundsString(pence)).toBe(text);
  });

  it.each([0.5, Number.NaN, Number.POSITIVE_INFINITY, Number.MAX_SAFE_INTEGER + 1])("rejects %d", (pence) => {
    expect(() => penceToPoundsString(pence)).toThrow(RangeError);
  });
});

describe("formatMoney", () => {
  const pounds = (n: number) => Math.round(n * 100);

  it.each([
    [0, "£0"],
    [pounds(0.49), "£0"],
    [pounds(0.5), "£1"],
    [pounds(950), "£950"],
    [pounds(999.49), "£999"],
    [pounds(999.5), "£1k"],
    [pounds(1000), "£1k"],
    [pounds(1049.99), "£1k"],
    [pounds(1050), "£1.1k"],
    [pounds(12_500), "£12.5k"],
    [pounds(12_449), "£12.4k"],
    [pounds(450_000), "£450k"],
    [pounds(999_949.99), "£999.9k"],
    [pounds(999_950), "£1m"],
    [pounds(1_000_000), "£1m"],
    [pounds(1_200_000), "£1.2m"],
    [pounds(1_249_999), "£1.2m"],
    [pounds(1_250_000), "£1.3m"],
    [pounds(247_100_000), "£247.1m"],
    [pounds(999_950_000), "£1bn"],
    [pounds(1_500_000_000), "£1.5bn"],
    [pounds(10_000_000_000), "£10bn"],
    [Number.MAX_SAFE_INTEGER, "£90,072bn"],
  ])("compact %i → %s", (pence, text) => {
    expect(formatMoney(pence)).toBe(text);
    expect(formatMoney(pence, { style: "compact" })).toBe(text);
  });

  it.each([
    [pounds(-1_200_000), "-£1.2m"],
    [pounds(-450_000), "-£450k"],
    [pounds(-950), "-£950"],
    [pounds(-999_950), "-£1m"],
    [pounds(-1_250_000), "-£1.3m"],
    [-49, "£0"],
  ])("compact negative %i → %s", (pence, text) => {
    expect(formatMoney(pence)).toBe(text);
  });

  it("is symmetric about zero", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: MAX_PENCE }),
        fc.constantFrom("compact", "full" as const),
        (pence, style) => {
          const positive = formatMoney(pence, { style });
          const negative = formatMoney(-pence, { style });
          expect(negative === positive || negative === `-${positive}`).toBe(true);
        },
      ),
    );
  });

  it.each([
    [123_456_789, "£1,234,567.89"],
    [123_456_700, "£1,234,567"],
    [123_456_710, "£1,234,567.10"],
    [0, "£0"],
    [5, "£0.05"],
    [-123_456_789, "-£1,234,567.89"],
    [-5, "-£0.05"],
  ])("full %i → %s", (pence, text) => {
    expect(formatMoney(pence, { style: "full" })).toBe(text);
  });

  it("rejects non-integer pence", () => {
    expect(() => formatMoney(1.5)).toThrow(RangeError);
  });
});

describe("sumPence", () => {
  it("adds integer pence", () => {
    expect(sumPence([])).toBe(0);
    expect(sumPence([100, -50, 7])).toBe(57);
    expect(sumPence(new Set([1, 2, 3]))).toBe(6);
  });

  it("throws rather than lose precision", () => {
    expect(() => sumPence([Number.MAX_SAFE_INTEGER, 1])).toThrow(RangeError);
    expect(() => sumPence([Number.MAX_SAFE_INTEGER, 1, -1])).toThrow(RangeError);
    expect(() => sumPence([1.5])).toThrow(RangeError);
  });
});

describe("percentOf", () => {
  it.each([
    [25, 200, 12.5],
    [0, 10, 0],
    [-50, 200, -25],
    [300, 200, 150],
    [5, 0, null],
  ])("%i of %i → %s", (part, whole, expected) => {
    expect(percentOf(part, whole)).toBe(expected);
  });

  it("rejects non-finite input", () => {
    expect(() => percentOf(Number.NaN, 1)).toThrow(RangeError);
  });
});

describe("formatShare", () => {
  it.each([
    [1, 3, "33.3%"],
    [2, 3, "66.7%"],
    [425, 1000, "42.5%"],
    [0, 5, "0.0%"],
    [5, 5, "100.0%"],
    [1, 0, "—"],
  ])("%d of %d is %s", (part, whole, expected) => {
    expect(formatShare(part, whole)).toBe(expected);
  });
});

describe("formatSignedMoney", () => {
  it.each([
    [-145_000_000, "-£1.5m"],
    [12_345_600, "+£123.5k"],
    [0, "£0"],
    [40, "£0"],
  ])("%d → %s", (pence, text) => {
    expect(formatSignedMoney(pence)).toBe(text);
  });

  it("writes the exact figure in full style", () => {
    expect(formatSignedMoney(-145_000_000, { style: "full" })).toBe("-£1,450,000");
    expect(formatSignedMoney(145_000_001, { style: "full" })).toBe("+£1,450,000.01");
  });
});
