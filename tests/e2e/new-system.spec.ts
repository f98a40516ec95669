import { expect, test, type Page } from "@playwright/test";
import { monthLabel, type FinancialMonth } from "../../src/lib/financial-year";
import { signIn, signOut, waitForHydration } from "./support/auth";
import { expectNoSeriousA11yViolations } from "./support/axe";
import { card, uniqueSuffix } from "./support/pages";
import { createUserAsAdmin } from "./support/users";

/**
 * Issue 11: any year, any system, any organisation. A platform administrator creates a new
 * integrated care system with its ICB and a mental-health trust; finance at the trust records
 * 2016/17 (£5.2m delivered against a £6.0m plan) and a 2017/18 plan by category, and the
 * dashboard for 2016/17 shows 86.7% of plan delivered. A demo system's view shows CIP, QIPP and
 * their total.
 */

const SUFFIX = uniqueSuffix();
const CODE = SUFFIX.toUpperCase()
  .replace(/[^A-Z0-9]/g, "")
  .slice(-6);
const ODS = (first: string) => `${first}${CODE.slice(-2)}`;
const SYSTEM = `Test Vale and Moor ${SUFFIX}`;
const ICB = `NHS Test Vale and Moor ICB ${SUFFIX}`;
const TRUST = `Test Vale Mental Health NHS Foundation Trust ${SUFFIX}`;
const FINANCE = { name: "Morgan Hale", email: `mh-finance-${SUFFIX}@test.nhs.uk`, password: "a-long-enough-password" };
const MONTHS = Array.from({ length: 12 }, (_, i) => (i + 1) as FinancialMonth);
const cell = (page: Page, row: "Plan" | "Actual", month: FinancialMonth, fy: string) =>
  page.getByLabel(`${row} M${month} ${monthLabel(month)} ${fy}`, { exact: true });

/** Creates a scheme of the signed-in finance user's trust and returns its page's path. */
async function createScheme(
  page: Page,
  scheme: { title: string; category: string; year: string; inYearPounds: number; recurrent: boolean },
) {
  await page.goto("/schemes/new");
  const form = page.locator("main form");
  await waitForHydration(form);
  await form.getByLabel("Title").fill(scheme.title);
  await form.getByLabel("Description").fill(`${scheme.title}: as reported in the trust's financial plan.`);
  await form.getByLabel("Category", { exact: true }).selectOption({ label: scheme.category });
  await form.getByLabel("Recurrent?").selectOption({ label: scheme.recurrent ? "Recurrent" : "Non-recurrent" });
  await form.getByLabel("Financial year").selectOption(scheme.year);
  await form.getByLabel("Full-year effect (£)").fill(String(scheme.inYearPounds));
  await form.getByLabel("In-year value (£)").fill(String(scheme.inYearPounds));
  await form.getByLabel("Start month (optional)").selectOption({ label: "M1 Apr" });
  await form.getByRole("button", { name: "Create scheme" }).click();
  await expect(form.getByRole("status")).toHaveText(/^Scheme MH\w*-CIP-\d+ created\.$/);
  await form.getByRole("link", { name: "Open the new scheme" }).click();
  await expect(page.getByRole("heading", { level: 1, name: scheme.title })).toBeVisible();
}

/** Fills the scheme page's grid for `fy` and saves it. */
async function saveGrid(page: Page, fy: string, rows: { plan: string[]; actual?: string[] }) {
  const grid = card(page, `Monthly financials ${fy}`).locator("form");
  await waitForHydration(grid);
  for (const m of MONTHS) {
    await cell(page, "Plan", m, fy).fill(rows.plan[m - 1]!);
    if (rows.actual) await cell(page, "Actual", m, fy).fill(rows.actual[m - 1]!);
  }
  await grid.getByRole("button", { name: `Save ${fy} financials` }).click();
  await expect(grid.getByRole("status").first()).toHaveText("Saved 12 months.");
}

test("a platform administrator creates a system with its ICB and a mental-health trust; its finance records 2016/17 and plans 2017/18", async ({
  page,
}) => {
  test.setTimeout(600_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  await signIn(page, "platform@demo.nhs.uk");
  await page.goto("/admin");

  // The system and its ICB; an ODS code of the wrong shape is refused on its field first.
  const system = card(page, "Create a system").locator("form");
  await waitForHydration(system);
  await system.getByLabel("System name").fill(SYSTEM);
  await system.getByLabel("ICB name").fill(ICB);
  await system.getByLabel("ICB ODS code").fill("RXN");
  await system.getByLabel("ICB short code").fill(`IC${CODE}`);
  await system.getByRole("button", { name: "Create system" }).click();
  await expect(system.getByLabel("ICB ODS code")).toHaveAccessibleDescription(/starting with Q, for example QE1/);
  await expectNoSeriousA11yViolations(page, "/admin create-system error");
  await system.getByLabel("ICB ODS code").fill(ODS("Q"));
  await system.getByRole("button", { name: "Create system" }).click();
  await expect(system.getByRole("status")).toHaveText(`${SYSTEM} added with ${ICB}. Add its trusts below.`);

  // The mental-health trust in the new system.
  await page.reload();
  const organisation = card(page, "Add an organisation").locator("form");
  await waitForHydration(organisation);
  await organisation.getByLabel("Name").fill(TRUST);
  await organisation.getByLabel("Kind").selectOption({ label: "Mental health trust" });
  await organisation.getByLabel("ODS code").fill(ODS("Q"));
  await organisation.getByLabel("Short code").fill(`MH${CODE}`);
  await organisation.getByLabel("System").selectOption({ label: SYSTEM });
  await organisation.getByRole("button", { name: "Add organisation" }).click();
  await expect(organisation.getByLabel("ODS code")).toHaveAccessibleDescription(/starting with R or T/);
  await organisation.getByLabel("ODS code").fill(ODS("T"));
  await organisation.getByRole("button", { name: "Add organisation" }).click();
  await expect(organisation.getByRole("status")).toHaveText(`${TRUST} added.`);
  await page.reload();
  const row = page.getByRole("row", { name: new RegExp(TRUST) });
  await expect(row).toContainText("Mental health trust");
  await expect(row).toContainText(ODS("T"));
  await expect(page.getByRole("row", { name: new RegExp(ICB) })).toContainText("Integrated care board");
  await page.screenshot({ path: "test-results/admin-new-system-1440.png", fullPage: true });
  await expectNoSeriousA11yViolations(page, "/admin with the new system");

  // Finance at the trust.
  await createUserAsAdmin(page, { ...FINANCE, organisation: TRUST, role: "Finance director / PMO" });
  await signOut(page);
  await signIn(page, FINANCE.email, FINANCE.password);

  // 2016/17: a £6.0m target and plan, £5.2m delivered (eleven months of £433,333.33 and March's .37).
  await page.goto("/finance");
  const target = page.locator("main form").filter({ has: page.getByRole("button", { name: "Save target" }) });
  await waitForHydration(target);
  await target.getByLabel("Financial year").selectOption("2016/17");
  await target.getByLabel("Savings target (£)").fill("6,000,000");
  await target.getByRole("button", { name: "Save target" }).click();
  await expect(target.getByRole("status")).toBeVisible();

  await createScheme(page, {
    title: `Out-of-area placements ${SUFFIX}`,
    category: "Non-pay",
    year: "2016/17",
    inYearPounds: 6_000_000,
    recurrent: true,
  });
  await saveGrid(page, "2016/17", {
    plan: MONTHS.map(() => "500,000"),
    actual: MONTHS.map((m) => (m === 12 ? "433,333.37" : "433,333.33")),
  });

  // 2017/18: a plan by category.
  const plan2017 = [
    { title: `Agency and bank reduction ${SUFFIX}`, category: "Pay", pounds: 3_600_000, recurrent: true },
    { title: `Medicines optimisation ${SUFFIX}`, category: "Non-pay", pounds: 1_200_000, recurrent: false },
    { title: `Income from commissioned beds ${SUFFIX}`, category: "Income", pounds: 600_000, recurrent: true },
  ];
  for (const s of plan2017) {
    await createScheme(page, {
      title: s.title,
      category: s.category,
      year: "2017/18",
      inYearPounds: s.pounds,
      recurrent: s.recurrent,
    });
    await saveGrid(page, "2017/18", { plan: MONTHS.map(() => (s.pounds / 12).toLocaleString("en-GB")) });
  }

  // The 2016/17 dashboard: £5.2m of £6.0m, 86.7% of plan delivered.
  await page.goto("/dashboard?year=2016-17");
  await expect(page.getByRole("main").locator("h1").locator("xpath=preceding-sibling::p")).toHaveText(
    `${TRUST} · 2016/17`,
  );
  const ytd = page.getByRole("heading", { level: 3, name: "Year to date: plan and actual" }).locator("..");
  await expect(ytd).toContainText(/£5\.2m of £6(\.0)?m/);
  await expect(ytd).toContainText("86.7% of plan delivered");
  await page.screenshot({ path: "test-results/dashboard-2016-1440.png", fullPage: true });
  await expectNoSeriousA11yViolations(page, "/dashboard 2016/17 of the new trust");
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: "test-results/dashboard-2016-390.png", fullPage: true });
  await expectNoSeriousA11yViolations(page, "/dashboard 2016/17 at 390 px");
  await page.setViewportSize({ width: 1440, height: 900 });

  // The 2017/18 plan by category (breakdowns are in exact pounds).
  await page.goto("/dashboard?year=2017-18");
  const byCategory = card(page, "By category");
  for (const [label, money] of [
    ["Pay", "£3,600,000"],
    ["Non-pay", "£1,200,000"],
    ["Income", "£600,000"],
  ] as const)
    await expect(byCategory.getByRole("row", { name: new RegExp(`^${label}`) })).toContainText(money);
});

test("the system view of a demo system shows CIP, QIPP and their total", async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await signIn(page, "nel-cfo@demo.nhs.uk");
  await page.goto("/dashboard?org=all");
  const table = card(page, "CIP and QIPP").getByRole("table");
  await expect(table.getByRole("rowheader")).toHaveText(["CIP", "QIPP", "Total"]);
  const identified = await table
    .locator("tbody tr")
    .evaluateAll((rows) => rows.map((r) => r.querySelectorAll("td")[1]?.textContent?.trim() ?? ""));
  expect(identified.every((text) => /^£/.test(text))).toBe(true);
  await page.screenshot({ path: "test-results/dashboard-system-1440.png", fullPage: false });
  await expectNoSeriousA11yViolations(page, "/dashboard?org=all (NEL system)");
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: "test-results/dashboard-system-390.png", fullPage: false });
});
