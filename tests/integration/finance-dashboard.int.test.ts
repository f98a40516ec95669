import { beforeAll, describe, expect, it } from "vitest";
import { financeBreakdowns, financeHeadline } from "@/modules/dashboards/finance-dashboard";
import { overdueMonthlyUpdates } from "@/modules/dashboards/finance-dashboard-overdue";
import {
  identifiedByStage,
  monthlyCumulative,
  schemeFigureScope,
  schemeRegisterTotals,
} from "@/modules/dashboards/scheme-figures";
import { findSchemeRegister } from "@/modules/schemes/register/find-scheme-register";
import { parseSchemeRegisterQuery } from "@/modules/schemes/register/register-filter";
import type { Actor } from "@/server/auth/actor";
import { db } from "@/server/db";
import { createActor } from "../factories";
import {
  createLeadUser,
  createOrderedSystem,
  createProgrammeWithWorkstreams,
  createSchemeMonthRows,
  createSchemeRow,
  setStageWeight,
} from "../factories/scheme-rows";
import { useTestDatabase } from "../helpers/test-database";

/**
 * The finance dashboard's figures (src/modules/dashboards/finance-dashboard*.ts) on a small
 * hand-built fixture; every expected number below is worked out by hand. NOW = 15 Sep 2025, so
 * M1-M5 of 2025/26 have ended. Weights 25/50/90/100, except T2's delivery at 80%.
 *
 *   key org div ws  stage        cat      rec  cash  in-year      months (plan, forecast, actual)
 *   a   T1  D1  W1  OPPORTUNITY  PAY      yes  yes   10,000,000   M7 -/2,000,000/-; 2024/25 M1 50m (other year)
 *   b   T1  D1  W2  PLANNING     NON_PAY  yes  no    20,000,000   -
 *   c   T1  -   W1  DELIVERY     PAY      no   yes   30,000,001   M1-M6 plan 5m; fc M4 4m, M6 6m; act M1 5m, M2 4.5m, M4 4m
 *   d   T1  D1  -   COMPLETE     INCOME   yes  yes    5,000,000   M1 5,000,000/-/5,000,001
 *   e   T1  D1  W1  ON_HOLD      PAY      yes  yes    7,000,000   M1 1m/-/1m (never counted)
 *   f   T2  D2  W2  DELIVERY     PAY      yes  yes   40,000,000   M1 10m/-/9m; M2 10m/-/11m; M6 10m/12m/7,777,777; M12 10m
 *   g   T2  D2  W2  OPPORTUNITY  NON_PAY  no   no     3,000,003   -
 *   h   T2  -   -   REJECTED     PAY      yes  yes    9,000,000   - (never counted)
 * WTE: a substantive 2.50, b bank 1.25, c agency 0.75, f substantive 1.00, e substantive 9.00.
 * Targets 2025/26: T1 100,000,000; T2 50,000,000. Another system: a delivery scheme and a target.
 */

const NOW = new Date("2025-09-15T10:00:00.000Z");
type Key = "a" | "b" | "c" | "d" | "e" | "f" | "g" | "h";
let ids: Record<Key, string>;
let org: { T1: string; T2: string; ICB: string };
let ws: { W1: string; W2: string };
let div: { D1: string; D2: string };
let system: Actor;
let trust1: Actor;

describe("finance dashboard figures", () => {
  useTestDatabase();

  beforeAll(async () => {
    const { system: sys, icb, trusts } = await createOrderedSystem(["A", "B"]);
    org = { T1: trusts[0]!.id, T2: trusts[1]!.id, ICB: icb!.id };
    div = {
      D1: (await db().division.create({ data: { organisationId: org.T1, name: "Surgery" } })).id,
      D2: (await db().division.create({ data: { organisationId: org.T2, name: "Medicine" } })).id,
    };
    const p1 = await createProgrammeWithWorkstreams({ systemId: sys.id, organisationId: org.T1, workstreams: 1 });
    const ps = await createProgrammeWithWorkstreams({ systemId: sys.id, organisationId: null, workstreams: 1 });
    ws = { W1: p1.workstreams[0]!.id, W2: ps.workstreams[0]!.id };
    const l1 = (await createLeadUser(org.T1, "Lead One")).id;
    const l2 = (await createLeadUser(org.T2, "Lead Two")).id;
    await setStageWeight(org.T2, "DELIVERY", 80);

    const spec: [
      Key,
      "T1" | "T2",
      "D1" | "D2" | null,
      "W1" | "W2" | null,
      string,
      string,
      boolean,
      boolean,
      number,
      [string, number] | null,
    ][] = [
      ["a", "T1", "D1", "W1", "OPPORTUNITY", "PAY", true, true, 10_000_000, ["wteSubstantive", 2.5]],
      ["b", "T1", "D1", "W2", "PLANNING", "NON_PAY", true, false, 20_000_000, ["wteBank", 1.25]],
      ["c", "T1", null, "W1", "DELIVERY", "PAY", false, true, 30_000_001, ["wteAgency", 0.75]],
      ["d", "T1", "D1", null, "COMPLETE", "INCOME", true, true, 5_000_000, null],
      ["e", "T1", "D1", "W1", "ON_HOLD", "PAY", true, true, 7_000_000, ["wteSubstantive", 9]],
      ["f", "T2", "D2", "W2", "DELIVERY", "PAY", true, true, 40_000_000, ["wteSubstantive", 1]],
      ["g", "T2", "D2", "W2", "OPPORTUNITY", "NON_PAY", false, false, 3_000_003, null],
      ["h", "T2", null, null, "REJECTED", "PAY", true, true, 9_000_000, null],
    ];
    ids = {} as Record<Key, string>;
    for (const [key, o, d, w, stage, category, recurrent, cash, inYear, wte] of spec) {
      const row = await createSchemeRow({
        organisationId: org[o],
        leadId: o === "T1" ? l1 : l2,
        title: `Scheme ${key}`,
        divisionId: d ? div[d] : null,
        workstreamId: w ? ws[w] : null,
        stage: stage as never,
        category: category as never,
        recurrent,
        fullYearEffectPence: inYear,
        inYearPence: inYear,
      });
      ids[key] = row.id;
      await db().scheme.update({
        where: { id: row.id },
        data: { cashReleasing: cash, ...(wte ? { [wte[0]]: wte[1] } : {}) },
      });
    }
    await createSchemeMonthRows(ids.a, 2025, [[7, null, 2_000_000, null]]);
    await createSchemeMonthRows(ids.a, 2024, [[1, 50_000_000, 50_000_000, 50_000_000]]);
    await createSchemeMonthRows(ids.c, 2025, [
      [1, 5_000_000, null, 5_000_000],
      [2, 5_000_000, null, 4_500_000],
      [3, 5_000_000, null, null],
      [4, 5_000_000, 4_000_000, 4_000_000],
      [5, 5_000_000, null, null],
      [6, 5_000_000, 6_000_000, null],
    ]);
    await createSchemeMonthRows(ids.d, 2025, [[1, 5_000_000, null, 5_000_001]]);
    await createSchemeMonthRows(ids.e, 2025, [[1, 1_000_000, null, 1_000_000]]);
    await createSchemeMonthRows(ids.f, 2025, [
      [1, 10_000_000, null, 9_000_000],
      [2, 10_000_000, null, 11_000_000],
      [6, 10_000_000, 12_000_000, 7_777_777],
      [12, 10_000_000, null, null],
    ]);
    await db().savingsTarget.createMany({
      data: [
        { organisationId: org.T1, financialYear: 2025, programmeType: "CIP", targetPence: 100_000_000n },
        { organisationId: org.T2, financialYear: 2025, programmeType: "CIP", targetPence: 50_000_000n },
        { organisationId: org.T1, financialYear: 2024, programmeType: "CIP", targetPence: 1_234n },
      ],
    });
    // Monthly updates: b and c have M5; f only M4 (still overdue for M5).
    const update = (schemeId: string, month: number, by: string) => ({
      schemeId,
      financialYear: 2025,
      month,
      rag: "GREEN" as const,
      commentary: "On track",
      submittedById: by,
    });
    await db().monthlyUpdate.createMany({ data: [update(ids.b, 5, l1), update(ids.c, 5, l1), update(ids.f, 4, l2)] });

    // Another system: never counted.
    const other = await createOrderedSystem(["C"]);
    const foreignLead = await createLeadUser(other.trusts[0]!.id, "Foreign Lead");
    const foreign = await createSchemeRow({
      organisationId: other.trusts[0]!.id,
      leadId: foreignLead.id,
      stage: "DELIVERY",
      fullYearEffectPence: 44_400_000,
      inYearPence: 44_400_000,
    });
    await createSchemeMonthRows(foreign.id, 2025, [[1, 5_000_000, 5_000_000, 5_000_000]]);
    await db().savingsTarget.create({
      data: {
        organisationId: other.trusts[0]!.id,
        financialYear: 2025,
        programmeType: "CIP",
        targetPence: 999_999_999n,
      },
    });

    system = await createActor([{ organisationId: org.ICB, role: "FINANCE", systemWide: true }]);
    trust1 = await createActor([{ organisationId: org.T1, role: "BOARD" }]);
  });

  it("computes every headline figure for the system view", async () => {
    expect(await financeHeadline(schemeFigureScope(system), 2025, NOW)).toEqual({
      elapsedMonths: 5,
      schemeCount: 6,
      targetPence: 150_000_000,
      identifiedPence: 108_000_004,
      // a 2,500,000 + b 10,000,000 + c 27,000,001 (27,000,000.9) + d 5,000,000 + f 32,000,000 + g 750,001 (750,000.75)
      riskAdjustedPence: 77_250_002,
      unidentifiedPence: 41_999_996,
      ytdPlanPence: 50_000_000,
      ytdActualPence: 38_500_001,
      ytdVariancePence: -11_499_999,
      // a 2,000,000 + c (5m + 4.5m + 5m + 4m + 5m + 6m) + d 5,000,001 + f (9m + 11m + 12m + 10m)
      forecastOutturnPence: 78_500_001,
      recurrentPence: 75_000_000,
      nonRecurrentPence: 33_000_004,
      cashReleasingPence: 85_000_001,
      wteSubstantiveHundredths: 350,
      wteBankHundredths: 125,
      wteAgencyHundredths: 75,
    });
  });

  it("computes the organisation view of a trust user (and of the system user narrowed to a trust)", async () => {
    expect(await financeHeadline(schemeFigureScope(trust1), 2025, NOW)).toEqual({
      elapsedMonths: 5,
      schemeCount: 4,
      targetPence: 100_000_000,
      identifiedPence: 65_000_001,
      riskAdjustedPence: 44_500_001,
      unidentifiedPence: 34_999_999,
      ytdPlanPence: 30_000_000,
      ytdActualPence: 18_500_001,
      ytdVariancePence: -11_499_999,
      forecastOutturnPence: 36_500_001,
      recurrentPence: 35_000_000,
      nonRecurrentPence: 30_000_001,
      cashReleasingPence: 45_000_001,
      wteSubstantiveHundredths: 250,
      wteBankHundredths: 125,
      wteAgencyHundredths: 75,
    });
    const t2 = await financeHeadline(schemeFigureScope(system, org.T2), 2025, NOW);
    expect([
      t2.targetPence,
      t2.identifiedPence,
      t2.riskAdjustedPence,
      t2.ytdPlanPence,
      t2.ytdActualPence,
      t2.forecastOutturnPence,
    ]).toEqual([50_000_000, 43_000_003, 32_750_001, 20_000_000, 20_000_000, 42_000_000]);
    // A trust user asking for another trust sees nothing at all.
    const none = await financeHeadline(schemeFigureScope(trust1, org.T2), 2025, NOW);
    expect([none.targetPence, none.identifiedPence, none.schemeCount, none.forecastOutturnPence]).toEqual([0, 0, 0, 0]);
  });

  it("gives the stage figures behind the maturity chart", async () => {
    expect(await identifiedByStage(schemeFigureScope(system), 2025)).toEqual([
      { stage: "OPPORTUNITY", count: 2, inYearPence: 13_000_003, riskAdjustedPence: 3_250_001 },
      { stage: "PLANNING", count: 1, inYearPence: 20_000_000, riskAdjustedPence: 10_000_000 },
      { stage: "DELIVERY", count: 2, inYearPence: 70_000_001, riskAdjustedPence: 59_000_001 },
      { stage: "COMPLETE", count: 1, inYearPence: 5_000_000, riskAdjustedPence: 5_000_000 },
    ]);
  });

  it("agrees with the cumulative chart: running plan and actual reach the YTD tiles", async () => {
    const months = await monthlyCumulative(schemeFigureScope(system), 2025, { stage: "IDENTIFIED" });
    // No actual at all in M5, so the actual line stops at M4 (which already holds every YTD actual).
    expect([months[3]!.cumulativePlanPence, months[3]!.cumulativeActualPence]).toEqual([45_000_000, 38_500_001]);
    expect([months[4]!.cumulativePlanPence, months[4]!.cumulativeActualPence]).toEqual([50_000_000, null]);
  });

  it("breaks the figures down by workstream, division, category and organisation", async () => {
    const b = await financeBreakdowns(schemeFigureScope(system), 2025, NOW);
    const row = (
      key: string | null,
      label: string,
      schemeCount: number,
      identifiedPence: number,
      riskAdjustedPence: number,
      ytdPlanPence: number,
      ytdActualPence: number,
    ) => ({
      key,
      label,
      schemeCount,
      identifiedPence,
      riskAdjustedPence,
      ytdPlanPence,
      ytdActualPence,
      ytdVariancePence: ytdActualPence - ytdPlanPence,
    });
    const strip = (rows: (typeof b)["workstream"]) =>
      rows.map((r) => ({
        key: r.key,
        label: r.label,
        schemeCount: r.schemeCount,
        identifiedPence: r.identifiedPence,
        riskAdjustedPence: r.riskAdjustedPence,
        ytdPlanPence: r.ytdPlanPence,
        ytdActualPence: r.ytdActualPence,
        ytdVariancePence: r.ytdVariancePence,
      }));
    const wsName = async (id: string) => (await db().workstream.findUniqueOrThrow({ where: { id } })).name;
    expect(strip(b.workstream)).toEqual([
      row(ws.W2, await wsName(ws.W2), 3, 63_000_003, 42_750_001, 20_000_000, 20_000_000),
      row(ws.W1, await wsName(ws.W1), 2, 40_000_001, 29_500_001, 25_000_000, 13_500_000),
      row(null, "No workstream", 1, 5_000_000, 5_000_000, 5_000_000, 5_000_001),
    ]);
    expect(strip(b.division)).toEqual([
      row(div.D2, "Medicine", 2, 43_000_003, 32_750_001, 20_000_000, 20_000_000),
      row(div.D1, "Surgery", 3, 35_000_000, 17_500_000, 5_000_000, 5_000_001),
      row(null, "No division", 1, 30_000_001, 27_000_001, 25_000_000, 13_500_000),
    ]);
    expect(strip(b.category)).toEqual([
      row("PAY", "Pay", 3, 80_000_001, 61_500_001, 45_000_000, 33_500_000),
      row("NON_PAY", "Non-pay", 2, 23_000_003, 10_750_001, 0, 0),
      row("INCOME", "Income", 1, 5_000_000, 5_000_000, 5_000_000, 5_000_001),
    ]);
    const orgName = async (id: string) => (await db().organisation.findUniqueOrThrow({ where: { id } })).name;
    expect(strip(b.organisation)).toEqual([
      row(org.T1, await orgName(org.T1), 4, 65_000_001, 44_500_001, 30_000_000, 18_500_001),
      row(org.T2, await orgName(org.T2), 2, 43_000_003, 32_750_001, 20_000_000, 20_000_000),
    ]);
  });

  it("drills down to a register whose totals are the breakdown row's figures", async () => {
    const totals = await schemeRegisterTotals(
      schemeFigureScope(system),
      { year: 2025, stage: "IDENTIFIED", workstream: ws.W1 },
      NOW,
    );
    expect([
      totals.count,
      totals.inYearPence,
      totals.riskAdjustedPence,
      totals.ytdPlanPence,
      totals.ytdActualPence,
    ]).toEqual([2, 40_000_001, 29_500_001, 25_000_000, 13_500_000]);
  });

  it("lists the active schemes with no monthly update for the last ended month", async () => {
    const all = await overdueMonthlyUpdates(schemeFigureScope(system), 2025, NOW);
    expect(all.month).toBe(5);
    expect(all.schemes.map((s) => [s.schemeId, s.leadName])).toEqual([
      [ids.a, "Lead One"],
      [ids.f, "Lead Two"],
      [ids.g, "Lead Two"],
    ]);
    expect((await overdueMonthlyUpdates(schemeFigureScope(trust1), 2025, NOW)).schemes.map((s) => s.schemeId)).toEqual([
      ids.a,
    ]);
    expect(all.total).toBe(3);
    // Capped (a trust can owe hundreds): the first by organisation and code, the total still true.
    const first = await overdueMonthlyUpdates(schemeFigureScope(system), 2025, NOW, 2);
    expect([first.total, first.schemes.map((s) => s.schemeId)]).toEqual([3, [ids.a, ids.f]]);
    // The register's noUpdate filter, which the capped list links to, holds the same schemes.
    const register = await findSchemeRegister(system, parseSchemeRegisterQuery({ noUpdate: "5" }, NOW), NOW);
    expect([register.totals.count, register.rows.map((r) => r.id)]).toEqual([3, [ids.a, ids.f, ids.g]]);
    // Before the year's first month has ended nothing is overdue.
    expect(
      (await overdueMonthlyUpdates(schemeFigureScope(system), 2025, new Date("2025-04-20T00:00:00Z"))).schemes,
    ).toEqual([]);
  });
});
