import { beforeAll, describe, expect, it } from "vitest";
import { findSchemeRegister } from "@/modules/schemes/register/find-scheme-register";
import { parseSchemeRegisterQuery } from "@/modules/schemes/register/register-filter";
import type { Actor } from "@/server/auth/actor";
import { createActor } from "../factories";
import { createRegisterFixture } from "../factories/scheme-rows";
import { useTestDatabase } from "../helpers/test-database";

/**
 * The register's filters and totals on the 15-scheme fixture (tests/factories/scheme-rows.ts),
 * seen by the system's finance office. Every expected id list and total is worked out by hand.
 *
 * Per scheme, in pence: in-year value; risk-adjusted = in-year x weight, rounded half away from 0
 * (T1 planning 60%, else opportunity 25, planning 50, delivery 90, complete 100, side states 0):
 *   s1 45,000,000 -> 11,250,000     s9  60,000,000 -> 30,000,000
 *   s2 120,000,050 -> 72,000,030    s10 30,000,000 -> 27,000,000
 *   s3 25,000,000 -> 22,500,000     s11 10,000,000 -> 2,500,000
 *   s4 8,000,000 -> 8,000,000       s12 6,000,000 -> 6,000,000
 *   s5 10,000,010 -> 9,000,009      s13 2,500,000 -> 0 (rejected)
 *   s6 4,000,000 -> 0 (on hold)     s14 7,000,001 -> 6,300,001 (6,300,000.9)
 *   s7 1,500,000 -> 0 (withdrawn)   s15 2,222,222 -> 1,111,111
 *   s8 750,003 -> 187,501 (187,500.75)
 * YTD (M1-M5 of 2025/26): s1 plan 18,750,000 actual 18,000,000; s2 plan 10,000,000 actual
 * 5,499,999; s4 plan 8,000,000 actual 8,000,001; s9 plan 5,000,000 actual 3,000,000.
 */

const NOW = new Date("2025-09-15T10:00:00.000Z");
let fx: Awaited<ReturnType<typeof createRegisterFixture>>;
let finance: Actor;

/** The register with every stage unless `raw` names one (the default view is tested on its own). */
async function register(raw: Record<string, string> = {}, actor: Actor = finance) {
  const result = await findSchemeRegister(actor, parseSchemeRegisterQuery({ stage: "ALL", ...raw }, NOW), NOW);
  return {
    keys: result.rows.map((r) => fx.keyOf.get(r.id) ?? r.id),
    totals: result.totals,
    rows: result.rows,
    pages: result.pages,
  };
}

const totals = (
  count: number,
  fye: number,
  inYear: number,
  riskAdjusted: number,
  ytdPlan: number,
  ytdActual: number,
) => ({
  count,
  fullYearEffectPence: fye,
  inYearPence: inYear,
  riskAdjustedPence: riskAdjusted,
  ytdPlanPence: ytdPlan,
  ytdActualPence: ytdActual,
  elapsedMonths: 5,
});

describe("scheme register filters and totals", () => {
  useTestDatabase();

  beforeAll(async () => {
    fx = await createRegisterFixture();
    finance = await createActor([{ organisationId: fx.org.ICB, role: "FINANCE", systemWide: true }]);
  });

  it("by default lists the identified schemes only, and counts the on-hold, rejected and withdrawn ones apart", async () => {
    const r = await findSchemeRegister(finance, parseSchemeRegisterQuery({}, NOW), NOW);
    expect(r.rows.map((row) => fx.keyOf.get(row.id))).toEqual([
      "s1",
      "s2",
      "s3",
      "s4",
      "s5",
      "s8",
      "s9",
      "s10",
      "s11",
      "s12",
      "s14",
      "s15",
    ]);
    // All 15 less s6 (on hold, 4,000,000), s7 (withdrawn, 1,500,000) and s13 (rejected, 2,500,000).
    expect(r.totals).toMatchObject({ count: 12, inYearPence: 331_972_286 - 8_000_000, riskAdjustedPence: 195_848_652 });
    expect(r.excluded).toMatchObject({ count: 3, inYearPence: 8_000_000, riskAdjustedPence: 0 });
  });

  it("lists every scheme of the current year with stage=ALL, in code order, with totals of all of them", async () => {
    const r = await register({ stage: "ALL" });
    expect(r.keys).toEqual([
      "s1",
      "s2",
      "s3",
      "s4",
      "s5",
      "s6",
      "s7",
      "s8",
      "s9",
      "s10",
      "s11",
      "s12",
      "s13",
      "s14",
      "s15",
    ]);
    // FYE: T1 268,000,025 + T2 169,833,333; in-year: T1 214,250,063 + T2 117,722,223;
    // risk-adjusted: T1 122,937,540 + T2 72,911,112.
    expect(r.totals).toEqual(totals(15, 437_833_358, 331_972_286, 195_848_652, 41_750_000, 34_500_000));
    expect(r.pages).toBe(1);
  });

  it("shows each row's figures, the risk-adjusted value using the organisation's override", async () => {
    const { rows } = await register({ q: "theatre productivity" });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      title: "Theatre productivity",
      divisionName: "Surgery",
      leadName: "Lead One",
      stage: "PLANNING",
      rag: "AMBER",
      fullYearEffectPence: 150_000_000,
      inYearPence: 120_000_050,
      weightPercent: 60,
      riskAdjustedPence: 72_000_030,
      ytdPlanPence: 10_000_000,
      ytdActualPence: 5_499_999,
    });
  });

  it.each([
    [
      "organisation T1",
      { organisation: "T1" },
      ["s1", "s2", "s3", "s4", "s5", "s6", "s7", "s8"],
      totals(8, 268_000_025, 214_250_063, 122_937_540, 36_750_000, 31_500_000),
    ],
    [
      "organisation T2",
      { organisation: "T2" },
      ["s9", "s10", "s11", "s12", "s13", "s14", "s15"],
      totals(7, 169_833_333, 117_722_223, 72_911_112, 5_000_000, 3_000_000),
    ],
    // 45,000,000 + 120,000,050 + 10,000,010 + 750,003; 11,250,000 + 72,000,030 + 9,000,009 + 187,501
    [
      "division D1",
      { division: "D1" },
      ["s1", "s2", "s5", "s8"],
      totals(4, 223_000_025, 175_750_063, 92_437_540, 28_750_000, 23_499_999),
    ],
    [
      "division D3",
      { division: "D3" },
      ["s9", "s10", "s12", "s13", "s15"],
      totals(5, 142_333_333, 100_722_222, 64_111_111, 5_000_000, 3_000_000),
    ],
    [
      "workstream W3",
      { workstream: "W3" },
      ["s5", "s9", "s10", "s11", "s13", "s15"],
      totals(6, 168_333_358, 114_722_232, 69_611_120, 5_000_000, 3_000_000),
    ],
    // Programme P1 = its workstreams W1 and W2.
    [
      "programme P1",
      { programme: "P1" },
      ["s1", "s2", "s3", "s4", "s7"],
      totals(5, 250_000_000, 199_500_050, 113_750_030, 36_750_000, 31_500_000),
    ],
    [
      "programme PS",
      { programme: "PS" },
      ["s5", "s9", "s10", "s11", "s13", "s15"],
      totals(6, 168_333_358, 114_722_232, 69_611_120, 5_000_000, 3_000_000),
    ],
    // Planning: T1's s2 at 60%, T2's s9 and s15 at 50%.
    [
      "stage planning",
      { stage: "PLANNING" },
      ["s2", "s9", "s15"],
      totals(3, 243_333_333, 182_222_272, 103_111_141, 15_000_000, 8_499_999),
    ],
    // Identified = all but on hold (s6), withdrawn (s7) and rejected (s13), which weigh 0 anyway.
    [
      "stage identified",
      { stage: "IDENTIFIED" },
      ["s1", "s2", "s3", "s4", "s5", "s8", "s9", "s10", "s11", "s12", "s14", "s15"],
      totals(12, 427_833_358, 323_972_286, 195_848_652, 41_750_000, 34_500_000),
    ],
    // s12 is stored red but complete: it shows blue, so it is not "red".
    [
      "RAG red",
      { rag: "RED" },
      ["s1", "s7", "s9", "s14"],
      totals(4, 159_500_000, 113_500_001, 47_550_001, 23_750_000, 21_000_000),
    ],
    ["RAG green", { rag: "GREEN" }, ["s3", "s10", "s15"], totals(3, 73_333_333, 57_222_222, 50_611_111, 0, 0)],
    [
      "RAG complete",
      { rag: "COMPLETE" },
      ["s4", "s12"],
      totals(2, 14_000_000, 14_000_000, 14_000_000, 8_000_000, 8_000_001),
    ],
    ["RAG not rated", { rag: "NONE" }, ["s6", "s8", "s13"], totals(3, 9_000_000, 7_250_003, 187_501, 0, 0)],
    [
      "category income",
      { category: "INCOME" },
      ["s5", "s8", "s12", "s15"],
      totals(4, 22_333_358, 18_972_235, 16_298_621, 0, 0),
    ],
    [
      "non-recurrent",
      { recurrence: "non-recurrent" },
      ["s4", "s5", "s7", "s10", "s13", "s15"],
      totals(6, 68_333_358, 54_222_232, 45_111_120, 8_000_000, 8_000_001),
    ],
    [
      "lead L2",
      { lead: "L2" },
      ["s3", "s4", "s6", "s8"],
      totals(4, 44_000_000, 37_750_003, 30_687_501, 8_000_000, 8_000_001),
    ],
    // Codes are "<org>-CIP-0003": T1's third and T2's third, whatever the case typed.
    ["text in the code", { q: "cip-0003" }, ["s3", "s11"], totals(2, 50_000_000, 35_000_000, 25_000_000, 0, 0)],
    // Title (s2, s9) or description (s8 "More theatre lists..."); the other system's "Theatre scheme" never.
    [
      "text, any case",
      { q: "THEATRE" },
      ["s2", "s8", "s9"],
      totals(3, 241_000_000, 180_750_053, 102_187_531, 15_000_000, 8_499_999),
    ],
    // % is text, not a wildcard: only s5 ("... up 100%").
    ["text with a LIKE wildcard", { q: "%" }, ["s5"], totals(1, 12_000_025, 10_000_010, 9_000_009, 0, 0)],
    ["text with an underscore", { q: "_" }, [], totals(0, 0, 0, 0, 0, 0)],
    [
      "T1, pay, recurrent",
      { organisation: "T1", category: "PAY", recurrence: "recurrent" },
      ["s1", "s2", "s6"],
      totals(3, 215_000_000, 169_000_050, 83_250_030, 28_750_000, 23_499_999),
    ],
    [
      "delivery and green",
      { stage: "DELIVERY", rag: "GREEN" },
      ["s3", "s10"],
      totals(2, 70_000_000, 55_000_000, 49_500_000, 0, 0),
    ],
    [
      "T1 in workstream W3",
      { organisation: "T1", workstream: "W3" },
      ["s5"],
      totals(1, 12_000_025, 10_000_010, 9_000_009, 0, 0),
    ],
    ["T1 led by L3 (a T2 lead)", { organisation: "T1", lead: "L3" }, [], totals(0, 0, 0, 0, 0, 0)],
  ] as const)("%s", async (_name, filter, keys, expected) => {
    const raw: Record<string, string> = {};
    for (const [k, v] of Object.entries(filter)) {
      const table = {
        organisation: fx.org,
        division: fx.division,
        workstream: fx.workstream,
        programme: fx.programme,
        lead: fx.lead,
      } as Record<string, Record<string, string>>;
      raw[k] = table[k]?.[v] ?? v;
    }
    const r = await register(raw);
    expect(r.keys).toEqual(keys);
    expect(r.totals).toEqual(expected);
    // The rows' own figures add up to the totals (everything fits one page here).
    expect(r.rows.reduce((sum, row) => sum + row.riskAdjustedPence, 0)).toBe(expected.riskAdjustedPence);
    expect(r.rows.reduce((sum, row) => sum + row.ytdActualPence, 0)).toBe(expected.ytdActualPence);
  });

  it("chooses the year: 2024/25 holds last year's scheme and s1, a 2025/26 scheme with a 2024/25 month (issue 11)", async () => {
    const r = await register({ year: "2024-25" });
    // lastYear's 2025/26 month of zeros does not bring it into 2025/26 (the tests above count 15).
    expect(r.keys).toEqual(["s1", "lastYear"]);
    // All twelve months of 2024/25 have ended by NOW. s1 counts with the plan of its 2024/25 month
    // as its in-year value (25% at opportunity: 24,999,999.75 -> 25,000,000) and no full-year
    // effect (that is its own year's); last year's scheme has no 2024/25 months.
    expect(r.rows.map((row) => [row.schemeYear, row.fullYearEffectPence, row.inYearPence])).toEqual([
      [2025, 0, 99_999_999],
      [2024, 1_000, 900],
    ]);
    expect(r.totals).toEqual({
      count: 2,
      fullYearEffectPence: 1_000,
      inYearPence: 100_000_899,
      riskAdjustedPence: 25_000_225,
      ytdPlanPence: 99_999_999,
      ytdActualPence: 99_999_999,
      elapsedMonths: 12,
    });
  });

  it("counts no year-to-date months before the year starts", async () => {
    const r = await findSchemeRegister(
      finance,
      parseSchemeRegisterQuery({ year: "2025", stage: "ALL" }, NOW),
      new Date("2025-03-31T23:00:00.000Z"),
    );
    expect(r.totals).toMatchObject({ count: 15, ytdPlanPence: 0, ytdActualPence: 0, elapsedMonths: 0 });
  });

  it("ignores malformed filter values rather than failing", async () => {
    const r = await register({
      organisation: "not-a-uuid",
      stage: "SOMEWHERE",
      rag: "PURPLE",
      page: "-3",
      sort: "DROP TABLE",
      year: "next year",
    });
    // An unknown stage reads as the default, identified: all but s6, s7 and s13.
    expect(r.totals.count).toBe(12);
  });
});
