import { expect, test } from "@playwright/test";
import { financialYearOf, formatFinancialYear } from "../../src/lib/financial-year";
import { formatYearParam } from "../../src/lib/financial-year-range";
import { signIn } from "./support/auth";
import { expectNoSeriousA11yViolations } from "./support/axe";
import { queryE2eDatabase } from "./support/database";
import { LTH, uniqueSuffix } from "./support/pages";

/**
 * Issue 11 item 1: a scheme runs across years. A scheme of last year with months in this year is
 * listed in this year's register ("Continues from"), with the plan of its months this year as its
 * in-year value and its full-year effect left to its own year; last year's register shows it with
 * its figures as entered. The scheme is written to the database directly (the grid's own tests
 * cover entering months) at Lancashire, whose figures no other spec reads, and removed after.
 */

const thisYear = financialYearOf(new Date());
const lastYear = thisYear - 1;
const title = `Theatre list utilisation ${uniqueSuffix()}`;
let schemeId = "";

test.beforeAll(async () => {
  const [org] = await queryE2eDatabase<{ id: string; lead_id: string; next: number }>(
    `SELECT o.id, (SELECT u.id FROM app_user u WHERE u.email = $1) AS lead_id,
            (SELECT COALESCE(max(code_number), 0) + 1 FROM scheme WHERE organisation_id = o.id) AS next
     FROM organisation o WHERE o.code = 'LTH'`,
    [LTH.finance],
  );
  const [scheme] = await queryE2eDatabase<{ id: string }>(
    `INSERT INTO scheme (organisation_id, lead_id, code, code_number, type, title, description, category, recurrent,
                         financial_year, full_year_effect_pence, in_year_value_pence, stage)
     VALUES ($1, $2, 'LTH-CIP-' || lpad($3::int::text, 4, '0'), $3::int, 'CIP', $4, 'Runs into the next year', 'PAY', true,
             $5, 24000000, 12000000, 'DELIVERY')
     RETURNING id`,
    [org!.id, org!.lead_id, org!.next, title, lastYear],
  );
  schemeId = scheme!.id;
  // Last year: £20,000 a month from October (£120,000). This year: £20,000.01 a month for April to September.
  await queryE2eDatabase(
    `INSERT INTO scheme_month (scheme_id, financial_year, month, plan_pence, forecast_pence)
     SELECT $1::uuid, $2::int, m, 2000000, 2000000 FROM generate_series(7, 12) m
     UNION ALL SELECT $1::uuid, $3::int, m, 2000001, 2000001 FROM generate_series(1, 6) m`,
    [schemeId, lastYear, thisYear],
  );
});

test.afterAll(async () => {
  if (schemeId) await queryE2eDatabase(`DELETE FROM scheme WHERE id = $1`, [schemeId]);
});

test("a scheme of last year with months this year is in this year's register with its figures for the year", async ({
  page,
}) => {
  await signIn(page, LTH.finance);
  const row = () => page.getByRole("row").filter({ has: page.getByRole("link", { name: title }) });

  await page.goto(`/schemes?year=${formatYearParam(thisYear)}&q=${encodeURIComponent(title)}`);
  await expect(page.getByRole("heading", { level: 1, name: "CIP and QIPP scheme register" })).toBeVisible();
  const later = row();
  await expect(later).toHaveCount(1);
  await expect(later).toContainText(
    `Continues from ${formatFinancialYear(lastYear)}: its plan for ${formatFinancialYear(thisYear)}`,
  );
  // In-year value: the plan of its six months this year, £120,000.06 (compact "£120k"); full-year effect: in its own year.
  await expect(later.locator("[data-register-value]")).toHaveText("£120k");
  await expect(later).toContainText(`in ${formatFinancialYear(lastYear)}`);
  const totals = page.getByRole("region", { name: /^Totals for 1 matching scheme/ });
  await expect(totals).toContainText("£120,000.06");
  await expect(page.getByText(/A scheme of another year with figures in .* months is listed too/)).toBeVisible();
  await expectNoSeriousA11yViolations(page, "/schemes (a scheme continuing from last year)");

  await page.goto(`/schemes?year=${formatYearParam(lastYear)}&q=${encodeURIComponent(title)}`);
  const own = row();
  await expect(own).toHaveCount(1);
  await expect(own).not.toContainText("Continues from");
  await expect(own.locator("[data-register-value]")).toHaveText("£120k");
  await expect(page.getByRole("region", { name: /^Totals for 1 matching scheme/ })).toContainText("£240,000");
});
