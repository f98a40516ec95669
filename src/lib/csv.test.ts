import { describe, expect, it } from "vitest";
import { csvCell, toCsv } from "./csv";

describe("csvCell", () => {
  it.each([
    ["=SUM(A1:A2)", "'=SUM(A1:A2)"],
    ["+44 20 7946 0000", "'+44 20 7946 0000"],
    ["-5", "'-5"],
    ["@cmd", "'@cmd"],
    ["\tx", "'\tx"],
  ])("neutralises a formula: %j", (input, expected) => {
    expect(csvCell(input)).toBe(expected);
  });
  it("quotes commas, quotes and new lines", () => {
    expect(csvCell('Bank, "agency"\nstaff')).toBe('"Bank, ""agency""\nstaff"');
  });
  it("writes dates as YYYY-MM-DD and empty for null", () => {
    expect(csvCell(new Date(Date.UTC(2026, 0, 31)))).toBe("2026-01-31");
    expect(csvCell(null)).toBe("");
    expect(csvCell(16)).toBe("16");
  });
});

describe("toCsv", () => {
  it("starts with a BOM and ends rows with CRLF", () => {
    expect(toCsv(["a", "b"], [[1, "=x"]])).toBe("\uFEFFa,b\r\n1,'=x\r\n");
  });
});
