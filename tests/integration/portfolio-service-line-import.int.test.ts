import { beforeAll, describe, expect, it } from "vitest";
import { importServiceLines, previewServiceLineImport } from "@/modules/portfolio/import-service-lines";
import { SERVICE_LINE_COLUMNS } from "@/modules/portfolio/service-line-import-rows";
import { db } from "@/server/db";
import { DomainError } from "@/server/errors";
import { createDivision } from "../factories";
import { workbookBuffer } from "../factories/imports";
import { createPortfolioWorld, createServiceLineRow, type PortfolioWorld } from "../factories/portfolio";
import { auditEventsAfter, lastAuditId, rowCounts } from "../helpers/db-state";
import { useTestDatabase } from "../helpers/test-database";

/**
 * Service lines from a spreadsheet (issue 17 item 1), read with the import workbook's readers:
 * divisions / specialties and their sub-specialties with sizes per year, through the forms'
 * own schemas; preview writes nothing; the import writes all of it with audit events or
 * nothing; a re-import changes nothing; bad rows are reported by row and column; only finance
 * or the PMO of the organisation may import.
 */

const HEADERS = SERVICE_LINE_COLUMNS.map((c) => c.header);
type Cell = string | number | null;

let w: PortfolioWorld;
let division: string;

const upload = async (rows: Cell[][], fileName = "service-lines.xlsx") => ({
  fileName,
  bytes: await workbookBuffer({ "Service lines": [HEADERS, ...rows] }),
});

describe("importing service lines", () => {
  useTestDatabase();

  beforeAll(async () => {
    w = await createPortfolioWorld();
    division = (await createDivision({ organisationId: w.trust.id, name: "Surgery" })).name;
  });

  it("creates lines and their sizes in one go, with audit events; a re-import changes nothing", async () => {
    const existing = await createServiceLineRow(w.trust.id, "Medicine");
    const file = await upload([
      // A sub-specialty before its parent: the parent is in the file further down.
      ["Cataracts", "Sub-specialty / department", "Ophthalmology", null, "2026/27", 2_400_000, 9000, 31.5],
      ["Ophthalmology", "Division / specialty", null, division, "2026/27", "£14,100,000.50", "52,000", 120],
      ["Ophthalmology", "Division / specialty", null, division, "2025/26", 13_900_000, 50_500, 118],
      ["Medicine", "Meso", null, null, "2026/27", 61_000_000, null, null],
    ]);
    const before = await rowCounts();
    const preview = await previewServiceLineImport(w.actors.finance, w.trust.id, file);
    expect(preview.problems).toEqual([]);
    expect(preview.counts).toEqual({ linesToCreate: 2, linesUnchanged: 1, sizes: 4 });
    expect(await rowCounts()).toEqual(before);

    const auditBefore = await lastAuditId();
    const outcome = await importServiceLines(w.actors.finance, w.trust.id, file, preview.sha256);
    expect(outcome.status).toBe("imported");
    const lines = await db().serviceLine.findMany({
      where: { organisationId: w.trust.id },
      include: { parent: true, division: true, sizes: { orderBy: { financialYear: "asc" } } },
      orderBy: { name: "asc" },
    });
    expect(
      lines.map((l) => [
        l.name,
        l.level,
        l.parent?.name ?? null,
        l.division?.name ?? null,
        l.sizes.map((s) => [s.financialYear, s.budgetPence, s.patients, s.staffWte?.toString() ?? null]),
      ]),
    ).toEqual([
      ["Cataracts", "MICRO", "Ophthalmology", null, [[2026, 240_000_000n, 9000, "31.5"]]],
      ["Medicine", "MESO", null, null, [[2026, 6_100_000_000n, null, null]]],
      [
        "Ophthalmology",
        "MESO",
        null,
        "Surgery",
        [
          [2025, 1_390_000_000n, 50_500, "118"],
          [2026, 1_410_000_050n, 52_000, "120"],
        ],
      ],
    ]);
    expect(lines.find((l) => l.name === "Medicine")!.id).toBe(existing.id);
    const events = await auditEventsAfter(auditBefore);
    expect(events.map((e) => e.action).sort()).toEqual([
      "service-line.create",
      "service-line.create",
      "service-line.import",
      "service-line.size",
      "service-line.size",
      "service-line.size",
      "service-line.size",
    ]);
    expect(events.find((e) => e.action === "service-line.import")!.after).toEqual({
      fileName: "service-lines.xlsx",
      sha256: preview.sha256,
      counts: { linesToCreate: 2, linesUnchanged: 1, sizes: 4 },
    });

    const again = await rowCounts();
    const second = await importServiceLines(w.actors.finance, w.trust.id, file);
    expect(second.status).toBe("nothing-to-do");
    expect(second.preview.counts).toEqual({ linesToCreate: 0, linesUnchanged: 3, sizes: 0 });
    expect(await rowCounts()).toEqual(again);
  });

  it("reports every bad row by row and column, and writes nothing", async () => {
    await createServiceLineRow(w.trust.id, "Cardiology");
    await createServiceLineRow(w.trust.id, "Theatres");
    const file = await upload([
      ["Cardiology", "Sub-specialty / department", "Theatres", null, null, null, null, null],
      ["X", "Division / specialty", null, null, null, null, null, null],
      ["Vascular", "Specialty-ish", null, null, null, null, null, null],
      ["Urology", "Sub-specialty / department", null, null, null, null, null, null],
      ["Paediatrics", "Division / specialty", null, "Nowhere", "2026/27", "1.2m", "lots", "12.345"],
      ["Neonates", "Sub-specialty / department", "No such line", null, null, null, null, null],
      ["Audiology", "Division / specialty", null, null, "2026/27", 100, null, null],
      ["Audiology", "Division / specialty", null, null, "2026/27", 200, null, null],
      ["Haematology", "Division / specialty", null, null, "2026/27", null, null, null],
      ["Neonatal unit", "Sub-specialty / department", "Paediatrics", null, null, null, null, null],
    ]);
    const before = await rowCounts();
    const preview = await previewServiceLineImport(w.actors.finance, w.trust.id, file);
    expect(preview.problems.map((p) => p.sentence)).toEqual([
      "Service lines row 2, column B (Level): Cardiology is a division / specialty in the app",
      "Service lines row 3, column A (Service line): The service line's name must be at least 2 characters",
      "Service lines row 4, column B (Level): 'Specialty-ish' is not one of Division / specialty, Sub-specialty / department",
      "Service lines row 5, column C (Part of): Choose the division or specialty it belongs to",
      "Service lines row 6, column D (Division): 'Nowhere' is not a division of the organisation",
      "Service lines row 6, column F (Budget (£)): '1.2m' is not an amount in pounds; write 1200000",
      "Service lines row 6, column G (Patients): Enter the number of patients as a whole number, e.g. 12000",
      "Service lines row 6, column H (Staff (WTE)): Enter staff as WTE with at most 2 decimal places, e.g. 125.5",
      "Service lines row 7, column C (Part of): 'No such line' is not a service line, in this file or the app",
      "Service lines row 9, column E (Financial year): Audiology's sizes for this year are also on row 8; each year once",
      "Service lines row 10, column F (Budget (£)): give the budget, patients or staff for the year, or leave the year blank",
      "Service lines row 11, column C (Part of): Paediatrics has errors on row 6; fix that row first",
    ]);
    expect((await importServiceLines(w.actors.finance, w.trust.id, file, preview.sha256)).status).toBe("invalid");
    expect(await rowCounts()).toEqual(before);
  });

  it("takes a CSV, and is refused to everyone but the organisation's finance or PMO", async () => {
    const csv = {
      fileName: "lines.csv",
      bytes: Buffer.from(`${HEADERS.join(",")}\r\nRespiratory,Division / specialty,,,2026/27,"£8,000,000",,\r\n`),
    };
    const preview = await previewServiceLineImport(w.actors.finance, w.trust.id, csv);
    expect(preview.problems).toEqual([]);
    expect(preview.counts).toEqual({ linesToCreate: 1, linesUnchanged: 0, sizes: 1 });
    for (const actor of [w.actors.lead, w.actors.board, w.actors.clinician, w.actors.admin, w.actors.otherFinance])
      await expect(importServiceLines(actor, w.trust.id, csv)).rejects.toSatisfy(
        (e) => e instanceof DomainError && e.code === "FORBIDDEN",
      );
    expect(await db().serviceLine.count({ where: { organisationId: w.trust.id, name: "Respiratory" } })).toBe(0);
    // The ICB's finance team works system-wide.
    expect((await importServiceLines(w.actors.icbFinance, w.trust.id, csv, preview.sha256)).status).toBe("imported");
    await expect(
      previewServiceLineImport(w.actors.finance, w.trust.id, { fileName: "x.xlsx", bytes: Buffer.from("MZ....") }),
    ).rejects.toThrow("This file is a program, not a spreadsheet.");
  });
});
