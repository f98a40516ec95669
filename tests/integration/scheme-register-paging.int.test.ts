import { beforeAll, describe, expect, it } from "vitest";
import { findSchemeRegister } from "@/modules/schemes/register/find-scheme-register";
import { SCHEME_REGISTER_PAGE_SIZE, parseSchemeRegisterQuery } from "@/modules/schemes/register/register-filter";
import type { Actor } from "@/server/auth/actor";
import { createActor } from "../factories";
import {
  createLeadUser,
  createOrderedSystem,
  createRegisterFixture,
  createSchemeMonthRows,
  createSchemeRow,
} from "../factories/scheme-rows";
import { useTestDatabase } from "../helpers/test-database";

/**
 * Sorting (on the 15-scheme fixture) and pagination (on 30 schemes of one trust in another
 * system): a page holds 25, and the totals are always those of every matching scheme.
 */

const NOW = new Date("2025-09-15T10:00:00.000Z");
let fx: Awaited<ReturnType<typeof createRegisterFixture>>;
let finance: Actor;
let bulkFinance: Actor;
const bulkKey = new Map<string, number>();

async function keys(raw: Record<string, string>, actor: Actor = finance) {
  const r = await findSchemeRegister(actor, parseSchemeRegisterQuery({ stage: "ALL", ...raw }, NOW), NOW);
  return r.rows.map((row) => fx.keyOf.get(row.id) ?? bulkKey.get(row.id) ?? row.id);
}

describe("scheme register sorting and pagination", () => {
  useTestDatabase();

  beforeAll(async () => {
    fx = await createRegisterFixture();
    finance = await createActor([{ organisationId: fx.org.ICB, role: "FINANCE", systemWide: true }]);
    // Scheme i (1-30): in-year i x £1,000, FYE twice that, all opportunities (25%); M1 plan i x £10, actual i x £9.
    const bulk = await createOrderedSystem(["D"], false);
    const trustId = bulk.trusts[0]!.id;
    bulkFinance = await createActor([{ organisationId: trustId, role: "FINANCE" }]);
    const lead = await createLeadUser(trustId, "Bulk Lead");
    for (let i = 1; i <= 30; i++) {
      const s = await createSchemeRow({
        organisationId: trustId,
        leadId: lead.id,
        title: `Bulk ${i}`,
        inYearPence: i * 100_000,
        fullYearEffectPence: i * 200_000,
      });
      await createSchemeMonthRows(s.id, 2025, [[1, i * 1_000, null, i * 900]]);
      bulkKey.set(s.id, i);
    }
  });

  it.each([
    [
      "code ascending (the default)",
      {},
      ["s1", "s2", "s3", "s4", "s5", "s6", "s7", "s8", "s9", "s10", "s11", "s12", "s13", "s14", "s15"],
    ],
    [
      "code descending",
      { sort: "code", dir: "desc" },
      ["s15", "s14", "s13", "s12", "s11", "s10", "s9", "s8", "s7", "s6", "s5", "s4", "s3", "s2", "s1"],
    ],
    [
      "title, ignoring case",
      { sort: "title" },
      ["s1", "s6", "s5", "s15", "s11", "s14", "s10", "s13", "s12", "s4", "s7", "s8", "s3", "s2", "s9"],
    ],
    [
      "in-year value, largest first",
      { sort: "inYear", dir: "desc" },
      ["s2", "s9", "s1", "s10", "s3", "s5", "s11", "s4", "s14", "s12", "s6", "s13", "s15", "s7", "s8"],
    ],
    [
      "in-year value, smallest first",
      { sort: "inYear", dir: "asc" },
      ["s8", "s7", "s15", "s13", "s6", "s12", "s14", "s4", "s11", "s5", "s3", "s10", "s1", "s9", "s2"],
    ],
    [
      "full-year effect, largest first",
      { sort: "fye", dir: "desc" },
      ["s2", "s9", "s1", "s10", "s3", "s11", "s5", "s4", "s14", "s12", "s6", "s15", "s13", "s7", "s8"],
    ],
    // Gateway order, then the side states; ties by code.
    [
      "stage",
      { sort: "stage" },
      ["s1", "s8", "s11", "s2", "s9", "s15", "s3", "s5", "s10", "s14", "s4", "s12", "s6", "s13", "s7"],
    ],
    [
      "stage descending (ties still by code)",
      { sort: "stage", dir: "desc" },
      ["s7", "s13", "s6", "s4", "s12", "s3", "s5", "s10", "s14", "s2", "s9", "s15", "s1", "s8", "s11"],
    ],
    // Red, amber, green, complete (blue, whatever is stored), not rated.
    [
      "RAG, worst first",
      { sort: "rag" },
      ["s1", "s7", "s9", "s14", "s2", "s5", "s11", "s3", "s10", "s15", "s4", "s12", "s6", "s8", "s13"],
    ],
    [
      "RAG descending",
      { sort: "rag", dir: "desc" },
      ["s6", "s8", "s13", "s4", "s12", "s3", "s10", "s15", "s2", "s5", "s11", "s1", "s7", "s9", "s14"],
    ],
  ] as const)("sorts by %s", async (_name, raw, expected) => {
    expect(await keys(raw)).toEqual(expected);
  });

  it("sorts within the filter", async () => {
    expect(await keys({ organisation: fx.org.T2, sort: "inYear", dir: "desc" })).toEqual([
      "s9",
      "s10",
      "s11",
      "s14",
      "s12",
      "s13",
      "s15",
    ]);
  });

  it("pages 25 at a time; page 2 holds the last 5, and the totals are of all 30 on every page", async () => {
    // In-year £1,000 x (1 + ... + 30) = £465,000; FYE £930,000; risk-adjusted 25% = £116,250;
    // YTD (M1-M5) plan £10 x 465 = £4,650, actual £9 x 465 = £4,185.
    const allTotals = {
      count: 30,
      fullYearEffectPence: 93_000_000,
      inYearPence: 46_500_000,
      riskAdjustedPence: 11_625_000,
      ytdPlanPence: 465_000,
      ytdActualPence: 418_500,
      elapsedMonths: 5,
    };
    const page1 = await findSchemeRegister(bulkFinance, parseSchemeRegisterQuery({}, NOW), NOW);
    expect(SCHEME_REGISTER_PAGE_SIZE).toBe(25);
    expect(page1.rows.map((r) => bulkKey.get(r.id))).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
    expect(page1.totals).toEqual(allTotals);
    expect(page1.pages).toBe(2);

    const page2 = await findSchemeRegister(bulkFinance, parseSchemeRegisterQuery({ page: "2" }, NOW), NOW);
    expect(page2.rows.map((r) => bulkKey.get(r.id))).toEqual([26, 27, 28, 29, 30]);
    expect(page2.totals).toEqual(allTotals);

    const beyond = await findSchemeRegister(bulkFinance, parseSchemeRegisterQuery({ page: "3" }, NOW), NOW);
    expect(beyond.rows).toEqual([]);
    expect(beyond.totals).toEqual(allTotals);
  });

  it("pages in the chosen order", async () => {
    expect(await keys({ sort: "inYear", dir: "desc", page: "2" }, bulkFinance)).toEqual([5, 4, 3, 2, 1]);
  });

  it("never repeats or skips a scheme across pages when the sort key ties", async () => {
    // All 30 share a stage, so only the code/id tie-break orders them.
    const first = await keys({ sort: "stage" }, bulkFinance);
    const second = await keys({ sort: "stage", page: "2" }, bulkFinance);
    expect([...first, ...second]).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
  });

  it("pages and totals a filter: 'bulk 1' matches Bulk 1 and Bulk 10-19, one page", async () => {
    const r = await findSchemeRegister(bulkFinance, parseSchemeRegisterQuery({ q: "bulk 1" }, NOW), NOW);
    expect(r.rows.map((row) => bulkKey.get(row.id))).toEqual([1, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19]);
    // In-year £1,000 x (1 + 10 + ... + 19) = £1,000 x 146.
    expect(r.totals).toMatchObject({ count: 11, inYearPence: 14_600_000, riskAdjustedPence: 3_650_000 });
    expect(r.pages).toBe(1);
  });
});
