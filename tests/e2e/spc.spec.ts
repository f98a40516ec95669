import { expect, test } from "@playwright/test";
import { DEMO, signIn } from "./support/auth";
import { expectNoSeriousA11yViolations } from "./support/axe";

/**
 * SPC ("Making Data Count", issue 14): a board member reads the summary-icons table and SPC
 * charts with special-cause points on the board summary and prints it to PDF; finance records a
 * change point on the savings chart and sees the chart rebased. axe on every page visited.
 */

test("a board member sees the icons table and an SPC chart with a special cause, and prints the summary", async ({
  page,
}) => {
  await signIn(page, DEMO.board);
  await page.goto("/board");
  const icons = page.getByRole("region", { name: "Making Data Count: summary icons" });
  const table = icons.getByRole("table");
  await expect(table.getByRole("columnheader")).toHaveText(["Metric", "Latest", "Target", "Variation", "Assurance"]);
  await expect(table.getByRole("rowheader", { name: "Savings delivered in the month" })).toBeVisible();
  await expect(table.getByRole("rowheader", { name: "Variance from plan in the month" })).toBeVisible();
  // Every icon has its words: an img with a name, and the short label beside it.
  const iconImages = table.getByRole("img");
  expect(await iconImages.count()).toBeGreaterThan(2);
  for (const name of await iconImages.evaluateAll((els) => els.map((e) => e.getAttribute("aria-label")))) {
    expect(name).toMatch(/^(Common cause|Special cause|Consistently|Hit and miss)/);
  }

  const charts = page.getByRole("region", { name: "Making Data Count: SPC charts" });
  const special = charts.locator('circle[data-class="improvement"], circle[data-class="concern"]');
  expect(await special.count()).toBeGreaterThan(0);
  await expect(charts.getByRole("figure").first()).toBeVisible();
  await expect(charts.getByRole("figure").first().getByRole("img").first()).toHaveAttribute("aria-label", /.+/);
  // The table equivalent of a chart opens and reads each point's class in words.
  const first = charts.getByRole("figure").first();
  await first.getByText("Show the chart as a table").click();
  await expect(first.getByRole("table").getByRole("row").nth(1)).toContainText(/Common cause|Special cause|No limits/);
  await expectNoSeriousA11yViolations(page, "/board");

  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("navigation").first()).toBeHidden();
  await expect(charts.locator("svg[viewBox]").first()).toBeVisible();
  const pdf = await page.pdf({ format: "A4", landscape: true, printBackground: true });
  expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
  expect(pdf.length).toBeGreaterThan(20_000);
});

test("finance records a change point on the savings chart and the chart is rebased", async ({ page }) => {
  await signIn(page, DEMO.finance);
  await page.goto("/dashboard");
  const variance = page.locator("#savings-variance-spc-title").locator("xpath=../..");
  await expect(variance.locator("[data-segment]")).toHaveCount(1);
  await variance.getByText("Chart settings and change points").click();
  await variance.getByLabel("Financial year").selectOption({ index: 0 });
  await variance.getByLabel("First month of the new process").selectOption("7");
  await variance.getByRole("button", { name: "Record change point" }).click();
  // The field's own message (the error summary above the form links to it with the same words).
  await expect(variance.locator("#savings-variance-spc-change-reason-error")).toContainText(
    "Enter the reason for the change",
  );
  await expect(variance.getByRole("link", { name: "Enter the reason for the change" })).toBeVisible();
  await variance.getByLabel("What changed").fill("New agency cap across the trust");
  await variance.getByRole("button", { name: "Record change point" }).click();
  await expect(variance.getByText("Change point recorded: the chart is rebased from that month.")).toBeVisible();
  await page.reload();
  await expect(variance.getByText(/From Oct \d{4}\/\d{2}: New agency cap across the trust/)).toBeVisible();
  await expect(variance.locator("[data-segment]")).toHaveCount(2);
  await expectNoSeriousA11yViolations(page, "/dashboard");
});
