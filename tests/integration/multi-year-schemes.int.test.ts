import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { findSchemesBehindPlan } from "@/modules/board/board-exceptions";
import { findOutturnByStage } from "@/modules/board/board-outturn";
import { financeBreakdowns, financeHeadline } from "@/modules/dashboards/finance-dashboard";
import {
  identifiedByStage,
  monthlyCumulative,
  schemeFigureScope,
  schemeRegister,
  type OrganisationScope,
} from "@/modules/dashboards/scheme-figures";
import { schemesEndpoint } from "@/modules/read-api/endpoints/schemes-endpoint";
import { schemeRegisterCsv } from "@/modules/schemes/register/scheme-register-csv";
import { schemeRegisterXlsx } from "@/modules/schemes/register/scheme-register-xlsx";
import type { Actor } from "@/server/auth/actor";
import { db } from "@/server/db";
import { createActor, createDivision } from "../factories";
import { createLeadUser, createOrderedSystem, createSchemeMonthRows, createSchemeRow } from "../factories/scheme-rows";
import { useTestDatabase } from "../helpers/test-database";

/**
 * Issue 11 item 1: a scheme runs across years. A 2025/26 scheme with months in 2025/26 and
 * 2026/27 counts in both years: in 2025/26 with its figures as entered, in 2026/27 with the plan
 * of its 2026/27 months as its in-year value and no full-year effect (counted in 2025/26 only).
 * Register, dashboard, board summary, exports and the read API agree to the penny in both years.
 */

// 15 Dec 2026: 2025/26 has ended (12 months), 2026/27 has 8 ended months (Apr-Nov).
const now = new Date("2026-12-15T12:00:00Z");
let finance: Actor;
let scope: OrganisationScope;
let divisionId: string;
const ids: Record<"runsOn" | "thisYear" | "zeros", string> = { runsOn: "", thisYear: "", zeros: "" };

const register = (year: number) =>
  schemeRegister(
    scope,
    { filters: { year, stage: "IDENTIFIED" }, sort: "code", dir: "asc", limit: 25, offset: 0 },
    now,
  );

describe("a scheme that runs across financial years", () => {
  useTestDatabase();

  beforeAll(async () => {
    const system = await createOrderedSystem(["Y"]);
    const trust = system.trusts[0]!;
    finance = await createActor([{ organisationId: trust.id, role: "FINANCE" }]);
    scope = schemeFigureScope(finance);
    divisionId = (await createDivision({ organisationId: trust.id, name: "Surgery" })).id;
    const lead = await createLeadUser(trust.id, "Multi Year Lead");
    await db().savingsTarget.createMany({
      data: [
        { organisationId: trust.id, financialYear: 2025, programmeType: "CIP", targetPence: 10_000_000n },
        { organisationId: trust.id, financialYear: 2026, programmeType: "CIP", targetPence: 20_000_000n },
      ],
    });

    // 2025/26, delivery (90%), recurrent, Surgery: £120,000 full-year effect, £60,000 in 2025/26
    // (Oct-Mar), then carrying on in Apr-Sep 2026/27 with £60,000.03 planned.
    const runsOn = await createSchemeRow({
      organisationId: trust.id,
      leadId: lead.id,
      financialYear: 2025,
      title: "Agency nurse reduction",
      stage: "DELIVERY",
      divisionId,
      fullYearEffectPence: 12_000_000,
      inYearPence: 6_000_000,
    });
    ids.runsOn = runsOn.id;
    await createSchemeMonthRows(
      runsOn.id,
      2025,
      [7, 8, 9, 10, 11, 12].map((m) => [m, 1_000_000, 1_000_000, 1_000_001]),
    );
    await createSchemeMonthRows(
      runsOn.id,
      2026,
      [1, 2, 3, 4, 5, 6].map((m) => [m, m === 1 ? 1_000_003 : 1_000_000, 1_000_000, 999_999]),
    );

    // 2026/27, planning (50%), non-recurrent, no division.
    const thisYear = await createSchemeRow({
      organisationId: trust.id,
      leadId: lead.id,
      financialYear: 2026,
      title: "Outpatient letters",
      stage: "PLANNING",
      recurrent: false,
      fullYearEffectPence: 4_000_000,
      inYearPence: 3_000_001,
    });
    ids.thisYear = thisYear.id;
    await createSchemeMonthRows(thisYear.id, 2026, [
      [7, 100_000, 100_000, 90_000],
      [8, 100_000, 100_000, 90_000],
    ]);

    // 2025/26 with 2026/27 months of zeros only: not a scheme of 2026/27.
    const zeros = await createSchemeRow({
      organisationId: trust.id,
      leadId: lead.id,
      financialYear: 2025,
      title: "Stationery",
      stage: "COMPLETE",
      recurrent: false,
      fullYearEffectPence: 50_000,
      inYearPence: 50_000,
    });
    ids.zeros = zeros.id;
    await createSchemeMonthRows(zeros.id, 2025, [[12, 50_000, 50_000, 50_000]]);
    await createSchemeMonthRows(zeros.id, 2026, [[1, 0, 0, 0]]);
  });

  it("lists it in its own year with its figures as entered", async () => {
    const { totals, rows } = await register(2025);
    expect(rows.map((r) => [r.id, r.schemeYear, r.fullYearEffectPence, r.inYearPence, r.riskAdjustedPence])).toEqual([
      [ids.runsOn, 2025, 12_000_000, 6_000_000, 5_400_000],
      [ids.zeros, 2025, 50_000, 50_000, 50_000],
    ]);
    expect(totals).toMatchObject({
      count: 2,
      fullYearEffectPence: 12_050_000,
      inYearPence: 6_050_000,
      riskAdjustedPence: 5_450_000,
      ytdPlanPence: 6_050_000,
      ytdActualPence: 6_050_006,
    });
    const headline = await financeHeadline(scope, 2025, now);
    expect(headline).toMatchObject({
      schemeCount: 2,
      targetPence: 10_000_000,
      identifiedPence: totals.inYearPence,
      riskAdjustedPence: totals.riskAdjustedPence,
      ytdPlanPence: totals.ytdPlanPence,
      ytdActualPence: totals.ytdActualPence,
    });
  });

  it("lists it in the later year with the plan of its months there, no full-year effect", async () => {
    const { totals, rows } = await register(2026);
    // £60,000.03 at 90% = £54,000.027 -> £54,000.03; £30,000.01 at 50% = £15,000.005 -> £15,000.01.
    expect(rows.map((r) => [r.id, r.schemeYear, r.fullYearEffectPence, r.inYearPence, r.riskAdjustedPence])).toEqual([
      [ids.runsOn, 2025, 0, 6_000_003, 5_400_003],
      [ids.thisYear, 2026, 4_000_000, 3_000_001, 1_500_001],
    ]);
    expect(rows.map((r) => [r.ytdPlanPence, r.ytdActualPence])).toEqual([
      [6_000_003, 5_999_994],
      [200_000, 180_000],
    ]);
    expect(totals).toMatchObject({
      count: 2,
      fullYearEffectPence: 4_000_000,
      inYearPence: 9_000_004,
      riskAdjustedPence: 6_900_004,
      elapsedMonths: 8,
      ytdPlanPence: 6_200_003,
      ytdActualPence: 6_179_994,
    });
  });

  it("counts it on the later year's dashboard as the register does (identified = register total)", async () => {
    const headline = await financeHeadline(scope, 2026, now);
    expect(headline).toMatchObject({
      schemeCount: 2,
      targetPence: 20_000_000,
      identifiedPence: 9_000_004,
      unidentifiedPence: 10_999_996,
      riskAdjustedPence: 6_900_004,
      ytdPlanPence: 6_200_003,
      ytdActualPence: 6_179_994,
      // The ended months' actuals; the open months have no figures.
      forecastOutturnPence: 6_179_994,
      recurrentPence: 6_000_003,
      nonRecurrentPence: 3_000_001,
    });
    const stages = await identifiedByStage(scope, 2026);
    expect(stages.filter((s) => s.count > 0)).toEqual([
      { stage: "PLANNING", count: 1, inYearPence: 3_000_001, riskAdjustedPence: 1_500_001 },
      { stage: "DELIVERY", count: 1, inYearPence: 6_000_003, riskAdjustedPence: 5_400_003 },
    ]);
    const months = await monthlyCumulative(scope, 2026, { stage: "IDENTIFIED" });
    expect(months[0]).toMatchObject({ planPence: 1_000_003, actualPence: 999_999 });
    expect(months[7]).toMatchObject({ cumulativePlanPence: 6_200_003, cumulativeActualPence: 6_179_994 });

    const breakdowns = await financeBreakdowns(scope, 2026, now);
    expect(
      breakdowns.division.map((r) => [r.key, r.schemeCount, r.identifiedPence, r.ytdPlanPence, r.ytdActualPence]),
    ).toEqual([
      [divisionId, 1, 6_000_003, 6_000_003, 5_999_994],
      [null, 1, 3_000_001, 200_000, 180_000],
    ]);
  });

  it("shows it on the later year's board summary", async () => {
    const outturn = await findOutturnByStage(scope, 2026, now);
    expect(outturn.find((s) => s.stage === "DELIVERY")).toEqual({
      stage: "DELIVERY",
      deliveredPence: 5_999_994,
      remainingPence: 0,
    });
    const behind = await findSchemesBehindPlan(scope, 2026, now);
    expect(behind.map((b) => [b.id, b.variancePence])).toEqual([
      [ids.thisYear, -20_000],
      [ids.runsOn, -9],
    ]);
  });

  it("exports it with its own year beside the year shown (CSV, Excel, read API)", async () => {
    const { rows } = await register(2026);
    const csv = schemeRegisterCsv(rows, 2026)
      .replace(/^\uFEFF/, "")
      .split("\r\n");
    expect(csv[1]).toMatch(/,Recurrent,2026\/27,0\.00,60000\.03,90,54000\.03,60000\.03,59999\.94,2025\/26$/);
    expect(csv[2]).toMatch(/,Non-recurrent,2026\/27,40000\.00,30000\.01,50,15000\.01,2000\.00,1800\.00,2026\/27$/);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await schemeRegisterXlsx(rows, 2026)) as unknown as ExcelJS.Buffer);
    const ws = wb.getWorksheet("Scheme register")!;
    expect([ws.getCell("O2").value, ws.getCell("P2").value, ws.getCell("U2").value]).toEqual([0, 60000.03, "2025/26"]);
    // The totals row matches the register's totals.
    expect([ws.getCell("O4").value, ws.getCell("P4").value, ws.getCell("S4").value]).toEqual([
      40000, 90000.04, 62000.03,
    ]);

    const api = await schemesEndpoint.page(
      finance,
      { year: 2026, stage: "IDENTIFIED" } as never,
      { limit: 10, offset: 0 },
      now,
    );
    expect(api.total).toBe(2);
    expect(api.rows[0]).toMatchObject({ id: ids.runsOn, financialYear: 2026, schemeYear: 2025 });
  });
});
