import { beforeAll, describe, expect, it } from "vitest";
import {
  identifiedByStage,
  monthlyCumulative,
  schemeFigureScope,
  schemeRegisterTotals,
} from "@/modules/dashboards/scheme-figures";
import type { Actor } from "@/server/auth/actor";
import { createActor } from "../factories";
import { createRegisterFixture } from "../factories/scheme-rows";
import { useTestDatabase } from "../helpers/test-database";

/**
 * The finance dashboard's scheme figures (src/modules/dashboards/scheme-figures.ts) on the
 * 15-scheme fixture of tests/factories/scheme-rows.ts, against figures worked out by hand.
 */

const NOW = new Date("2025-09-15T10:00:00.000Z");
let fx: Awaited<ReturnType<typeof createRegisterFixture>>;
let system: Actor;
let trust1: Actor;

const stage = (s: string, count: number, inYearPence: number, riskAdjustedPence: number) => ({
  stage: s,
  count,
  inYearPence,
  riskAdjustedPence,
});
// [month, plan, forecast, actual, cumulative plan, cumulative forecast, cumulative actual]
type MonthRow = [number, number, number, number | null, number, number, number | null];
const month = ([m, plan, forecast, actual, cumPlan, cumForecast, cumActual]: MonthRow) => ({
  month: m,
  planPence: plan,
  forecastPence: forecast,
  actualPence: actual,
  cumulativePlanPence: cumPlan,
  cumulativeForecastPence: cumForecast,
  cumulativeActualPence: cumActual,
});

describe("scheme figures for the finance dashboard", () => {
  useTestDatabase();

  beforeAll(async () => {
    fx = await createRegisterFixture();
    system = await createActor([{ organisationId: fx.org.ICB, role: "FINANCE", systemWide: true }]);
    trust1 = await createActor([{ organisationId: fx.org.T1, role: "BOARD" }]);
  });

  it("sums in-year and risk-adjusted value by identified stage, in gateway order", async () => {
    expect(await identifiedByStage(schemeFigureScope(system), 2025)).toEqual([
      // s1 45,000,000 + s8 750,003 + s11 10,000,000; 11,250,000 + 187,501 + 2,500,000
      stage("OPPORTUNITY", 3, 55_750_003, 13_937_501),
      // s2 120,000,050 (T1: 60%) + s9 60,000,000 + s15 2,222,222; 72,000,030 + 30,000,000 + 1,111,111
      stage("PLANNING", 3, 182_222_272, 103_111_141),
      // s3 25,000,000 + s5 10,000,010 + s10 30,000,000 + s14 7,000,001; 22,500,000 + 9,000,009 + 27,000,000 + 6,300,001
      stage("DELIVERY", 4, 72_000_011, 64_800_010),
      stage("COMPLETE", 2, 14_000_000, 14_000_000),
    ]);
  });

  it("narrows by stage to one organisation, and fills empty stages with zeros", async () => {
    expect(await identifiedByStage(schemeFigureScope(trust1), 2025)).toEqual([
      stage("OPPORTUNITY", 2, 45_750_003, 11_437_501),
      stage("PLANNING", 1, 120_000_050, 72_000_030),
      stage("DELIVERY", 2, 35_000_010, 31_500_009),
      stage("COMPLETE", 1, 8_000_000, 8_000_000),
    ]);
    // A year with no schemes at all.
    expect(
      (await identifiedByStage(schemeFigureScope(system), 2030)).every(
        (s) => s.count === 0 && s.inYearPence === 0 && s.riskAdjustedPence === 0,
      ),
    ).toBe(true);
  });

  it("takes the register's filters too (e.g. a drill-down by workstream)", async () => {
    // W3: s5 (delivery), s9 and s15 (planning), s10 (delivery), s11 (opportunity); s13 is rejected.
    expect(await identifiedByStage(schemeFigureScope(system), 2025, { workstream: fx.workstream.W3 })).toEqual([
      stage("OPPORTUNITY", 1, 10_000_000, 2_500_000),
      stage("PLANNING", 2, 62_222_222, 31_111_111),
      stage("DELIVERY", 2, 40_000_010, 36_000_009),
      stage("COMPLETE", 0, 0, 0),
    ]);
  });

  it("gives plan, forecast and actual per month with running totals; actual stops where none is recorded", async () => {
    // s1: plan and forecast 3,750,000 every month, actual M1-M5 3.0m, 3.5m, 4.0m, 3.75m, 3.75m.
    // s2: plan 2,000,000 M1-M5 and 5,000,000 M6; forecast M6 6,000,000; actual M1 1.0m, M2 2.5m, M5 1,999,999.
    // s4: plan M1 8,000,000, actual M1 8,000,001. s9: plan 1,000,000 M1-M5 and 7,000,000 M12;
    // forecast M4 900,000, M5 1,100,000; actual M1 1.2m, M2 0.8m, M3 1.0m.
    // Left out: s1's 2024/25 month, last year's scheme's 2025/26 month, the other system.
    const rows: MonthRow[] = [
      [1, 14_750_000, 3_750_000, 13_200_001, 14_750_000, 3_750_000, 13_200_001],
      [2, 6_750_000, 3_750_000, 6_800_000, 21_500_000, 7_500_000, 20_000_001],
      [3, 6_750_000, 3_750_000, 5_000_000, 28_250_000, 11_250_000, 25_000_001],
      [4, 6_750_000, 4_650_000, 3_750_000, 35_000_000, 15_900_000, 28_750_001],
      [5, 6_750_000, 4_850_000, 5_749_999, 41_750_000, 20_750_000, 34_500_000],
      [6, 8_750_000, 9_750_000, null, 50_500_000, 30_500_000, null],
      [7, 3_750_000, 3_750_000, null, 54_250_000, 34_250_000, null],
      [8, 3_750_000, 3_750_000, null, 58_000_000, 38_000_000, null],
      [9, 3_750_000, 3_750_000, null, 61_750_000, 41_750_000, null],
      [10, 3_750_000, 3_750_000, null, 65_500_000, 45_500_000, null],
      [11, 3_750_000, 3_750_000, null, 69_250_000, 49_250_000, null],
      [12, 10_750_000, 3_750_000, null, 80_000_000, 53_000_000, null],
    ];
    expect(await monthlyCumulative(schemeFigureScope(system), 2025)).toEqual(rows.map(month));
  });

  it("agrees with the register: cumulative plan and actual at the last ended month are its YTD totals", async () => {
    const [months, totals] = await Promise.all([
      monthlyCumulative(schemeFigureScope(trust1), 2025),
      schemeRegisterTotals(schemeFigureScope(trust1), { year: 2025 }, NOW),
    ]);
    const m5 = months[totals.elapsedMonths - 1]!;
    // T1: s1, s2, s4 -> plan 18,750,000 + 10,000,000 + 8,000,000; actual 18,000,000 + 5,499,999 + 8,000,001.
    expect([m5.cumulativePlanPence, m5.cumulativeActualPence]).toEqual([36_750_000, 31_500_000]);
    expect([totals.ytdPlanPence, totals.ytdActualPence]).toEqual([36_750_000, 31_500_000]);
  });

  it("returns twelve zero months (and no actuals) for a scope with nothing in it", async () => {
    const months = await monthlyCumulative(schemeFigureScope(trust1, fx.org.T2), 2025);
    expect(months).toHaveLength(12);
    expect(
      months.every(
        (m) =>
          m.planPence === 0 &&
          m.cumulativeForecastPence === 0 &&
          m.actualPence === null &&
          m.cumulativeActualPence === null,
      ),
    ).toBe(true);
  });
});
