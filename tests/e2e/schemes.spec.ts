import { expect, test, type Locator, type Page } from "@playwright/test";
import { DEMO, mainNav, signIn, signedInContext, waitForHydration } from "./support/auth";
import { expectNoSeriousA11yViolations } from "./support/axe";
import { expectMovedBy } from "./support/money";
import { card, writeForms } from "./support/pages";

/**
 * Schemes and finance: a lead's monthly update reaching the finance dashboard, the board
 * summary printing read-only, month-end close locking the lead out, and the pages' a11y.
 *
 * The tests run in order in one worker (fullyParallel is off): test 3 closes the last ended
 * month, after which test 1's update of that month's actual would be refused.
 */

/** The amount the lead adds to the month's actual: a whole number of £100k steps, so compact "£6.1m" moves by exactly 0.3m. */
const DELTA_PENCE = 300_000 * 100;

/** "12,345.67" (a grid cell text) → pence; blank → 0. */
function cellPence(text: string): number {
  const t = text.replace(/[£,\s]/g, "");
  if (t === "") return 0;
  const [pounds, pence = ""] = t.split(".");
  return Number(pounds) * 100 + Number(pence.padEnd(2, "0"));
}

/** Pence → a form entry in pounds ("12345.67"). */
function poundsText(pence: number): string {
  return `${Math.floor(pence / 100)}.${String(pence % 100).padStart(2, "0")}`;
}

/** The value of a headline tile, e.g. "Year to date: plan and actual" → "£3.2m of £4.1m". */
function tileValue(page: Page, title: string): Locator {
  return card(page, "Headline figures")
    .getByRole("heading", { level: 3, name: title, exact: true })
    .locator("xpath=following-sibling::p[1]");
}

interface DashboardFigures {
  ytdActual: string;
  cumulativeActual: string;
  overdueMonth: number;
  overdue: string[];
}

/** Opens /dashboard (finance's own trust by default) and reads the YTD actual, the month's cumulative actual and the overdue list. */
async function readDashboard(page: Page, month?: number): Promise<DashboardFigures> {
  await page.goto("/dashboard");
  await expect(page.getByRole("heading", { level: 1, name: "Finance dashboard" })).toBeVisible();
  const overdueCard = card(page, "Overdue monthly updates");
  const caption = overdueCard.locator("caption");
  let overdueMonth = month;
  if (overdueMonth === undefined) {
    await expect(caption).toHaveText(/^Active schemes with no monthly update for M\d+$/);
    overdueMonth = Number(/M(\d+)$/.exec((await caption.textContent()) ?? "")![1]);
  }
  const tile = (await tileValue(page, "Year to date: plan and actual").textContent()) ?? "";
  const ytdActual = tile.split(" of ")[0]!;
  const table = page.getByRole("table", { name: "Cumulative plan, forecast and actual by month" });
  const row = table
    .getByRole("row")
    .filter({ has: page.getByRole("rowheader", { name: new RegExp(`^M${overdueMonth} `) }) });
  await expect(row).toHaveCount(1);
  const cumulativeActual = ((await row.getByRole("cell").nth(2).textContent()) ?? "").trim();
  const overdue = (await overdueCard.getByRole("link").allTextContents()).map((t) => t.trim());
  return { ytdActual, cumulativeActual, overdueMonth, overdue };
}

test("a lead submits a monthly update and the finance dashboard changes accordingly", async ({ browser }) => {
  const finance = await signedInContext(browser, DEMO.finance);
  const before = await readDashboard(finance.page);
  await expect(finance.page.getByRole("main").locator("h1").locator("xpath=preceding-sibling::p")).toContainText(
    "Barts Health NHS Trust",
  );
  await expectNoSeriousA11yViolations(finance.page, "/dashboard (finance)");

  const lead = await signedInContext(browser, DEMO.lead);
  const due = card(lead.page, "Due this month");
  await expect(due).toContainText(`Submit the monthly update for M${before.overdueMonth} `);
  const link = due.getByRole("link").first();
  const schemeName = ((await link.textContent()) ?? "").trim();
  expect(before.overdue, "the scheme due is overdue on the dashboard").toContain(schemeName);
  await expectNoSeriousA11yViolations(lead.page, "/ (lead)");
  await link.click();
  await expect(lead.page).toHaveURL(/\/schemes\/[0-9a-f-]{36}$/);
  const updateCard = card(lead.page, `Submit the monthly update for M${before.overdueMonth}`);
  await expect(updateCard).toBeVisible();
  const form = updateCard.locator("form");
  await waitForHydration(form);

  const actual = form.getByLabel(/^Actual saving in M\d+ .* \(£\)$/);
  const label = (
    (await form
      .locator("label")
      .filter({ hasText: /^Actual saving in / })
      .first()
      .textContent()) ?? ""
  ).trim();
  const monthName = /^Actual saving in (.*?) \(£\)/.exec(label)?.[1];
  expect(monthName).toMatch(new RegExp(`^M${before.overdueMonth} `));
  // The stored actual, as the grid shows it, agrees with the form's prefilled value.
  const gridActual = lead.page.getByLabel(`Actual ${monthName}`, { exact: true });
  const stored = cellPence(await gridActual.inputValue());
  expect(cellPence(await actual.inputValue())).toBe(stored);
  await expect(actual).toBeEditable();
  await expectNoSeriousA11yViolations(lead.page, "/schemes/[id] (lead)");

  const commentary = `E2E update ${Date.now().toString(36)}: referral protocol agreed, savings ahead of plan.`;
  await actual.fill(poundsText(stored + DELTA_PENCE));
  await form.getByLabel("Delivery RAG").selectOption({ label: "Amber" });
  await form.getByLabel("Commentary").fill(commentary);
  await form.getByRole("button", { name: `Submit the update for ${monthName}` }).click();
  await expect(form.getByRole("status")).toHaveText(`Monthly update for ${monthName} submitted.`);
  const history = card(lead.page, "Monthly updates").getByRole("listitem").filter({ hasText: commentary });
  await expect(history).toHaveCount(1);
  await expect(history).toContainText(new RegExp(`^M${before.overdueMonth} \\d{4}/\\d{2} · Amber · `));
  await expect
    .poll(async () => cellPence(await gridActual.inputValue()), { message: "the grid shows the new actual" })
    .toBe(stored + DELTA_PENCE);

  const after = await readDashboard(finance.page, before.overdueMonth);
  console.log(
    `YTD ${before.ytdActual} → ${after.ytdActual}; cumulative M${before.overdueMonth} ${before.cumulativeActual} → ${after.cumulativeActual}`,
  );
  expectMovedBy(before.ytdActual, after.ytdActual, DELTA_PENCE, "year-to-date actual");
  expectMovedBy(
    before.cumulativeActual,
    after.cumulativeActual,
    DELTA_PENCE,
    `cumulative actual M${before.overdueMonth}`,
  );
  expect(after.overdue, "the scheme is no longer overdue").not.toContain(schemeName);
  await lead.context.close();
  await finance.context.close();
});

test("the board summary opens from home, has no write controls and hides the app's chrome in print", async ({
  page,
}) => {
  await signIn(page, DEMO.board);
  const boardCard = card(page, "Board summary");
  await expect(boardCard).toBeVisible();
  await boardCard.getByRole("link", { name: "Open the board summary" }).click();
  await expect(page).toHaveURL(/\/board$/);
  await expect(page.getByRole("heading", { level: 1, name: "Board summary" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 3, name: "Target", exact: true })).toBeVisible();
  expect(await writeForms(page), "forms that write on /board").toEqual([]);
  const buttons = (await page.getByRole("button").allTextContents()).map((t) => t.trim()).sort();
  expect(buttons).toEqual(["Print / save as PDF", "Show", "Sign out"]);
  await expectNoSeriousA11yViolations(page, "/board (board member)");

  // The pack's own print check (pages, headers, overlaps) is tests/e2e/board-pack.spec.ts.
  await page.emulateMedia({ media: "print" });
  await expect(page.locator("header[data-app-header]")).toBeHidden();
  await expect(mainNav(page)).toBeHidden();
  await expect(page.getByRole("form", { name: "Choose the organisation and year" })).toBeHidden();
  await expect(page.getByRole("button", { name: "Print / save as PDF" })).toBeHidden();
  await expect(page.getByRole("heading", { level: 2, name: "Executive summary" })).toBeVisible();
  await page.emulateMedia({ media: "screen" });
  await expect(mainNav(page)).toBeVisible();
});

test("finance closes the last ended month and the lead can no longer change its actual", async ({ browser }) => {
  const finance = await signedInContext(browser, DEMO.finance);
  await finance.page.goto("/finance");
  await expect(finance.page.getByRole("heading", { level: 1, name: "Finance settings" })).toBeVisible();
  await expect(finance.page.getByRole("main").locator("h1").locator("xpath=preceding-sibling::p")).toHaveText(
    "Barts Health NHS Trust",
  );
  const targets = finance.page.getByRole("table", { name: "Savings targets of Barts Health NHS Trust" });
  // Year, programme type (CIP / QIPP, issue 11), target.
  await expect(targets.getByRole("row").nth(1)).toContainText(/\d{4}\/\d{2}\s*(CIP|QIPP)\s*£[\d,]+/);
  await expectNoSeriousA11yViolations(finance.page, "/finance (finance)");

  const periods = finance.page.getByRole("table", { name: /^Months of \d{4}\/\d{2} and whether they are closed$/ });
  const openRows = periods
    .getByRole("row")
    .filter({ has: finance.page.getByRole("cell", { name: "Open", exact: true }) });
  await expect(openRows.first()).toBeVisible();
  const lastOpen = openRows.last();
  const monthName = ((await lastOpen.getByRole("rowheader").textContent()) ?? "").trim();
  expect(monthName).toMatch(/^M\d+ \w{3} \d{4}\/\d{2}$/);
  const close = lastOpen.getByRole("button", { name: `Close ${monthName}` });
  await waitForHydration(close);
  await close.click();
  await expect(card(finance.page, `Month-end close, ${monthName.split(" ")[2]}`).getByRole("status")).toHaveText(
    `${monthName} closed.`,
  );
  const closedRow = periods
    .getByRole("row")
    .filter({ has: finance.page.getByRole("rowheader", { name: monthName, exact: true }) });
  await expect(closedRow.getByRole("cell").first()).toHaveText(/^Closed by .+ on /);
  await expect(closedRow.getByRole("button")).toHaveCount(0);
  await finance.context.close();

  const lead = await signedInContext(browser, DEMO.lead);
  const link = card(lead.page, "Due this month").getByRole("link").first();
  await link.click();
  await expect(lead.page).toHaveURL(/\/schemes\/[0-9a-f-]{36}$/);
  const gridActual = lead.page.getByLabel(`Actual ${monthName}`, { exact: true });
  await expect(gridActual).toBeVisible();
  await expect(gridActual).not.toBeEditable();
  await expect(gridActual).toHaveAttribute("aria-describedby", /note-closed/);
  await expect(lead.page.getByText("Closed months' actuals can only be changed by finance.")).toBeVisible();
  const formActual = lead.page.getByLabel(`Actual saving in ${monthName} (£)`);
  await expect(formActual).not.toBeEditable();
  await expect(card(lead.page, `Submit the monthly update for ${monthName.split(" ")[0]}`)).toContainText(
    `${monthName} is closed: only finance can change its actual.`,
  );
  await lead.context.close();
});

test("the register, a scheme, the dashboard and finance settings pass axe; the register's CSV is text/csv", async ({
  page,
}) => {
  test.setTimeout(360_000); // four axe runs over the largest pages
  await signIn(page, DEMO.finance);
  await page.goto("/schemes");
  await expect(page.getByRole("heading", { level: 1, name: "CIP and QIPP scheme register" })).toBeVisible();
  await expectNoSeriousA11yViolations(page, "/schemes (finance)");
  const csv = page.getByRole("link", { name: /^Download CSV/ });
  const href = await csv.getAttribute("href");
  expect(href).toBeTruthy();
  const response = await page.request.get(href!);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toMatch(/^text\/csv/);
  expect((await response.text()).split("\n").length).toBeGreaterThan(1);

  const schemeLink = page
    .getByRole("main")
    .locator('a[href^="/schemes/"]')
    .filter({ hasNotText: /^New scheme$/ })
    .first();
  const schemePath = await schemeLink.getAttribute("href");
  expect(schemePath).toMatch(/^\/schemes\/[0-9a-f-]{36}$/);
  await page.goto(schemePath!);
  await expect(card(page, "Monthly updates")).toBeVisible();
  await expectNoSeriousA11yViolations(page, "/schemes/[id] (finance)");

  for (const [path, title] of [
    ["/dashboard", "Finance dashboard"],
    ["/finance", "Finance settings"],
  ] as const) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
    await expectNoSeriousA11yViolations(page, `${path} (finance)`);
  }
});
