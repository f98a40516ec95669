import { expect, test, type Page } from "@playwright/test";
import { signIn, waitForHydration } from "./support/auth";
import { expectNoSeriousA11yViolations } from "./support/axe";
import { LTH, card } from "./support/pages";

/** Reminders in the app: the bell, the list (unread first), the link to the form that clears it, finance's settings. */

const bell = (page: Page) => page.locator("[data-app-header]").getByRole("link", { name: /^Notifications, / });

async function unreadInBell(page: Page): Promise<number> {
  const name = (await bell(page).getAttribute("aria-label")) ?? "";
  const match = /^Notifications, (\d+|none) unread$/.exec(name);
  expect(match, `the bell's name "${name}"`).not.toBeNull();
  return match![1] === "none" ? 0 : Number(match![1]);
}

test("a lead follows a monthly-update reminder to the form, submits it and the reminder is gone", async ({ page }) => {
  await signIn(page, LTH.lead);
  await bell(page).click();
  await expect(page.getByRole("heading", { level: 1, name: "Notifications" })).toBeVisible();
  await expectNoSeriousA11yViolations(page, "/notifications (lead)");
  const list = page.getByRole("list", { name: "Your notifications, unread first" });
  const reminder = list.getByRole("link", { name: /^Monthly update for M\d+ / }).last();
  const title = ((await reminder.textContent()) ?? "").trim();
  expect(title).toMatch(/^Monthly update for M\d+ \w{3} \d{4}\/\d{2}: /);
  await page.reload();
  const before = await unreadInBell(page);
  expect(before).toBeGreaterThan(0);

  await list.getByRole("link", { name: title, exact: true }).click();
  await expect(page).toHaveURL(/\/schemes\/[0-9a-f-]{36}#monthly-update$/);
  const form = page.locator("#monthly-update form");
  await waitForHydration(form);
  const actual = form.getByLabel(/^Actual saving in M\d+ .* \(£\)$/);
  if (!(await actual.inputValue())) await actual.fill("1,000");
  await form.getByLabel("Delivery RAG").selectOption({ label: "Green" });
  await form.getByLabel("Commentary").fill("E2E: update submitted from the reminder.");
  await form.getByRole("button", { name: /^Submit the update for / }).click();
  await expect(form.getByRole("status")).toHaveText(/^Monthly update for .* submitted\.$/);

  await bell(page).click();
  await expect(page.getByRole("heading", { level: 1, name: "Notifications" })).toBeVisible();
  await expect(page.getByRole("link", { name: title, exact: true })).toHaveCount(0);
  // The bell lives in the layout, which a client navigation keeps; the page refreshes it once.
  await expect.poll(() => unreadInBell(page)).toBeLessThan(before);

  // Unread come first; marking all read empties the bell's count and removes the badges.
  const markAll = page.getByRole("button", { name: "Mark all read" });
  if ((await unreadInBell(page)) > 0) {
    await waitForHydration(markAll);
    await markAll.click();
    await expect(page.getByText(/^\d+ marked as read\.$/)).toBeVisible();
    await page.reload();
    expect(await unreadInBell(page)).toBe(0);
    await expect(page.getByText("Unread", { exact: true })).toHaveCount(0);
  }
});

test("finance sets the working day updates are due; a bad value is refused with its reason", async ({ page }) => {
  await signIn(page, LTH.finance);
  await page.goto("/finance");
  await page.getByRole("link", { name: "Reminder settings" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Reminder settings" })).toBeVisible();
  await expectNoSeriousA11yViolations(page, "/finance/reminders");
  const settings = card(page, "When reminders fall due");
  const form = settings.locator("form");
  await waitForHydration(form);
  const due = form.getByLabel("Monthly updates are due by working day");
  await expect(due).toHaveValue("3");

  await due.fill("0");
  await form.getByRole("button", { name: "Save reminder settings" }).click();
  await expect(form).toContainText("the working day updates are due must be at least 1 working day");

  await form.getByLabel("Monthly updates are due by working day").fill("4");
  await form.getByRole("button", { name: "Save reminder settings" }).click();
  await expect(form.getByRole("status")).toContainText("Reminder settings saved.");
  await page.reload();
  await expect(settings).toContainText("This organisation has its own settings.");
  await expect(page.getByLabel("Monthly updates are due by working day")).toHaveValue("4");

  // Back to the default, so other runs start from it.
  const again = card(page, "When reminders fall due").locator("form");
  await waitForHydration(again);
  await again.getByLabel("Monthly updates are due by working day").fill("3");
  await again.getByRole("button", { name: "Save reminder settings" }).click();
  await expect(again.getByRole("status")).toContainText("Reminder settings saved.");
});
