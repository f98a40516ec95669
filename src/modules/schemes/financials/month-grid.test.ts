import { describe, expect, it } from "vitest";
import {
  applyPaste,
  cellKey,
  cellLabel,
  cellText,
  isMultiCellPaste,
  lastElapsedMonth,
  monthHasStarted,
  parseCell,
  parsePastedBlock,
  rowTotal,
} from "./month-grid";

describe("cells", () => {
  it("names cells as the form and the field errors do", () => {
    expect(cellKey("plan", 3)).toBe("plan.3");
    expect(cellLabel("plan", 2025, 3)).toBe("Plan M3 Jun 2025/26");
    expect(cellLabel("actual", 2024, 12)).toBe("Actual M12 Mar 2024/25");
  });

  it.each([
    ["", null],
    ["   ", null],
    ["1500", 150_000],
    ["£1,500.50", 150_050],
    ["0", 0],
    ["0.01", 1],
    ["10,000,000,000", 1_000_000_000_000],
  ])("reads %j as %j pence", (text, pence) => {
    expect(parseCell(text)).toEqual({ ok: true, pence });
  });

  it.each([
    ["1.234", /too many decimal places/],
    ["-5", /cannot be negative/],
    ["(1,200)", /cannot be negative/],
    ["1e5", /not an amount/],
    ["NaN", /not an amount/],
    ["Infinity", /not an amount/],
    ["12abc", /not an amount/],
    ["10,000,000,001", /too large/],
    ["1".repeat(41), /at most 40 characters/],
  ])("refuses %j", (text, message) => {
    const parsed = parseCell(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toMatch(message);
  });

  it("shows stored pence with thousands commas and pence only when there are some", () => {
    expect(cellText(null)).toBe("");
    expect(cellText(150_000n)).toBe("1,500");
    expect(cellText(150_050)).toBe("1,500.50");
    expect(parseCell(cellText(123_456_789)).ok && parseCell(cellText(123_456_789))).toEqual({
      ok: true,
      pence: 123_456_789,
    });
  });
});

describe("rowTotal", () => {
  it("adds pence exactly, where adding pounds as floats would not", () => {
    // 0.1 + 0.2 !== 0.3 in floating point; in pence it is exact.
    expect(rowTotal(["0.10", "0.20"])).toEqual({ pence: 30, invalid: 0 });
    expect(rowTotal(Array(12).fill("0.07")).pence).toBe(84);
  });
  it("leaves out blank cells and counts invalid ones", () => {
    expect(rowTotal(["1,000", "", "abc", "1.234", "2,000.5"])).toEqual({ pence: 300_050, invalid: 2 });
  });
});

describe("pasting", () => {
  it("splits a spreadsheet row on tabs and drops the trailing newline", () => {
    expect(parsePastedBlock("1,000\t2,000\t3000.50\r\n")).toEqual([["1,000", "2,000", "3000.50"]]);
  });
  it("splits a CSV row on commas, honouring quotes", () => {
    expect(parsePastedBlock('100,200,"1,300",400')).toEqual([["100", "200", "1,300", "400"]]);
  });
  it("keeps one amount written with thousands commas as one value", () => {
    expect(parsePastedBlock("1,200,000.50")).toEqual([["1,200,000.50"]]);
    expect(isMultiCellPaste(parsePastedBlock("1,200,000.50"))).toBe(false);
  });
  it("reads several lines as several rows", () => {
    expect(parsePastedBlock("1\t2\n3\t4\n")).toEqual([
      ["1", "2"],
      ["3", "4"],
    ]);
  });

  it("fills a row of twelve from its first cell", () => {
    const values = Array.from({ length: 12 }, (_, i) => String((i + 1) * 100));
    const { texts: filled, pasted } = applyPaste({}, parsePastedBlock(values.join("\t")), "plan", 1);
    expect(pasted).toBe(12);
    expect(Object.keys(filled)).toHaveLength(12);
    expect(filled["plan.1"]).toBe("100");
    expect(filled["plan.12"]).toBe("1200");
  });
  it("ignores values beyond M12 and below the last row, and keeps other cells", () => {
    const result = applyPaste({ "plan.1": "9" }, [["1", "2", "3"], ["4"]], "actual", 11);
    expect(result).toEqual({ texts: { "plan.1": "9", "actual.11": "1", "actual.12": "2" }, pasted: 2, skipped: 2 });
  });
  it("fills down into the next rows", () => {
    expect(applyPaste({}, [["1"], ["2"], ["3"]], "plan", 5).texts).toEqual({
      "plan.5": "1",
      "forecast.5": "2",
      "actual.5": "3",
    });
  });
  it("skips cells that cannot be written, leaving their text", () => {
    const started = (row: string, month: number) => row !== "actual" || month <= 4;
    const result = applyPaste({ "actual.5": "" }, [["1", "2", "3", "4", "5", "6"]], "actual", 1, started);
    expect(result.texts).toEqual({
      "actual.1": "1",
      "actual.2": "2",
      "actual.3": "3",
      "actual.4": "4",
      "actual.5": "",
    });
    expect(result).toMatchObject({ pasted: 4, skipped: 2 });
  });
});

describe("calendar", () => {
  it("knows when a month has started (UTC)", () => {
    expect(monthHasStarted(2025, 4, new Date(Date.UTC(2025, 6, 1)))).toBe(true); // 1 Jul: M4 has begun
    expect(monthHasStarted(2025, 5, new Date(Date.UTC(2025, 6, 31, 23, 59)))).toBe(false);
    expect(monthHasStarted(2024, 12, new Date(Date.UTC(2025, 2, 1)))).toBe(true);
  });
  it.each([
    [new Date(Date.UTC(2025, 6, 15)), { financialYear: 2025, month: 3 }],
    [new Date(Date.UTC(2025, 3, 1)), { financialYear: 2024, month: 12 }],
    [new Date(Date.UTC(2025, 4, 31)), { financialYear: 2025, month: 1 }],
    [new Date(Date.UTC(2026, 0, 10)), { financialYear: 2025, month: 9 }],
  ])("the update due on %s is for %j", (now, expected) => {
    expect(lastElapsedMonth(now)).toEqual(expected);
  });
});
