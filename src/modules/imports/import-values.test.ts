import { describe, expect, it } from "vitest";
import type { ReadCell } from "@/modules/spreadsheets/xlsx";
import {
  amountText,
  dateText,
  excelSerialToDate,
  matchChoice,
  parseMonthCell,
  CATEGORY_CHOICES,
} from "./import-values";

const text = (t: string): ReadCell => ({ kind: "text", text: t });
const num = (value: number): ReadCell => ({ kind: "number", value });

describe("amountText", () => {
  it.each([
    [num(1234.56), "1234.56"],
    [num(1200000), "1200000.00"],
    [num(0.1), "0.10"],
    [text("£1,234.56"), "£1,234.56"],
    [text("(1,200)"), "(1,200)"],
    [{ kind: "empty" } as ReadCell, ""],
  ])("%o reads as %s", (cell, expected) => {
    expect(amountText(cell)).toEqual({ ok: true, text: expected });
  });

  it.each([
    [num(1234.567), "1234.567 has more than two decimal places: round it to pence"],
    [text("£1.2m"), "'£1.2m' is not an amount in pounds; write 1200000"],
    [text("450k"), "'450k' is not an amount in pounds; write 450000"],
    [text("1.25bn"), "'1.25bn' is not an amount in pounds; write 1250000000"],
    [
      { kind: "formula-without-result", formula: "SUM(A1:A3)" } as ReadCell,
      "the formula =SUM(A1:A3) has no saved result; open the file in Excel, save it, and upload it again (or type the value)",
    ],
    [
      { kind: "error", text: "#DIV/0!" } as ReadCell,
      "the cell shows the error #DIV/0!; fix the formula or type the value",
    ],
  ])("%o is refused", (cell, error) => {
    expect(amountText(cell)).toEqual({ ok: false, error });
  });
});

describe("parseMonthCell", () => {
  it.each([
    [text("M1"), { month: 1 }],
    [text("m12"), { month: 12 }],
    [text("M3 Jun"), { month: 3 }],
    [num(7), { month: 7 }],
    [text("Apr 2025"), { month: 1, financialYear: 2025 }],
    [text("March 2026"), { month: 12, financialYear: 2025 }],
    [text("Jan-26"), { month: 10, financialYear: 2025 }],
    [text("2025-06"), { month: 3, financialYear: 2025 }],
    [text("01/02/2026"), { month: 11, financialYear: 2025 }],
    [{ kind: "date", value: new Date(Date.UTC(2025, 3, 1)) } as ReadCell, { month: 1, financialYear: 2025 }],
    // 45748 is 1 April 2025 in Excel's day count.
    [num(45748), { month: 1, financialYear: 2025 }],
  ])("%o is %o", (cell, expected) => {
    expect(parseMonthCell(cell)).toEqual({ ok: true, ...expected });
  });

  it.each([text("M13"), text("Smarch 2025"), num(0), num(13.5), { kind: "empty" } as ReadCell])(
    "%o is refused",
    (cell) => {
      expect(parseMonthCell(cell).ok).toBe(false);
    },
  );
});

describe("dates", () => {
  it("reads Excel serials (1900 system) and UK text dates", () => {
    expect(excelSerialToDate(45930).toISOString().slice(0, 10)).toBe("2025-09-30");
    expect(dateText(num(45930))).toEqual({ ok: true, text: "2025-09-30" });
    expect(dateText(text("30/9/2025"))).toEqual({ ok: true, text: "2025-09-30" });
    expect(dateText(text("2025-09-30"))).toEqual({ ok: true, text: "2025-09-30" });
  });
});

describe("matchChoice", () => {
  it("matches labels and values ignoring case, spaces, - and _", () => {
    expect(matchChoice(CATEGORY_CHOICES, "non-pay")?.value).toBe("NON_PAY");
    expect(matchChoice(CATEGORY_CHOICES, "NON_PAY")?.value).toBe("NON_PAY");
    expect(matchChoice(CATEGORY_CHOICES, " Pay ")?.value).toBe("PAY");
    expect(matchChoice(CATEGORY_CHOICES, "Capital")).toBeUndefined();
  });
});
