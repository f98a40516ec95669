import { expect, test, type Locator, type Page } from "@playwright/test";
import { DEMO, signIn, waitForHydration } from "./support/auth";
import { expectNoSeriousA11yViolations } from "./support/axe";
import { LTH, idFromPath } from "./support/pages";

/**
 * The NHS / GOV.UK error summary, given by the shared FormStatus to every form: refused answers
 * are listed in a box at the top of the form, each a link to its field; focus moves to the box;
 * the page title starts "Error: " until the form is accepted.
 */

async function expectSummary(page: Page, form: Locator, errors: string[]): Promise<Locator> {
  const summary = form.locator("[data-error-summary]");
  await expect(summary.getByRole("alert")).toHaveText("Some answers need correcting.");
  await expect(summary).toBeFocused();
  await expect(page).toHaveTitle(/^Error: /);
  const links = summary.getByRole("link");
  for (const error of errors) await expect(links.filter({ hasText: error }).first()).toBeVisible();
  return summary;
}

/** Each link goes to its own field: following it focuses the field whose label it names. */
async function expectLinkFocuses(summary: Locator, linkText: string, field: Locator): Promise<void> {
  await summary.getByRole("link", { name: linkText }).first().click();
  await expect(field).toBeFocused();
}

test("the new scheme form lists its errors at the top, each linked to its field", async ({ page }) => {
  test.setTimeout(240_000);
  await signIn(page, DEMO.lead);
  await page.goto("/schemes/new");
  const form = page.locator("main form").filter({ has: page.getByRole("button", { name: "Create scheme" }) });
  await waitForHydration(form);
  const titleBefore = await page.title();
  expect(titleBefore).not.toMatch(/^Error/);
  await form.getByRole("button", { name: "Create scheme" }).click();

  const summary = await expectSummary(page, form, ["Enter a title", "Enter a description"]);
  await expectLinkFocuses(summary, "Enter a title", form.getByLabel("Title", { exact: true }));
  await expectLinkFocuses(summary, "Enter a description", form.getByLabel("Description", { exact: true }));
  await expect(page).toHaveTitle(`Error: ${titleBefore}`);
  await expectNoSeriousA11yViolations(page, "/schemes/new with errors");

  // Fixing one answer and sending again still shows one "Error: ", not two.
  await form.getByLabel("Title", { exact: true }).fill("Error summary scheme");
  await form.getByRole("button", { name: "Create scheme" }).click();
  await expect(form.locator("[data-error-summary]").getByRole("link", { name: "Enter a title" })).toHaveCount(0);
  await expect(page).toHaveTitle(`Error: ${titleBefore}`);
});

test("the risk form's summary links to its fields", async ({ page }) => {
  test.setTimeout(240_000);
  await signIn(page, LTH.lead);
  await page.goto("/programmes");
  const programmeId = idFromPath(
    await page.getByRole("link", { name: "Managing with Covid", exact: true }).getAttribute("href"),
  );
  await page.goto(`/risks/new?programme=${programmeId}`);
  const form = page.locator("main form").filter({ has: page.getByRole("button", { name: "Raise risk" }) });
  await waitForHydration(form);
  const titleBefore = await page.title();
  await form.getByLabel("Title").fill("Error summary risk");
  await form.getByRole("button", { name: "Raise risk" }).click();

  const summary = await expectSummary(page, form, []);
  const first = summary.getByRole("link").first();
  const target = (await first.getAttribute("href"))!.slice(1);
  await first.click();
  await expect(page.locator(`[id="${target}"]`)).toBeFocused();
  await expectNoSeriousA11yViolations(page, "/risks/new with errors");
  expect(await page.title()).toBe(`Error: ${titleBefore}`);
});
