import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type FinancialMonth,
  type Quarter,
  type QuarterNumber,
  type Timescale,
  FinancialYearParseError,
  QuarterParseError,
  TimescaleParseError,
  calendarMonthOf,
  compareQuarters,
  elapsedMonths,
  financialMonthOf,
  financialYearOf,
  formatFinancialYear,
  formatQuarter,
  formatTimescale,
  isOverdue,
  monthLabel,
  monthStart,
  parseFinancialYear,
  parseQuarter,
  parseTimescale,
  quarterEnd,
  quarterFromIndex,
  quarterIndex,
  quarterOf,
  quarterRange,
  quarterStart,
  safeParseFinancialYear,
  safeParseQuarter,
  safeParseTimescale,
  timescaleQuarters,
} from "./financial-year";

const utc = (y: number, m: number, d: number, h = 0, min = 0) => new Date(Date.UTC(y, m - 1, d, h, min));
const q = (fy: number, n: QuarterNumber): Quarter => ({ fy, q: n });

// Two-digit spellings read as 20xx, so generated years stay in that century for them.
const quarterArb = fc.record({
  fy: fc.integer({ min: 2000, max: 2098 }),
  q: fc.constantFrom<QuarterNumber>(1, 2, 3, 4),
});
const anyQuarterArb = fc.record({
  fy: fc.integer({ min: 1900, max: 2998 }),
  q: fc.constantFrom<QuarterNumber>(1, 2, 3, 4),
});

/** Every spelling users type for one quarter. */
function spellings({ fy, q: n }: Quarter): string[] {
  const a = String(fy);
  const b = String((fy + 1) % 100).padStart(2, "0");
  const a2 = a.slice(2);
  return [
    `Q${n} ${a}/${b}`,
    `Q${n} ${a}-${b}`,
    `Q${n} ${a2}-${b}`,
    `Q${n} ${a2}\u2013${b}`,
    `Q${n} ${a2}\u2014${b}`,
    `Q${n} ${a2}/${b}`,
    `q${n} ${a}/${b}`,
    `  Q${n}   ${a2} - ${b} `,
    `Q${n} ${a}/${fy + 1}`,
  ];
}

describe("financial years", () => {
  it.each([
    [2024, "2024/25"],
    [2021, "2021/22"],
    [2009, "2009/10"],
    [2099, "2099/00"],
  ])("formats %i as %s", (fy, text) => {
    expect(formatFinancialYear(fy)).toBe(text);
  });

  it.each(["2024/25", "24/25", "2024-25", "24-25", "24\u201325", "24\u201425", " 2024 / 25 ", "FY24/25", "2024/2025"])(
    "parses %j as 2024",
    (text) => {
      expect(parseFinancialYear(text)).toBe(2024);
    },
  );

  it.each(["", "2024", "2024/26", "24/26", "2024/24", "abc", "202/25", "24/25/26"])("rejects %j", (text) => {
    expect(() => parseFinancialYear(text)).toThrow(FinancialYearParseError);
    expect(safeParseFinancialYear(text).ok).toBe(false);
  });

  it("explains a non-consecutive year", () => {
    expect(safeParseFinancialYear("2024/26")).toEqual({
      ok: false,
      error:
        'Unknown financial year "2024/26": 2024/26 is not a financial year, as the second year must follow the first. Use a form like "2024/25" or "24-25".',
    });
  });

  it("round-trips every year", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 2999 }), (fy) => parseFinancialYear(formatFinancialYear(fy)) === fy),
    );
  });

  it("rejects years it cannot represent", () => {
    expect(() => formatFinancialYear(24.5)).toThrow(RangeError);
    expect(() => formatFinancialYear(99)).toThrow(RangeError);
  });
});

describe("months", () => {
  it.each([
    [utc(2025, 3, 31, 23, 59), 2024, 12],
    [utc(2025, 4, 1), 2025, 1],
    [utc(2024, 12, 31, 23, 59), 2024, 9],
    [utc(2025, 1, 1), 2024, 10],
    [utc(2024, 6, 30), 2024, 3],
    [utc(2024, 7, 1), 2024, 4],
  ])("%s is in FY %i month %i", (date, fy, m) => {
    expect(financialYearOf(date)).toBe(fy);
    expect(financialMonthOf(date)).toBe(m);
  });

  it("labels months from April", () => {
    const labels = Array.from({ length: 12 }, (_, i) => monthLabel((i + 1) as FinancialMonth));
    expect(labels).toEqual(["Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec", "Jan", "Feb", "Mar"]);
    expect(() => monthLabel(13 as FinancialMonth)).toThrow(RangeError);
  });

  it.each([
    [1, { year: 2024, month: 4 }],
    [9, { year: 2024, month: 12 }],
    [10, { year: 2025, month: 1 }],
    [12, { year: 2025, month: 3 }],
  ] as const)("M%i of 2024/25 is %o", (m, expected) => {
    expect(calendarMonthOf(2024, m)).toEqual(expected);
  });

  it("month starts are UTC midnights and invert financialMonthOf", () => {
    expect(monthStart(2024, 1).toISOString()).toBe("2024-04-01T00:00:00.000Z");
    expect(monthStart(2024, 12).toISOString()).toBe("2025-03-01T00:00:00.000Z");
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 2999 }), fc.integer({ min: 1, max: 12 }), (fy, m) => {
        const start = monthStart(fy, m as FinancialMonth);
        return financialYearOf(start) === fy && financialMonthOf(start) === m;
      }),
    );
  });

  it.each([
    [utc(2024, 3, 31), 0],
    [utc(2024, 4, 1), 0],
    [utc(2024, 4, 30, 23, 59), 0],
    [utc(2024, 5, 1), 1],
    [utc(2024, 5, 15), 1],
    [utc(2025, 1, 10), 9],
    [utc(2025, 3, 31), 11],
    [utc(2025, 4, 1), 12],
    [utc(2030, 1, 1), 12],
  ])("on %s, 2024/25 has %i closed months", (asOf, n) => {
    expect(elapsedMonths(2024, asOf)).toBe(n);
  });

  it("rejects invalid dates", () => {
    expect(() => financialYearOf(new Date("nope"))).toThrow(RangeError);
  });
});

describe("quarters", () => {
  it.each([
    ["Q3 21\u201322", q(2021, 3)],
    ["Q3 21\u201422", q(2021, 3)],
    ["Q3 21-22", q(2021, 3)],
    ["Q3 2021/22", q(2021, 3)],
    ["Q3 2021-22", q(2021, 3)],
    ["Q1 22-23", q(2022, 1)],
    ["q3 2021/22", q(2021, 3)],
    ["  Q3    2021/22  ", q(2021, 3)],
    ["Q4 99-00", q(2099, 4)],
  ])("parses %j", (text, expected) => {
    expect(parseQuarter(text)).toEqual(expected);
  });

  it.each([
    [
      "Q5 21-22",
      'Unknown quarter "Q5 21-22": there is no Q5, as quarters run from Q1 (April–June) to Q4 (January–March). Use a form like "Q3 2024/25" or "Q3 24-25".',
    ],
    [
      "Q3 21-23",
      'Unknown quarter "Q3 21-23": 21/23 is not a financial year, as the second year must follow the first. Use a form like "Q3 2024/25" or "Q3 24-25".',
    ],
    ["", 'Unknown quarter "". Use a form like "Q3 2024/25" or "Q3 24-25".'],
    ["Q0 21-22", expect.stringContaining("there is no Q0")],
    ["Q3", expect.stringContaining("Use a form like")],
    ["2021/22", expect.stringContaining("Use a form like")],
    ["Q3 2021", expect.stringContaining("Use a form like")],
    ["Ongoing", expect.stringContaining("Use a form like")],
    ["Q32021/22", expect.stringContaining("Use a form like")],
  ])("rejects %j", (text, message) => {
    expect(safeParseQuarter(text)).toEqual({ ok: false, error: message });
    expect(() => parseQuarter(text)).toThrow(QuarterParseError);
    expect(() => parseQuarter(text)).toThrow(RangeError);
  });

  it("formats as Q3 2021/22", () => {
    expect(formatQuarter(q(2021, 3))).toBe("Q3 2021/22");
    expect(formatQuarter(q(2099, 1))).toBe("Q1 2099/00");
  });

  it("parse(format(q)) is q and format(parse(x)) is canonical", () => {
    fc.assert(
      fc.property(anyQuarterArb, (quarter) => {
        const text = formatQuarter(quarter);
        expect(parseQuarter(text)).toEqual(quarter);
        expect(formatQuarter(parseQuarter(text))).toBe(text);
      }),
    );
  });

  it("every accepted spelling of a quarter parses to the same value", () => {
    fc.assert(
      fc.property(quarterArb, fc.nat(), (quarter, pick) => {
        const all = spellings(quarter);
        const text = all[pick % all.length]!;
        expect(parseQuarter(text)).toEqual(quarter);
        expect(formatQuarter(parseQuarter(text))).toBe(formatQuarter(quarter));
      }),
    );
  });

  it("index and fromIndex are inverse", () => {
    expect(quarterIndex(q(2024, 1))).toBe(2024 * 4);
    fc.assert(
      fc.property(anyQuarterArb, (quarter) => {
        expect(quarterFromIndex(quarterIndex(quarter))).toEqual(quarter);
      }),
    );
  });

  it("compareQuarters is a total order consistent with quarterIndex", () => {
    fc.assert(
      fc.property(anyQuarterArb, anyQuarterArb, anyQuarterArb, (a, b, c) => {
        expect(compareQuarters(a, b)).toBe(Math.sign(quarterIndex(a) - quarterIndex(b)));
        expect(compareQuarters(a, b)).toBe(-compareQuarters(b, a) || 0);
        expect(compareQuarters(a, b) === 0).toBe(a.fy === b.fy && a.q === b.q);
        if (compareQuarters(a, b) <= 0 && compareQuarters(b, c) <= 0)
          expect(compareQuarters(a, c)).toBeLessThanOrEqual(0);
      }),
    );
    expect(compareQuarters(q(2021, 4), q(2022, 1))).toBe(-1);
  });

  it("quarterRange lists every quarter inclusive", () => {
    expect(quarterRange(q(2021, 3), q(2022, 1)).map(formatQuarter)).toEqual(["Q3 2021/22", "Q4 2021/22", "Q1 2022/23"]);
    expect(quarterRange(q(2021, 3), q(2021, 3))).toEqual([q(2021, 3)]);
    expect(() => quarterRange(q(2022, 1), q(2021, 3))).toThrow(RangeError);
  });

  it.each([
    [utc(2024, 4, 1), q(2024, 1)],
    [utc(2024, 6, 30, 23, 59), q(2024, 1)],
    [utc(2024, 7, 1), q(2024, 2)],
    [utc(2024, 12, 31, 23, 59), q(2024, 3)],
    [utc(2025, 1, 1), q(2024, 4)],
    [utc(2025, 1, 15), q(2024, 4)],
    [utc(2025, 3, 31, 23, 59), q(2024, 4)],
    [utc(2025, 4, 1), q(2025, 1)],
  ])("%s is in %o", (date, expected) => {
    expect(quarterOf(date)).toEqual(expected);
  });

  it("quarter starts and exclusive ends", () => {
    expect(quarterStart(q(2024, 4)).toISOString()).toBe("2025-01-01T00:00:00.000Z");
    expect(quarterEnd(q(2024, 3)).toISOString()).toBe("2025-01-01T00:00:00.000Z");
    expect(quarterEnd(q(2024, 4)).toISOString()).toBe("2025-04-01T00:00:00.000Z");
  });

  it("quarterOf(start) and quarterOf(end - 1ms) are the quarter itself", () => {
    fc.assert(
      fc.property(anyQuarterArb, (quarter) => {
        expect(quarterOf(quarterStart(quarter))).toEqual(quarter);
        expect(quarterOf(new Date(quarterEnd(quarter).getTime() - 1))).toEqual(quarter);
      }),
    );
  });
});

describe("timescales", () => {
  const range = (from: Quarter, to: Quarter): Timescale => ({ kind: "range", from, to });

  it.each<[string, Timescale]>([
    ["Q3 2021/22", { kind: "quarter", quarter: q(2021, 3) }],
    ["Ongoing", { kind: "ongoing" }],
    ["ONGOING", { kind: "ongoing" }],
    [" ongoing ", { kind: "ongoing" }],
    ["Q3 2021/22 \u2013 Q1 2022/23", range(q(2021, 3), q(2022, 1))],
    ["Q3 21-22 to Q1 22-23", range(q(2021, 3), q(2022, 1))],
    ["Q3 21\u201322 - Q1 22\u201323", range(q(2021, 3), q(2022, 1))],
    ["Q3 21-22 \u2014 Q4 21-22", range(q(2021, 3), q(2021, 4))],
    ["q1 2024/25 TO q4 2025/26", range(q(2024, 1), q(2025, 4))],
    ["Q2 24-25 - Q2 24-25", { kind: "quarter", quarter: q(2024, 2) }],
  ])("parses %j", (text, expected) => {
    expect(parseTimescale(text)).toEqual(expected);
  });

  it.each([
    ["Q1 22-23 - Q3 21-22", 'Timescale "Q1 22-23 - Q3 21-22" ends before it starts: Q3 2021/22 is before Q1 2022/23.'],
    [
      "Q5 21-22",
      'Unknown timescale "Q5 21-22": there is no Q5, as quarters run from Q1 (April–June) to Q4 (January–March). Use a form like "Q3 2024/25", "Q3 24-25", "Q3 2024/25 – Q1 2025/26" or "Ongoing".',
    ],
    ["Q3 21-22 - Q5 21-22", expect.stringContaining("there is no Q5")],
    ["Q3 21-23 to Q1 22-23", expect.stringContaining("21/23 is not a financial year")],
    ["", expect.stringContaining('Unknown timescale ""')],
    ["soon", expect.stringContaining("Ongoing")],
    ["Q3 21-22 -", expect.stringContaining("Use a form like")],
  ])("rejects %j", (text, message) => {
    expect(safeParseTimescale(text)).toEqual({ ok: false, error: message });
    expect(() => parseTimescale(text)).toThrow(TimescaleParseError);
  });

  it("formats each kind", () => {
    expect(formatTimescale({ kind: "ongoing" })).toBe("Ongoing");
    expect(formatTimescale({ kind: "quarter", quarter: q(2021, 3) })).toBe("Q3 2021/22");
    expect(formatTimescale(range(q(2021, 3), q(2022, 1)))).toBe("Q3 2021/22 \u2013 Q1 2022/23");
  });

  it("parse(format(t)) round-trips ranges", () => {
    fc.assert(
      fc.property(quarterArb, fc.integer({ min: 1, max: 40 }), (from, span) => {
        const t = range(from, quarterFromIndex(quarterIndex(from) + span));
        expect(parseTimescale(formatTimescale(t))).toEqual(t);
      }),
    );
  });

  it("lists the quarters of a timescale", () => {
    expect(timescaleQuarters({ kind: "ongoing" })).toBeNull();
    expect(timescaleQuarters({ kind: "quarter", quarter: q(2021, 3) })).toEqual([q(2021, 3)]);
    expect(timescaleQuarters(range(q(2021, 4), q(2022, 2)))).toEqual([q(2021, 4), q(2022, 1), q(2022, 2)]);
  });
});

describe("isOverdue", () => {
  const q3 = parseTimescale("Q3 2024/25");
  const toQ1 = parseTimescale("Q3 2024/25 - Q1 2025/26");

  it.each<[string, Timescale, string, Date, boolean]>([
    ["Q3 on its last minute", q3, "on_track", utc(2024, 12, 31, 23, 59), false],
    ["Q3 on 1 January", q3, "on_track", utc(2025, 1, 1), true],
    ["Q3 later, not started", q3, "not_started", utc(2025, 6, 1), true],
    ["Q3 later, done", q3, "done", utc(2025, 6, 1), false],
    ["Q3 later, DONE enum", q3, "DONE", utc(2025, 6, 1), false],
    ["Q3 before it starts", q3, "not_started", utc(2024, 4, 1), false],
    ["range, after its first quarter", toQ1, "late", utc(2025, 4, 1), false],
    ["range, on 30 June 2025", toQ1, "at_risk", utc(2025, 6, 30, 23, 59), false],
    ["range, on 1 July 2025", toQ1, "at_risk", utc(2025, 7, 1), true],
    ["ongoing, years later", { kind: "ongoing" }, "on_track", utc(2040, 1, 1), false],
  ])("%s → %s", (_, timescale, status, asOf, expected) => {
    expect(isOverdue(timescale, status, asOf)).toBe(expected);
  });
});
