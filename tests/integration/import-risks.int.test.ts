import { beforeAll, describe, expect, it } from "vitest";
import { MONTH_COLUMNS, RISK_COLUMNS, SCHEME_COLUMNS } from "@/modules/imports/import-columns";
import { previewImport, runImport, type UploadedFile } from "@/modules/imports/run-import";
import { db } from "@/server/db";
import { createImportWorld, workbookBuffer, type ImportWorld } from "../factories/imports";
import { auditEventsAfter, lastAuditId, rowCounts } from "../helpers/db-state";
import { useTestDatabase } from "../helpers/test-database";

/**
 * The import's Risks sheet (issue 12): risks on the file's new schemes and on schemes already in
 * the app, with their 5x5 scores and owners, through the risk form's own rules; a re-import
 * changes nothing; a changed score updates the risk and records the score change; every bad
 * row is reported by sheet, row and column with nothing written. And the scheme type follows
 * the organisation's programmes: QIPP at a trust only where its ICB delegates QIPP.
 */

const NOW = new Date(Date.UTC(2025, 6, 15, 12));
const SCHEME_HEADERS = SCHEME_COLUMNS.map((c) => c.header);
const RISK_HEADERS = RISK_COLUMNS.map((c) => c.header);
const MONTH_HEADERS = MONTH_COLUMNS.slice(0, 7).map((c) => c.header);

let w: ImportWorld;
let sequence = 0;
const code = () => `RSK-${++sequence}-${Math.random().toString(36).slice(2, 6)}`;

function schemeRow(schemeCode: string, overrides: Record<string, unknown> = {}) {
  const values: Record<string, unknown> = {
    code: schemeCode,
    title: `Theatre productivity ${schemeCode}`,
    description: "More sessions per list",
    organisation: w.trust.code,
    lead: w.leadEmail,
    category: "Non-pay",
    recurrence: "Recurrent",
    financialYear: "2025/26",
    fullYearEffect: 200000,
    inYearValue: 150000,
    ...overrides,
  };
  return SCHEME_COLUMNS.map((c) => values[c.key] ?? null) as (string | number | null)[];
}

function riskRow(schemeCode: string, title: string, overrides: Record<string, unknown> = {}) {
  const values: Record<string, unknown> = {
    code: schemeCode,
    title,
    cause: "Theatre staff vacancies",
    event: "Lists are cancelled",
    effect: "The saving slips",
    owner: w.leadEmail,
    category: "Delivery",
    inherentLikelihood: 4,
    inherentConsequence: 4,
    currentLikelihood: 3,
    currentConsequence: 4,
    targetLikelihood: 2,
    targetConsequence: 3,
    reviewDate: new Date(Date.UTC(2025, 8, 30)),
    ...overrides,
  };
  return RISK_COLUMNS.map((c) => values[c.key] ?? null) as (string | number | Date | null)[];
}

async function file(sheets: Record<string, (string | number | Date | null)[][]>): Promise<UploadedFile> {
  return { fileName: "tracker.xlsx", bytes: await workbookBuffer(sheets) };
}

describe("importing risks", () => {
  useTestDatabase();

  beforeAll(async () => {
    w = await createImportWorld();
  });

  it(
    "imports risks on new and existing schemes with scores and owners; a re-import changes nothing; a new score updates",
    { timeout: 60_000 },
    async () => {
      const [existingCode, newCode] = [code(), code()];
      await runImport(w.finance, await file({ Schemes: [SCHEME_HEADERS, schemeRow(existingCode)] }), undefined, {
        now: NOW,
      });
      const upload = await file({
        Schemes: [SCHEME_HEADERS, schemeRow(newCode)],
        Risks: [
          RISK_HEADERS,
          riskRow(newCode, "Staffing gaps"),
          riskRow(existingCode, "Supplier price rise", {
            owner: w.leadTitle,
            category: "Financial",
            currentLikelihood: "2",
            reviewDate: "31/10/2025",
          }),
        ],
      });
      const before = await rowCounts();
      const preview = await previewImport(w.finance, upload, { now: NOW });
      expect(preview.problems).toEqual([]);
      expect(preview.counts).toEqual({
        create: 1,
        update: 0,
        unchanged: 0,
        months: 0,
        risks: { create: 2, update: 0, unchanged: 0 },
      });
      expect(await rowCounts()).toEqual(before);

      const auditBefore = await lastAuditId();
      const outcome = await runImport(w.finance, upload, preview.sha256, { now: NOW });
      expect(outcome.status).toBe("imported");
      const risks = await db().risk.findMany({
        where: { scheme: { organisationId: w.trust.id, code: { in: [existingCode, newCode] } } },
        include: { scheme: { select: { code: true } }, scoreChanges: true },
        orderBy: { title: "asc" },
      });
      expect(
        risks.map((r) => [
          r.scheme!.code,
          r.title,
          r.ownerId,
          r.category,
          r.currentLikelihood,
          r.currentConsequence,
          r.currentScore,
          r.targetScore,
          r.reviewDate.toISOString().slice(0, 10),
          r.programmeId,
          r.scoreChanges.map((c) => [c.currentScore, c.targetScore, c.changedById]),
        ]),
      ).toEqual([
        [
          newCode,
          "Staffing gaps",
          w.lead.userId,
          "DELIVERY",
          3,
          4,
          12,
          6,
          "2025-09-30",
          null,
          [[12, 6, w.finance.userId]],
        ],
        [
          existingCode,
          "Supplier price rise",
          w.lead.userId,
          "FINANCIAL",
          2,
          4,
          8,
          6,
          "2025-10-31",
          null,
          [[8, 6, w.finance.userId]],
        ],
      ]);
      const events = await auditEventsAfter(auditBefore);
      expect(events.map((e) => e.action).sort()).toEqual(["import.run", "risk.create", "risk.create", "scheme.create"]);
      expect(events.find((e) => e.action === "import.run")!.after).toMatchObject({
        counts: { create: 1, risks: { create: 2, update: 0, unchanged: 0 } },
      });

      const again = await rowCounts();
      const second = await runImport(w.finance, upload, undefined, { now: NOW });
      expect(second.status).toBe("nothing-to-do");
      expect(second.preview.counts.risks).toEqual({ create: 0, update: 0, unchanged: 2 });
      expect(await rowCounts()).toEqual(again);

      // The review moves the score: the risk is updated by its version and the change recorded.
      const rescored = await file({
        Risks: [RISK_HEADERS, riskRow(newCode, "staffing gaps", { title: "Staffing gaps", currentLikelihood: 2 })],
      });
      const update = await previewImport(w.finance, rescored, { now: NOW });
      expect(update.counts).toEqual({
        create: 0,
        update: 0,
        unchanged: 0,
        months: 0,
        risks: { create: 0, update: 1, unchanged: 0 },
      });
      const auditBeforeUpdate = await lastAuditId();
      expect((await runImport(w.finance, rescored, update.sha256, { now: NOW })).status).toBe("imported");
      const staffing = await db().risk.findFirstOrThrow({
        where: { id: risks[0]!.id },
        include: { scoreChanges: { orderBy: { id: "asc" } } },
      });
      expect([staffing.currentScore, staffing.version, staffing.scoreChanges.map((c) => c.currentScore)]).toEqual([
        8,
        2,
        [12, 8],
      ]);
      const updateEvents = await auditEventsAfter(auditBeforeUpdate);
      expect(updateEvents.map((e) => e.action).sort()).toEqual(["import.run", "risk.update"]);
    },
  );

  it("reports every bad risk row by sheet, row and column, and writes nothing", { timeout: 60_000 }, async () => {
    const [good, broken] = [code(), code()];
    await runImport(w.finance, await file({ Schemes: [SCHEME_HEADERS, schemeRow(good)] }), undefined, { now: NOW });
    const closed = await db().risk.create({
      data: {
        schemeId: (await db().scheme.findFirstOrThrow({ where: { organisationId: w.trust.id, code: good } })).id,
        title: "Closed already",
        cause: "c",
        event: "e",
        effect: "f",
        ownerId: w.lead.userId,
        category: "DELIVERY",
        inherentLikelihood: 2,
        inherentConsequence: 2,
        currentLikelihood: 2,
        currentConsequence: 2,
        targetLikelihood: 1,
        targetConsequence: 1,
        currentScore: 4,
        targetScore: 1,
        reviewDate: NOW,
        status: "CLOSED",
        closureReason: "Mitigated",
        closedAt: NOW,
      },
    });
    const upload = await file({
      Schemes: [SCHEME_HEADERS, schemeRow(broken, { lead: "nobody@example.org" })],
      Risks: [
        RISK_HEADERS,
        riskRow("NO-SUCH-1", "Unknown scheme"),
        riskRow(good, "Unknown owner", { owner: "stranger@example.org" }),
        riskRow(good, "Out of range", { currentLikelihood: 6 }),
        riskRow(good, "Worse target", { targetLikelihood: 5, targetConsequence: 5 }),
        riskRow(good, "Bad category", { category: "Weather", reviewDate: "soon" }),
        riskRow(good, "Twice"),
        riskRow(good, "Twice"),
        riskRow(good, closed.title),
        riskRow(broken, "On a broken scheme"),
      ],
    });
    const before = await rowCounts();
    const preview = await previewImport(w.finance, upload, { now: NOW });
    const risksSheet = preview.problems.filter((p) => p.sheet === "Risks").map((p) => p.sentence);
    expect(risksSheet).toEqual([
      "Risks row 2, column A (Scheme reference code): no scheme has the reference code NO-SUCH-1, in this file or at your organisations",
      `Risks row 3, column F (Owner): 'stranger@example.org' is not a lead or finance user of ${w.trust.code} (by email or lead role title)`,
      "Risks row 4, column J (Current likelihood): The current likelihood must be between 1 and 5",
      "Risks row 5, column L (Target likelihood): The target score (25) cannot be worse than the current score (12)",
      "Risks row 6, column G (Risk category): 'Weather' is not one of Financial, Quality, Workforce, Delivery, Reputational",
      "Risks row 6, column N (Review date): Enter the next review date as a date, e.g. 2026-12-31",
      `Risks row 8, column B (Risk title): this scheme's risk “Twice” is also on row 7; each risk once`,
      "Risks row 9, column B (Risk title): the scheme's risk “Closed already” is closed; it can no longer be changed",
      `Risks row 10, column A (Scheme reference code): the scheme ${broken} has errors on the Schemes sheet (row 2); fix that row first`,
    ]);
    expect((await runImport(w.finance, upload, preview.sha256, { now: NOW })).status).toBe("invalid");
    expect(await rowCounts()).toEqual(before);
  });

  it("takes a Risks CSV on its own", async () => {
    const a = code();
    await runImport(w.finance, await file({ Schemes: [SCHEME_HEADERS, schemeRow(a)] }), undefined, { now: NOW });
    const csv = [
      RISK_HEADERS.join(","),
      [
        a,
        "Bed closures",
        "Winter",
        "Wards close",
        "Saving slips",
        w.leadEmail,
        "Quality",
        3,
        3,
        3,
        3,
        2,
        2,
        "2025-12-01",
      ].join(","),
    ].join("\r\n");
    const upload = { fileName: "risks.csv", bytes: Buffer.from(csv) };
    const preview = await previewImport(w.finance, upload, { now: NOW });
    expect(preview.problems).toEqual([]);
    expect(preview.counts.risks).toEqual({ create: 1, update: 0, unchanged: 0 });
    expect((await runImport(w.finance, upload, preview.sha256, { now: NOW })).status).toBe("imported");
    expect(
      await db().risk.count({ where: { title: "Bed closures", scheme: { organisationId: w.trust.id, code: a } } }),
    ).toBe(1);
  });
});

describe("scheme types on import follow the organisation's programmes", () => {
  useTestDatabase();

  beforeAll(async () => {
    w = await createImportWorld();
  });

  it("refuses QIPP at a trust without delegated QIPP, and imports it once the ICB delegates it", async () => {
    const [qipp, cip] = [code(), code()];
    const upload = await file({
      Schemes: [SCHEME_HEADERS, schemeRow(qipp, { type: "QIPP" }), schemeRow(cip)],
      Months: [MONTH_HEADERS],
    });
    const trust = await db().organisation.findUniqueOrThrow({ where: { id: w.trust.id } });
    const refused = await previewImport(w.finance, upload, { now: NOW });
    expect(refused.problems.map((p) => p.sentence)).toEqual([
      `Schemes row 2, column J (CIP or QIPP): ${trust.name} does not hold QIPP schemes. An administrator can record that its ICB delegates QIPP to it.`,
    ]);

    await db().organisation.update({ where: { id: w.trust.id }, data: { holdsDelegatedQipp: true } });
    const preview = await previewImport(w.finance, upload, { now: NOW });
    expect(preview.problems).toEqual([]);
    expect((await runImport(w.finance, upload, preview.sha256, { now: NOW })).status).toBe("imported");
    const types = await db().scheme.findMany({
      where: { organisationId: w.trust.id, code: { in: [qipp, cip] } },
      select: { code: true, type: true },
    });
    expect(Object.fromEntries(types.map((t) => [t.code, t.type]))).toEqual({ [qipp]: "QIPP", [cip]: "CIP" });
  });
});
