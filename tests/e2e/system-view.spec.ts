import { expect, test } from "@playwright/test";
import { DEMO, signIn } from "./support/auth";
import { expectNoSeriousA11yViolations } from "./support/axe";

/**
 * Issue 13 item 10: an ICB finance director with a system-wide role lands on the system view of
 * the finance dashboard, with one organisation picker on the page; a trust's finance director
 * lands on their trust.
 */

test("the ICB's finance director starts on the system view and picks an organisation in the one picker", async ({
  page,
}) => {
  await signIn(page, "nel-cfo@demo.nhs.uk");
  await page.getByRole("navigation").getByRole("link", { name: "Dashboard", exact: true }).first().click();
  await expect(page).toHaveURL(/\/dashboard$/);
  const pickers = page.getByRole("combobox", { name: "Organisation" });
  await expect(pickers).toHaveCount(1);
  await expect(pickers).toHaveValue("all");
  await expect(pickers.locator("option:checked")).toHaveText("All my organisations (system view)");
  await expectNoSeriousA11yViolations(page, "/dashboard (NEL finance director, system view)");

  await pickers.selectOption({ label: "Barts Health NHS Trust" });
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(/[?&]org=[0-9a-f-]{36}/);
  await expect(page.getByRole("combobox", { name: "Organisation" })).toHaveCount(1);
  await expect(page.getByRole("combobox", { name: "Organisation" }).locator("option:checked")).toHaveText(
    "Barts Health NHS Trust",
  );
  // Elsewhere the header's switcher is back.
  await page.goto("/schemes");
  await expect(page.locator("[data-app-header]").getByRole("combobox", { name: "Organisation" })).toHaveCount(1);
});

test("a trust's finance director starts on their own trust", async ({ page }) => {
  await signIn(page, DEMO.finance);
  await page.goto("/dashboard");
  await expect(page.getByRole("combobox", { name: "Organisation" }).locator("option:checked")).toHaveText(
    "Barts Health NHS Trust",
  );
});
