import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { resetEnvCache } from "@/env";
import { financialYearOf, formatFinancialYear } from "@/lib/financial-year";
import { financeHeadline } from "@/modules/dashboards/finance-dashboard";
import { schemeFigureScope, schemeRegister } from "@/modules/dashboards/scheme-figures";
import { setProgrammeTargetSchema } from "@/modules/programmes/programme-schemas";
import { saveSchemeMonthsSchema, setSavingsTargetSchema } from "@/modules/schemes/financials/financials-schemas";
import { saveSchemeMonths } from "@/modules/schemes/financials/save-scheme-months";
import { setSavingsTarget } from "@/modules/schemes/financials/set-savings-target";
import { createSchemeSchema } from "@/modules/schemes/scheme-schemas";
import { createScheme } from "@/modules/schemes/scheme-writes";
import type { Actor } from "@/server/auth/actor";
import { db } from "@/server/db";
import { configuredYearRange } from "@/server/financial-year-range";
import {
  createSchemeRow,
  createSchemeWorld,
  expectFieldErrors,
  schemeForm,
  writesNothing,
  type SchemeWorld,
} from "../factories/schemes";
import { runAction } from "../helpers/db-state";
import { useTestDatabase } from "../helpers/test-database";

/**
 * Item 1 of issue 11: one financial-year range (default 2010/11 to five years ahead) behind every
 * validator; a past year's scheme, target and actuals can be recorded and are shown.
 */

let w: SchemeWorld;
let finance: Actor;
const thisYear = financialYearOf(new Date());
const tooLate = formatFinancialYear(thisYear + 6);

const createIn = (financialYear: string) =>
  runAction(createSchemeSchema, createScheme, finance, schemeForm(w.trustId, { financialYear }));
const targetIn = (financialYear: string) =>
  runAction(setSavingsTargetSchema, setSavingsTarget, finance, {
    organisationId: w.trustId,
    financialYear,
    target: "6,000,000",
  });

describe("financial years", () => {
  useTestDatabase();

  beforeAll(async () => {
    w = await createSchemeWorld();
    finance = w.actors["FINANCE at the trust"];
  });

  afterEach(() => {
    delete process.env.FINANCIAL_YEARS_FROM;
    delete process.env.FINANCIAL_YEARS_AHEAD;
    resetEnvCache();
  });

  it("runs by default from 2010/11 to five years after this financial year", () => {
    expect(configuredYearRange()).toEqual({ first: 2010, last: thisYear + 5 });
  });

  it.each(["2010/11", "2016/17", formatFinancialYear(thisYear + 5)])("accepts a scheme of %s", async (year) => {
    const result = await createIn(year);
    expect(result.ok, result.ok ? "" : JSON.stringify(result.fieldErrors)).toBe(true);
    if (!result.ok) return;
    const scheme = await db().scheme.findUniqueOrThrow({ where: { id: result.data.id } });
    expect(formatFinancialYear(scheme.financialYear)).toBe(year);
  });

  it.each([
    ["2009/10", "2009/10 is outside the financial years this service holds (2010/11 to "],
    [tooLate, `${tooLate} is outside the financial years this service holds`],
  ])("refuses a scheme of %s, writing nothing", async (year, message) => {
    const result = await writesNothing(() => createIn(year));
    expectFieldErrors(result, "VALIDATION", { financialYear: message });
  });

  it("refuses a savings target, a programme target and a month grid outside the range", async () => {
    expectFieldErrors(await writesNothing(() => targetIn("2009/10")), "VALIDATION", { financialYear: /outside/ });
    const programmeTarget = setProgrammeTargetSchema.safeParse({
      programmeId: w.trustId,
      financialYear: tooLate,
      target: "1",
    });
    expect(programmeTarget.error?.issues.map((i) => i.message)).toEqual([
      expect.stringContaining(`${tooLate} is outside the financial years`),
    ]);
    const scheme = await createSchemeRow({ organisationId: w.trustId, leadId: w.leadId, financialYear: 2016 });
    const grid = await writesNothing(() =>
      runAction(saveSchemeMonthsSchema, saveSchemeMonths, finance, {
        schemeId: scheme.id,
        version: "1",
        financialYear: "2008/09",
        "actual.1": "1",
      }),
    );
    expectFieldErrors(grid, "VALIDATION", { financialYear: /2008\/09 is outside/ });
  });

  it("follows the one setting: FINANCIAL_YEARS_FROM and FINANCIAL_YEARS_AHEAD", async () => {
    process.env.FINANCIAL_YEARS_FROM = "2016";
    process.env.FINANCIAL_YEARS_AHEAD = "1";
    resetEnvCache();
    expect(configuredYearRange()).toEqual({ first: 2016, last: thisYear + 1 });
    expectFieldErrors(await writesNothing(() => createIn("2015/16")), "VALIDATION", {
      financialYear: `2015/16 is outside the financial years this service holds (2016/17 to ${formatFinancialYear(thisYear + 1)})`,
    });
    expectFieldErrors(await writesNothing(() => createIn(formatFinancialYear(thisYear + 2))), "VALIDATION", {
      financialYear: /outside/,
    });
    expect((await createIn("2016/17")).ok).toBe(true);
  });

  it("records 2016/17 actuals against plan and shows them on the register and the dashboard", async () => {
    // A trust of its own, so the schemes of the tests above are not counted.
    w = await createSchemeWorld();
    finance = w.actors["FINANCE at the trust"];
    const other = w.otherTrustId;
    expect((await targetIn("2016/17")).ok).toBe(true);
    const scheme = await createSchemeRow({
      organisationId: w.trustId,
      leadId: w.leadId,
      financialYear: 2016,
      stage: "DELIVERY",
    });
    const cells: Record<string, string> = {};
    // £6.0m planned over the year, £5.2m delivered: £500k a month planned, £433,333.33 delivered
    // in eleven months and £433,333.37 in March.
    for (let m = 1; m <= 12; m++) {
      cells[`plan.${m}`] = "500,000";
      cells[`actual.${m}`] = m === 12 ? "433,333.37" : "433,333.33";
    }
    const saved = await runAction(saveSchemeMonthsSchema, saveSchemeMonths, finance, {
      schemeId: scheme.id,
      version: "1",
      financialYear: "2016/17",
      ...cells,
    });
    expect(saved.ok, saved.ok ? "" : JSON.stringify(saved.fieldErrors)).toBe(true);

    const scope = schemeFigureScope(finance);
    const headline = await financeHeadline(scope, 2016);
    expect(headline).toMatchObject({
      elapsedMonths: 12,
      schemeCount: 1,
      targetPence: 600_000_000,
      ytdPlanPence: 600_000_000,
      ytdActualPence: 520_000_000,
    });
    expect(Math.round((headline.ytdActualPence / headline.ytdPlanPence) * 1000) / 10).toBe(86.7);

    const register = await schemeRegister(scope, {
      filters: { year: 2016 },
      sort: "code",
      dir: "asc",
      limit: 25,
      offset: 0,
    });
    expect(register.rows.map((r) => r.id)).toEqual([scheme.id]);
    expect(register.totals).toMatchObject({ count: 1, ytdPlanPence: 600_000_000, ytdActualPence: 520_000_000 });
    expect(schemeFigureScope(finance, other)).toEqual([]);
  });
});
