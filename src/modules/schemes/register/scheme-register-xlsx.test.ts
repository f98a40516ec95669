import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import type { SchemeRegisterRow } from "@/modules/dashboards/scheme-figures";
import { schemeRegisterXlsx } from "./scheme-register-xlsx";

const row = (code: string, title: string, inYearPence: number): SchemeRegisterRow => ({
  id: code,
  code,
  title,
  description: "d",
  schemeYear: 2024,
  organisationId: "o",
  organisationCode: "LTH",
  divisionName: null,
  workstreamName: null,
  programmeName: null,
  leadId: "l",
  leadName: "Lead",
  stage: "DELIVERY",
  rag: "GREEN",
  category: "PAY",
  subCategory: null,
  recurrent: true,
  fullYearEffectPence: inYearPence * 2,
  inYearPence,
  weightPercent: 90,
  riskAdjustedPence: Math.round(inYearPence * 0.9),
  ytdPlanPence: 0,
  ytdActualPence: 0,
});

describe("schemeRegisterXlsx", () => {
  it("writes £ numbers, a totals row, an autofilter over the data, a frozen header, and neutralises formulas", async () => {
    const buffer = await schemeRegisterXlsx([row("A-1", '=HYPERLINK("x")', 123_456), row("A-2", "Plain", 1)], 2025);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buffer as unknown as ExcelJS.Buffer);
    const ws = wb.getWorksheet("Scheme register")!;
    expect(ws.getCell("B2").value).toBe('\'=HYPERLINK("x")');
    expect(ws.getCell("P2").value).toBe(1234.56);
    expect(ws.getCell("P2").numFmt).toContain("£");
    expect(ws.getCell("A4").value).toBe("Total (2 schemes)");
    expect(ws.getCell("P4").value).toBe(1234.57);
    expect(ws.autoFilter).toBe("A1:U3");
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(ws.getCell("N2").value).toBe("2025/26");
    // A scheme of 2024/25 running into 2025/26 says its own year.
    expect(ws.getCell("U2").value).toBe("2024/25");
  });
});
