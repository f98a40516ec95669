import { expect, test, type Page } from "@playwright/test";
import { DEMO, signIn } from "./support/auth";

/**
 * Issue 13 ("one set of figures"): the finance dashboard and the board pack list the same top risks
 * for the same organisation (the dashboard listed the system's shared programmes' risks, the pack
 * did not); the dashboard's stage bar has its legend in bar order with the target marked; the scheme
 * page words WTE movements as the dashboard does (signed per staff group, then the net).
 */

async function riskTitles(page: Page, table: ReturnType<Page["locator"]>): Promise<string[]> {
  await expect(table.locator("tbody tr").first()).toBeVisible();
  return table.locator("tbody tr td:first-child").allInnerTexts();
}

test("the dashboard and the board pack show the same top risks, in the same order", async ({ page }) => {
  await signIn(page, DEMO.finance);
  await page.goto("/dashboard");
  const dashboard = await riskTitles(
    page,
    page.locator("section", { has: page.getByRole("heading", { name: "Top risks" }) }).locator("table"),
  );
  await page.goto("/board");
  const pack = await riskTitles(page, page.locator("#board-risks table"));
  expect(dashboard.length).toBeGreaterThan(0);
  expect(dashboard).toEqual(pack);
});

test("the dashboard's stage bar lists the stages in bar order and marks the target", async ({ page }) => {
  await signIn(page, DEMO.finance);
  await page.goto("/dashboard");
  const card = page.locator("section", { has: page.getByRole("heading", { name: "Maturity by stage" }) });
  const legend = card.locator(".recharts-legend-item-text");
  await expect(legend.first()).toBeVisible();
  const stages = await legend.allInnerTexts();
  // Bar order is the maturity table's row order.
  const rows = await card.locator("table tbody tr th, table tbody tr td:first-child").allInnerTexts();
  expect(stages).toEqual(rows.filter((r) => r !== "Total"));
  // The target line carries the headline target's figure.
  const tile = page.locator("div", { has: page.getByRole("heading", { name: "Target", exact: true }) }).last();
  const headlineTarget = (await tile.locator("p").first().innerText()).trim();
  await expect(card.locator("svg text", { hasText: /^Target £/ })).toHaveText(`Target ${headlineTarget}`);
});

test("the scheme page words WTE movements as the dashboard does", async ({ page }) => {
  await signIn(page, DEMO.finance);
  await page.goto("/schemes?q=BH-CIP-0003");
  await page
    .getByRole("link", { name: /NEL agency rate card/ })
    .first()
    .click();
  const details = page.locator("#details");
  await expect(details.getByText("WTE movements")).toBeVisible();
  // BH-CIP-0003 plans bank staff up by 6 and agency down by 14 (demo data).
  await expect(details).toContainText(
    "Net reduction of 8.00 WTE: Substantive 0.00 (no change), Bank +6.00 (increase), Agency -14.00 (reduction)",
  );
});
