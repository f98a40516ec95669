import { beforeAll, describe, expect, it } from "vitest";
import { getGatewayPanel } from "@/modules/gateways/get-gateway-panel";
import { MONTH_COLUMNS, SCHEME_COLUMNS } from "@/modules/imports/import-columns";
import { previewImport, runImport, type UploadedFile } from "@/modules/imports/run-import";
import { db } from "@/server/db";
import { DomainError } from "@/server/errors";
import { createImportWorld, workbookBuffer, type ImportWorld } from "../factories/imports";
import { closeMonthRow } from "../factories/schemes";
import { auditEventsAfter, lastAuditId, rowCounts } from "../helpers/db-state";
import { useTestDatabase } from "../helpers/test-database";

/**
 * Importing a trust's tracker: preview writes nothing; the import writes schemes, months and
 * audit events in one transaction, or nothing; re-importing changes nothing; every bad row is
 * reported with its sheet, row, column and a sentence; the gateway and month-end rules hold.
 */

const NO_RISKS = { create: 0, update: 0, unchanged: 0 };
const NOW = new Date(Date.UTC(2025, 6, 15, 12));
const SCHEME_HEADERS = SCHEME_COLUMNS.map((c) => c.header);
const MONTH_HEADERS = MONTH_COLUMNS.slice(0, 7).map((c) => c.header);

let w: ImportWorld;
let sequence = 0;

/** A Schemes row in template column order; overrides by column key. */
function schemeRow(code: string, overrides: Partial<Record<(typeof SCHEME_COLUMNS)[number]["key"], unknown>> = {}) {
  const values: Record<string, unknown> = {
    code,
    title: `Agency reduction ${code}`,
    description: "Convert agency shifts to bank",
    organisation: w.trust.code,
    division: w.divisions[0],
    workstream: `${w.programmeName} › ${w.workstreamName}`,
    lead: w.leadEmail,
    category: "Pay",
    subCategory: "Agency",
    type: "CIP",
    recurrence: "Recurrent",
    cash: "Cash-releasing",
    financialYear: "2025/26",
    fullYearEffect: 120000,
    inYearValue: 90000,
    startMonth: "M1",
    wteSubstantive: 0,
    wteBank: -2.5,
    wteAgency: 4,
    rag: "Green",
    stage: "",
    ...overrides,
  };
  return SCHEME_COLUMNS.map((c) => values[c.key] ?? null) as (string | number | null)[];
}

const monthRow = (
  code: string,
  month: string,
  plan: unknown,
  forecast: unknown = null,
  actual: unknown = null,
  reason: unknown = null,
) => [code, "2025/26", month, plan, forecast, actual, reason] as (string | number | null)[];

async function file(
  sheets: Record<string, (string | number | null)[][]>,
  name = "tracker.xlsx",
): Promise<UploadedFile> {
  return { fileName: name, bytes: await workbookBuffer(sheets) };
}

const code = () => `IMP-${++sequence}-${Math.random().toString(36).slice(2, 6)}`;

describe("importing schemes and months", () => {
  useTestDatabase();

  beforeAll(async () => {
    w = await createImportWorld();
  });

  it(
    "previews without writing, imports everything with its audit trail, and a re-import changes nothing",
    { timeout: 60_000 },
    async () => {
      const [a, b] = [code(), code()];
      const upload = await file({
        Schemes: [
          SCHEME_HEADERS,
          schemeRow(a, { stage: "Delivery" }),
          schemeRow(b, { lead: w.leadTitle, inYearValue: "£1,234.56" }),
        ],
        Months: [
          MONTH_HEADERS,
          monthRow(a, "M1", 7500, 7500, 7000),
          monthRow(a, "Jun 2025", 7500.5),
          monthRow(b, "M2", "1,234.56"),
        ],
      });
      const counts = await rowCounts();
      const preview = await previewImport(w.finance, upload, { now: NOW });
      expect(preview.problems).toEqual([]);
      expect(preview.counts).toEqual({ create: 2, update: 0, unchanged: 0, months: 3, risks: NO_RISKS });
      expect(await rowCounts()).toEqual(counts);

      const auditBefore = await lastAuditId();
      const outcome = await runImport(w.finance, upload, preview.sha256, { now: NOW });
      expect(outcome.status).toBe("imported");
      const schemes = await db().scheme.findMany({
        where: { organisationId: w.trust.id, code: { in: [a, b] } },
        include: { months: { orderBy: { month: "asc" } }, stageImport: true },
        orderBy: { code: "asc" },
      });
      expect(schemes.map((s) => [s.code, s.stage, s.inYearValuePence, s.leadId, s.wteBank.toString()])).toEqual([
        [a, "DELIVERY", 9_000_000n, w.lead.userId, "-2.5"],
        [b, "OPPORTUNITY", 123_456n, w.lead.userId, "-2.5"],
      ]);
      expect(schemes[0]!.months.map((m) => [m.month, m.planPence, m.forecastPence, m.actualPence])).toEqual([
        [1, 750_000n, 750_000n, 700_000n],
        [3, 750_050n, null, null],
      ]);
      expect(schemes[0]!.stageImport).toMatchObject({
        stage: "DELIVERY",
        importRunId: outcome.status === "imported" && outcome.importRunId,
      });
      expect(schemes[1]!.stageImport).toBeNull();
      // No gateway decision is invented for a stage set by import; the gateway panel says how it was set.
      expect(await db().gatewayDecision.count({ where: { schemeId: schemes[0]!.id } })).toBe(0);
      const panel = await getGatewayPanel(w.finance, schemes[0]!, NOW);
      expect(panel.stageImport).toMatchObject({ stage: "DELIVERY", by: w.finance.name });
      expect(panel.decisions).toEqual([]);

      const events = await auditEventsAfter(auditBefore);
      expect(events.map((e) => e.action).sort()).toEqual(
        ["import.run", "scheme.create", "scheme.create", "scheme.financials.import", "scheme.financials.import"].sort(),
      );
      const run = events.find((e) => e.action === "import.run")!;
      expect(run.after).toEqual({
        fileName: "tracker.xlsx",
        sha256: preview.sha256,
        counts: { create: 2, update: 0, unchanged: 0, months: 3, risks: NO_RISKS },
      });

      const again = await rowCounts();
      const second = await runImport(w.finance, upload, undefined, { now: NOW });
      expect(second.status).toBe("nothing-to-do");
      expect(second.preview.counts).toEqual({ create: 0, update: 0, unchanged: 2, months: 0, risks: NO_RISKS });
      expect(await rowCounts()).toEqual(again);
    },
  );

  it("updates a scheme matched by its reference code, and leaves the others unchanged", async () => {
    const [a, b] = [code(), code()];
    await runImport(w.finance, await file({ Schemes: [SCHEME_HEADERS, schemeRow(a), schemeRow(b)] }), undefined, {
      now: NOW,
    });
    const changed = await file({ Schemes: [SCHEME_HEADERS, schemeRow(a, { title: "A better title" }), schemeRow(b)] });
    const preview = await previewImport(w.finance, changed, { now: NOW });
    expect(preview.counts).toMatchObject({ create: 0, update: 1, unchanged: 1 });
    expect(preview.changes).toEqual([{ kind: "update", code: a, title: "A better title", changedFields: ["title"] }]);
    await runImport(w.finance, changed, preview.sha256, { now: NOW });
    const scheme = await db().scheme.findFirstOrThrow({ where: { organisationId: w.trust.id, code: a } });
    expect([scheme.title, scheme.version]).toEqual(["A better title", 2]);
  });

  it("reports every bad row with its sheet, row, column and a sentence, and writes nothing", async () => {
    const [a, b] = [code(), code()];
    const upload = await file({
      Schemes: [
        [...SCHEME_HEADERS, "Notes"],
        [...schemeRow(a), "ignored"],
        schemeRow(b, { lead: "nobody@example.org", fullYearEffect: "1.2m", inYearValue: 1234.567 }),
        schemeRow(code(), { organisation: "NOPE" }),
        schemeRow(code(), { organisation: w.otherTrust.code }),
        schemeRow(a, { title: "Duplicate" }),
        schemeRow(code(), { inYearValue: "(1,200)", category: "Capital", title: "" }),
      ],
      Months: [
        MONTH_HEADERS,
        monthRow(a, "M1", "£1.2m"),
        monthRow(a, "M13", 5),
        monthRow("UNKNOWN-1", "M1", 5),
        monthRow(a, "M5", 1, 1, 10),
      ],
    });
    const counts = await rowCounts();
    const preview = await previewImport(w.finance, upload, { now: NOW });
    const sentences = preview.problems.map((p) => p.sentence);
    expect(sentences).toEqual(
      expect.arrayContaining([
        "Months row 2, column D (Plan (£)): '£1.2m' is not an amount in pounds; write 1200000",
        expect.stringMatching(/^Months row 3, column C \(Month\): 'M13' is not a month/),
        "Months row 4, column A (Reference code): no scheme has the reference code UNKNOWN-1, in this file or at your organisations",
        "Months row 5, column F (Actual (£)): M5 Aug 2025/26 has not started yet, so it cannot have an actual",
        expect.stringMatching(
          /^Schemes row 3, column G \(Lead\): 'nobody@example.org' is not a lead or finance user of/,
        ),
        "Schemes row 3, column N (Full-year effect (£)): '1.2m' is not an amount in pounds; write 1200000",
        "Schemes row 3, column O (In-year value (£)): 1234.567 has more than two decimal places: round it to pence",
        "Schemes row 4, column D (Organisation code): no organisation has the code 'NOPE'",
        expect.stringMatching(
          /^Schemes row 5, column D \(Organisation code\): you cannot import for .*: only its finance users can$/,
        ),
        `Schemes row 6, column A (Reference code): the reference code ${a} is also on row 2; each scheme once`,
        "Schemes row 7, column B (Title): Enter a title",
        "Schemes row 7, column H (Category): 'Capital' is not one of Pay, Non-pay, Income",
        "Schemes row 7, column O (In-year value (£)): The in-year value cannot be negative",
      ]),
    );
    expect(preview.ignoredColumns).toEqual([{ sheet: "Schemes", headers: ["Notes"] }]);
    const outcome = await runImport(w.finance, upload, preview.sha256, { now: NOW });
    expect(outcome.status).toBe("invalid");
    expect(await rowCounts()).toEqual(counts);
  });

  it("refuses missing or renamed columns by name, merged cells and formulas without a saved result", async () => {
    const renamed = await file({
      Schemes: [SCHEME_HEADERS.map((h) => (h === "Title" ? "Scheme name" : h)), schemeRow(code())],
    });
    expect((await previewImport(w.finance, renamed, { now: NOW })).problems.map((p) => p.sentence)).toEqual([
      "Schemes row 1: the column “Title” is missing or renamed; keep the template's header row",
    ]);
    const merged: UploadedFile = {
      fileName: "merged.xlsx",
      bytes: await workbookBuffer({ Schemes: [SCHEME_HEADERS, schemeRow(code())] }, (wb) =>
        wb.getWorksheet("Schemes")!.mergeCells("B2:C2"),
      ),
    };
    expect((await previewImport(w.finance, merged, { now: NOW })).problems.map((p) => p.sentence)).toContain(
      "Schemes row 2: cells B2:C2 are merged; unmerge them and put the value in each cell",
    );
    const formula: UploadedFile = {
      fileName: "formula.xlsx",
      bytes: await workbookBuffer(
        { Months: [MONTH_HEADERS, monthRow("X-1", "M1", null), monthRow("X-2", "M1", null)] },
        (wb) => {
          const ws = wb.getWorksheet("Months")!;
          ws.getCell("D2").value = { formula: "1000*12" } as never;
          ws.getCell("D3").value = { formula: "1000*12", result: 12000 } as never;
        },
      ),
    };
    const sentences = (await previewImport(w.finance, formula, { now: NOW })).problems.map((p) => p.sentence);
    expect(sentences).toContain(
      "Months row 2, column D (Plan (£)): the formula =1000*12 has no saved result; open the file in Excel, save it, and upload it again (or type the value)",
    );
    // The cached result is used: row 3 fails only because X-2 is unknown, not on its amount.
    expect(sentences.filter((s) => s.startsWith("Months row 3"))).toEqual([
      "Months row 3, column A (Reference code): no scheme has the reference code X-2, in this file or at your organisations",
    ]);
  });

  it("keeps the rules: stages move only through gateways, locked plans stay, closed months need a reason", async () => {
    const a = code();
    await runImport(
      w.finance,
      await file({ Schemes: [SCHEME_HEADERS, schemeRow(a)], Months: [MONTH_HEADERS, monthRow(a, "M1", 100, 100, 90)] }),
      undefined,
      { now: NOW },
    );
    const scheme = await db().scheme.findFirstOrThrow({ where: { organisationId: w.trust.id, code: a } });
    await db().scheme.update({ where: { id: scheme.id }, data: { planLockedAt: NOW } });
    await closeMonthRow(w.trust.id, 2025, 1, w.finance.userId);
    const attempt = await file({
      Schemes: [SCHEME_HEADERS, schemeRow(a, { stage: "Complete" })],
      Months: [MONTH_HEADERS, monthRow(a, "M1", 200, null, 95)],
    });
    const sentences = (await previewImport(w.finance, attempt, { now: NOW })).problems.map((p) => p.sentence);
    expect(sentences).toEqual([
      "Months row 2, column D (Plan (£)): The plan is locked after gateway 2: ask finance to re-baseline M1 Apr 2025/26",
      "Months row 2, column F (Actual (£)): M1 Apr 2025/26 is closed: give a reason for changing its actual",
      "Schemes row 2, column U (Stage): the scheme is already in the app at stage Opportunity; stages of schemes in the app move only through gateways (leave the cell blank or as it is)",
    ]);
    // The month-end correction with a reason, plan as it is: accepted.
    const correction = await file({ Months: [MONTH_HEADERS, monthRow(a, "M1", 100, null, 95, "Ledger correction")] });
    const outcome = await runImport(w.finance, correction, undefined, { now: NOW });
    expect(outcome.status).toBe("imported");
    expect((await db().schemeMonth.findFirstOrThrow({ where: { schemeId: scheme.id, month: 1 } })).actualPence).toBe(
      9500n,
    );
  });

  it("writes nothing when the write fails half-way", async () => {
    const upload = await file({
      Schemes: [SCHEME_HEADERS, schemeRow(code()), schemeRow(code())],
      Months: [MONTH_HEADERS],
    });
    const counts = await rowCounts();
    await expect(
      runImport(w.finance, upload, undefined, {
        now: NOW,
        onProgress: (phase) => {
          if (phase === "schemes written") throw new Error("injected failure");
        },
      }),
    ).rejects.toThrow("injected failure");
    expect(await rowCounts()).toEqual(counts);
  });

  it("is refused to a lead and a board member, and refuses bad files with a clear message", async () => {
    const upload = await file({ Schemes: [SCHEME_HEADERS, schemeRow(code())] });
    for (const actor of [w.lead, w.board]) {
      await expect(runImport(actor, upload, undefined, { now: NOW })).rejects.toSatisfy(
        (e) => e instanceof DomainError && e.code === "FORBIDDEN",
      );
      await expect(previewImport(actor, upload, { now: NOW })).rejects.toSatisfy(
        (e) => e instanceof DomainError && e.code === "FORBIDDEN",
      );
    }
    const exe = { fileName: "tracker.xlsx", bytes: Buffer.concat([Buffer.from("MZ"), Buffer.alloc(100)]) };
    await expect(previewImport(w.finance, exe, { now: NOW })).rejects.toThrow(
      "This file is a program, not a spreadsheet.",
    );
    await expect(runImport(w.finance, upload, "0".repeat(64), { now: NOW })).rejects.toThrow(
      "This is not the file you previewed",
    );
  });

  it("takes the month-end actuals as a CSV, and refuses 100,000 rows and a 1 MB cell", async () => {
    const a = code();
    await runImport(
      w.finance,
      await file({ Schemes: [SCHEME_HEADERS, schemeRow(a, { title: "خفض تكاليف الوكالة — agency ✓" })] }),
      undefined,
      {
        now: NOW,
      },
    );
    const csv = (text: string): UploadedFile => ({ fileName: "ledger.csv", bytes: Buffer.from(text) });
    const ledger = csv(`\uFEFFReference code,Financial year,Month,Actual (£)\r\n${a},2025/26,Jun 2025,"£1,234.56"\r\n`);
    const preview = await previewImport(w.finance, ledger, { now: NOW });
    expect(preview.problems).toEqual([]);
    expect(preview.counts).toEqual({ create: 0, update: 1, unchanged: 0, months: 1, risks: NO_RISKS });
    expect((await runImport(w.finance, ledger, preview.sha256, { now: NOW })).status).toBe("imported");
    const scheme = await db().scheme.findFirstOrThrow({
      where: { organisationId: w.trust.id, code: a },
      include: { months: true },
    });
    expect(scheme.title).toBe("خفض تكاليف الوكالة — agency ✓");
    expect(scheme.months.map((m) => [m.month, m.actualPence, m.planPence])).toEqual([[3, 123_456n, null]]);

    const many = csv(`Reference code,Financial year,Month,Actual\n${`${a},2025/26,M1,1\n`.repeat(100_000)}`);
    await expect(previewImport(w.finance, many, { now: NOW })).rejects.toThrow(
      "The file has 100,000 rows; one import takes at most 80,000. Split it into smaller files.",
    );
    const huge = await file({ Schemes: [SCHEME_HEADERS, schemeRow(code(), { description: "x".repeat(1024 * 1024) })] });
    const sentences = (await previewImport(w.finance, huge, { now: NOW })).problems.map((p) => p.sentence);
    expect(sentences).toEqual([
      "Schemes row 2, column C (Description): A description must be 8000 characters or fewer",
    ]);
  });
});
