import { expect, test } from "@playwright/test";
import { DEMO, signIn, waitForHydration } from "./support/auth";
import { expectNoSeriousA11yViolations } from "./support/axe";
import { card } from "./support/pages";

/**
 * The monthly financials grid against a finance workbook (issue 13 item 5): all twelve months
 * and the full-year total visible at 1280 px, a variance row (actual − plan) and cumulative rows
 * worked from the cells, whole pounds unless pence were entered, and each figure entered in one
 * place only: the monthly update owns its month's actual and the later forecasts.
 */

/** "£12,345.67" / "-£1,200" / "12,345" → pence. */
function pence(text: string): number {
  const t = text
    .replace("(adverse)", "")
    .replace(/[£,\s+]/g, "")
    .replace("−", "-");
  if (t === "" || t === "—") return 0;
  const negative = t.startsWith("-");
  const [pounds, p = ""] = t.replace("-", "").split(".");
  const value = Number(pounds) * 100 + Number(p.padEnd(2, "0"));
  return negative ? -value : value;
}

test("the grid fits 1280 px, works out variance and cumulative rows, and leaves the update's figures to the update", async ({
  page,
}) => {
  test.setTimeout(240_000);
  await page.setViewportSize({ width: 1280, height: 900 });
  await signIn(page, DEMO.lead);
  await card(page, "Due this month").getByRole("link").first().click();
  await expect(page).toHaveURL(/\/schemes\/[0-9a-f-]{36}$/);

  const updateTitle = (await page.locator("#monthly-update h2").textContent()) ?? "";
  const updateMonth = Number(/for M(\d+)$/.exec(updateTitle.trim())![1]);
  const grid = page
    .locator("form")
    .filter({ has: page.locator(`input[name="actual.${updateMonth}"]`) })
    .first();
  await waitForHydration(grid);

  // One input per figure: the update month's actual and the later forecasts are read-only in the grid.
  const editable = await page
    .locator("main input")
    .evaluateAll((inputs) =>
      inputs
        .filter((i) => !(i as HTMLInputElement).readOnly && (i as HTMLInputElement).type !== "hidden")
        .map((i) => (i as HTMLInputElement).name),
    );
  const counts = (name: string) => editable.filter((n) => n === name).length;
  expect(counts(`actual.${updateMonth}`) + counts("actual"), "the month's actual has one input").toBe(1);
  for (let m = updateMonth + 1; m <= 12; m++) expect(counts(`forecast.${m}`), `forecast M${m} has one input`).toBe(1);
  await expect(grid.getByText("are entered in the monthly update below")).toBeVisible();

  // All twelve months and the full year fit without scrolling the grid's box at 1280 px.
  const box = grid.locator("div.overflow-x-auto").first();
  const { scrollWidth, clientWidth } = await box.evaluate((el) => ({
    scrollWidth: el.scrollWidth,
    clientWidth: el.clientWidth,
  }));
  expect(scrollWidth, "the grid's box does not scroll at 1280 px").toBeLessThanOrEqual(clientWidth);
  const fullYear = grid.getByRole("columnheader", { name: "Full year" });
  await fullYear.scrollIntoViewIfNeeded();
  await expect(fullYear).toBeInViewport();
  const right = await fullYear.evaluate((el) => el.getBoundingClientRect().right);
  expect(right, "the full-year column is within the window at 1280 px").toBeLessThanOrEqual(1280);

  // The worked rows agree with the cells: variance = actual − plan, cumulative = running sums.
  const cell = async (row: string, m: number) => pence(await grid.locator(`input[name="${row}.${m}"]`).inputValue());
  const worked = async (label: string, m: number) =>
    pence(
      (
        (await grid
          .getByRole("row", { name: new RegExp(`^${label}`) })
          .getByRole("cell")
          .nth(m - 1)
          .textContent()) ?? ""
      ).trim(),
    );
  let cumulativePlan = 0;
  let cumulativeActual = 0;
  for (let m = 1; m < updateMonth; m++) {
    const plan = await cell("plan", m);
    const actual = await cell("actual", m);
    cumulativePlan += plan;
    cumulativeActual += actual;
    expect(await worked("Variance \\(actual − plan\\)", m), `variance M${m}`).toBe(actual - plan);
    expect(await worked("Cumulative plan", m), `cumulative plan M${m}`).toBe(cumulativePlan);
    expect(await worked("Cumulative actual", m), `cumulative actual M${m}`).toBe(cumulativeActual);
    expect(await worked("Cumulative variance", m), `cumulative variance M${m}`).toBe(cumulativeActual - cumulativePlan);
  }
  // Whole pounds: a cell without pence shows none.
  const texts = await grid
    .locator('input[name^="plan."]')
    .evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));
  for (const text of texts) if (text && pence(text) % 100 === 0) expect(text).not.toContain(".");
  await expectNoSeriousA11yViolations(page, "/schemes/[id] grid at 1280 px");
});
