import { beforeAll, describe, expect, it } from "vitest";
import { financeBreakdowns, financeHeadline } from "@/modules/dashboards/finance-dashboard";
import { identifiedByStage, monthlyCumulative } from "@/modules/dashboards/scheme-figures";
import { exportTrackerWorkbook } from "@/modules/imports/export-tracker";
import { MONTH_COLUMNS, SCHEME_COLUMNS } from "@/modules/imports/import-columns";
import { runImport } from "@/modules/imports/run-import";
import type { Actor } from "@/server/auth/actor";
import { createActor, createDivision, createSystemWithOrganisations } from "../factories";
import { loadWorkbook, workbookBuffer } from "../factories/imports";
import { createProgrammeRow, createWorkstreamRow } from "../factories/programmes";
import { useTestDatabase } from "../helpers/test-database";

/**
 * An export round-trips: a trust's schemes and months exported to .xlsx and imported into
 * another trust's empty copy (same divisions, system workstreams and lead) give the same
 * dashboard figures, to the penny.
 */

const NO_RISKS = { create: 0, update: 0, unchanged: 0 };
const NOW = new Date(Date.UTC(2025, 9, 15, 12));
const FY = 2025;

let finance: Actor;
let source: { id: string; code: string };
let copy: { id: string; code: string };
let leadEmail: string;
let workstream: string;

describe("export and re-import", () => {
  useTestDatabase();

  beforeAll(async () => {
    const { system, trusts } = await createSystemWithOrganisations({ trusts: 2 });
    source = { id: trusts[0]!.id, code: trusts[0]!.code };
    copy = { id: trusts[1]!.id, code: trusts[1]!.code };
    for (const t of [source, copy])
      for (const name of ["Surgery", "Medicine"]) await createDivision({ organisationId: t.id, name });
    const programme = await createProgrammeRow({ systemId: system.id, organisationId: null, name: "System workforce" });
    workstream = `${programme.name} › ${(await createWorkstreamRow({ programmeId: programme.id, name: "Agency" })).name}`;
    finance = await createActor([
      { organisationId: source.id, role: "FINANCE" },
      { organisationId: copy.id, role: "FINANCE" },
    ]);
    leadEmail = finance.email;
  });

  it("reproduces the same dashboard figures in the other organisation", { timeout: 60_000 }, async () => {
    const header = SCHEME_COLUMNS.map((c) => c.header);
    const scheme = (code: string, division: string, stage: string, inYear: number, category = "Pay") =>
      SCHEME_COLUMNS.map(
        (c) =>
          ({
            code,
            title: `Scheme ${code}`,
            description: "A saving with history",
            organisation: source.code,
            division,
            workstream,
            lead: leadEmail,
            category,
            recurrence: code.endsWith("2") ? "Non-recurrent" : "Recurrent",
            financialYear: "2025/26",
            fullYearEffect: inYear * 2,
            inYearValue: inYear,
            startMonth: "M1",
            stage,
          })[c.key as string] ?? null,
      );
    const months: (string | number | null)[][] = [MONTH_COLUMNS.slice(0, 6).map((c) => c.header)];
    for (const [code, base] of [
      ["RT-1", 1000.5],
      ["RT-2", 2500],
      ["RT-3", 333.33],
    ] as const)
      for (let m = 1; m <= 12; m++)
        months.push([code, "2025/26", `M${m}`, base * m, base * m + 1, m <= 6 ? base * m - 2 : null]);
    const original = await workbookBuffer({
      Schemes: [
        header,
        scheme("RT-1", "Surgery", "Delivery", 120000.5),
        scheme("RT-2", "Medicine", "Planning", 45000, "Non-pay"),
        scheme("RT-3", "Surgery", "Opportunity", 9999.99),
      ],
      Months: months,
    });
    const first = await runImport(finance, { fileName: "original.xlsx", bytes: original }, undefined, { now: NOW });
    expect(first.preview.problems.map((p) => p.sentence)).toEqual([]);
    expect(first.status).toBe("imported");

    const exported = await exportTrackerWorkbook(finance, source.id, NOW);
    const wb = await loadWorkbook(exported.buffer);
    // The other trust's copy: the same file with its organisation code.
    for (const sheet of ["Schemes", "Months"]) {
      wb.getWorksheet(sheet)!.eachRow((row) =>
        row.eachCell((cell) => {
          if (cell.value === source.code) cell.value = copy.code;
        }),
      );
    }
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    const second = await runImport(finance, { fileName: exported.fileName, bytes }, undefined, { now: NOW });
    expect(second.preview.problems.map((p) => p.sentence)).toEqual([]);
    expect(second.status).toBe("imported");
    expect(second.preview.counts).toEqual({ create: 3, update: 0, unchanged: 0, months: 36, risks: NO_RISKS });

    const figures = async (organisationId: string) => ({
      headline: await financeHeadline([organisationId], FY, NOW),
      stages: await identifiedByStage([organisationId], FY),
      months: await monthlyCumulative([organisationId], FY),
      // Division and category breakdowns by name (the two trusts' division ids differ).
      breakdowns: Object.fromEntries(
        Object.entries(await financeBreakdowns([organisationId], FY, NOW))
          .filter(([dimension]) => dimension === "division" || dimension === "category")
          .map(([dimension, rows]) => [dimension, rows.map((r) => ({ ...r, key: null }))]),
      ),
    });
    const [a, b] = [await figures(source.id), await figures(copy.id)];
    expect(a.headline.identifiedPence).toBe(12_000_050 + 4_500_000 + 999_999);
    expect(b).toEqual(a);
  });
});
