import { beforeAll, describe, expect, it } from "vitest";
import { downloadImportTemplate } from "@/modules/imports/download-template";
import { MONTH_COLUMNS, RISK_COLUMNS, SCHEME_COLUMNS } from "@/modules/imports/import-columns";
import { DomainError } from "@/server/errors";
import { createImportWorld, loadWorkbook, type ImportWorld } from "../factories/imports";
import { useTestDatabase } from "../helpers/test-database";

/**
 * The import template, opened with ExcelJS as Excel would: the four sheets, headers with a
 * note each, frozen header rows, £ formats, and drop-downs listing the organisation's own
 * divisions, workstreams and leads (and nothing of another organisation).
 */

let w: ImportWorld;
const NOW = new Date(Date.UTC(2025, 6, 15, 12));

/** The values of a list validation's range on the hidden Lists sheet. */
function listValues(wb: Awaited<ReturnType<typeof loadWorkbook>>, formula: string): unknown[] {
  const m = /^Lists!\$([A-Z]+)\$(\d+):\$[A-Z]+\$(\d+)$/.exec(formula);
  if (!m) throw new Error(`not a list reference: ${formula}`);
  const lists = wb.getWorksheet("Lists")!;
  const values = [];
  for (let row = Number(m[2]); row <= Number(m[3]); row++) values.push(lists.getCell(`${m[1]}${row}`).value);
  return values;
}

describe("import template", () => {
  useTestDatabase();

  beforeAll(async () => {
    w = await createImportWorld();
  });

  it("has Schemes, Months, Risks and Instructions with every column's header and a note", async () => {
    const { buffer, fileName } = await downloadImportTemplate(w.finance, w.trust.id, NOW);
    expect(fileName).toBe(`import-template-${w.trust.code}-2025-07-15.xlsx`);
    const wb = await loadWorkbook(buffer);
    expect(wb.worksheets.map((s) => s.name)).toEqual(["Schemes", "Months", "Risks", "Instructions", "Lists"]);
    expect(wb.getWorksheet("Lists")!.state).toBe("hidden");
    for (const [sheet, columns] of [
      ["Schemes", SCHEME_COLUMNS],
      ["Months", MONTH_COLUMNS],
      ["Risks", RISK_COLUMNS],
    ] as const) {
      const ws = wb.getWorksheet(sheet)!;
      const header = ws.getRow(1);
      expect(columns.map((_, i) => header.getCell(i + 1).value)).toEqual(columns.map((c) => c.header));
      for (let i = 1; i <= columns.length; i++) {
        const note = header.getCell(i).note;
        const text = typeof note === "string" ? note : note.texts?.map((t) => t.text).join("");
        expect(text, `${sheet} column ${i}`).toMatch(/^(Required|Optional)\. ./);
      }
      expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
      expect(header.font?.bold).toBe(true);
    }
    const instructions = wb.getWorksheet("Instructions")!;
    expect(String(instructions.getCell("A2").value)).toContain(w.trust.code);
    expect(instructions.rowCount).toBeGreaterThan(5);
  });

  it("formats money columns in £ and offers the organisation's own lists as drop-downs", async () => {
    const wb = await loadWorkbook((await downloadImportTemplate(w.finance, w.trust.id, NOW)).buffer);
    const schemes = wb.getWorksheet("Schemes")!;
    const column = (key: string) => SCHEME_COLUMNS.findIndex((c) => c.key === key) + 1;
    const cellAt = (key: string, row = 2) => schemes.getCell(row, column(key));
    expect(cellAt("fullYearEffect").numFmt).toContain("£");
    expect(cellAt("inYearValue").numFmt).toContain("£");
    expect(wb.getWorksheet("Months")!.getCell("D2").numFmt).toContain("£");

    const dropDown = (key: string, row = 2) => {
      const v = cellAt(key, row).dataValidation;
      expect(v?.type, key).toBe("list");
      return listValues(wb, String(v!.formulae[0]));
    };
    expect(dropDown("division")).toEqual([...w.divisions].sort());
    expect(dropDown("workstream")).toEqual([`${w.programmeName} › ${w.workstreamName}`]);
    expect(dropDown("lead")).toEqual(expect.arrayContaining([w.leadEmail, w.finance.email, w.leadTitle]));
    expect(dropDown("lead")).not.toContain(w.otherFinance.email);
    expect(dropDown("category")).toEqual(["Pay", "Non-pay", "Income"]);
    expect(dropDown("stage")).toEqual([
      "Opportunity",
      "Planning",
      "Delivery",
      "Complete",
      "On hold",
      "Rejected",
      "Withdrawn",
    ]);
    expect(dropDown("organisation")).toEqual([w.trust.code]);
    expect(dropDown("financialYear")).toContain("2025/26");
    // Validation covers the input rows, not only the first.
    expect(dropDown("division", 500)).toEqual([...w.divisions].sort());
    expect(wb.getWorksheet("Months")!.getCell("C9000").dataValidation?.type).toBe("list");
  });

  it("is refused to a lead, a board member and finance of another trust", async () => {
    for (const actor of [w.lead, w.board, w.otherFinance]) {
      await expect(downloadImportTemplate(actor, w.trust.id, NOW)).rejects.toSatisfy(
        (e) => e instanceof DomainError && e.code === "FORBIDDEN",
      );
    }
  });
});
