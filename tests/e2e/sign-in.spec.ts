import { expect, test } from "@playwright/test";
import {
  DEMO,
  DEMO_PASSWORD,
  signIn,
  signedInContext,
  submitSignIn,
  uniqueEmail,
  waitForHydration,
} from "./support/auth";
import { expectNoSeriousA11yViolations } from "./support/axe";
import { createUserAsAdmin } from "./support/users";

const WRONG = "The email or password is not right.";

test("the sign-in page passes axe, and an unknown email gets the same message as a wrong password", async ({
  page,
}) => {
  await page.goto("/sign-in");
  await expect(page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();
  await expectNoSeriousA11yViolations(page, "/sign-in");

  await submitSignIn(page, uniqueEmail("nobody"), "Not-a-password-2026");
  await expect(page.getByRole("main").getByRole("alert")).toHaveText(WRONG);
  await expect(page).toHaveURL(/\/sign-in/);
  await expectNoSeriousA11yViolations(page, "/sign-in with an error");
});

test("an unauthenticated visit to an app page goes to sign-in and comes back after it", async ({ page }) => {
  await page.goto("/admin/users");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fadmin%2Fusers$/);
  await waitForHydration(page.locator("main form"));
  await page.getByLabel("Email address").fill(DEMO.admin);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL("/admin/users");
  await expect(page.getByRole("heading", { level: 1, name: "Users" })).toBeVisible();
});

test("wrong passwords are refused, and the sixth attempt after five failures is locked out", async ({
  browser,
  page,
}) => {
  // A dedicated account, so no other test's sign-ins count towards its lockout.
  const account = { name: "Lockout Tester", email: uniqueEmail("lockout"), password: "Lockout-password-2026" };
  const admin = await signedInContext(browser, DEMO.admin);
  await createUserAsAdmin(admin.page, {
    ...account,
    organisation: "Barts Health NHS Trust",
    role: "Programme / scheme lead",
  });
  await admin.context.close();

  for (let attempt = 1; attempt <= 5; attempt++) {
    await test.step(`wrong password ${attempt}`, async () => {
      await submitSignIn(page, account.email, `Wrong-password-${attempt}`);
      await expect(page.getByRole("main").getByRole("alert")).toHaveText(WRONG);
      await expect(page).toHaveURL(/\/sign-in/);
      await expect(page.getByLabel("Password")).toBeVisible();
    });
  }

  await submitSignIn(page, account.email, account.password);
  await expect(page.getByRole("main").getByRole("alert")).toContainText("Too many failed sign-in attempts");
  await expect(page).toHaveURL(/\/sign-in/);
  await page.goto("/");
  await expect(page).toHaveURL(/\/sign-in/); // no session was created

  // Only that account is locked.
  await signIn(page, DEMO.finance);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Welcome, Priya Shah");
});

test("the sign-in form can be completed with the keyboard alone", async ({ page }) => {
  await page.goto("/sign-in");
  await waitForHydration(page.locator("main form"));
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("Email address")).toBeFocused();
  await page.keyboard.type(DEMO.lead);
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("Password")).toBeFocused();
  await page.keyboard.type(DEMO_PASSWORD);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL("/");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Welcome, Sarah Collins");

  // App shell: the skip link is the first thing Tab reaches, and it leads into main.
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to main content" });
  await expect(skip).toBeFocused();
  expect((await skip.boundingBox())?.width ?? 0, "the skip link is shown when focused").toBeGreaterThan(20);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL("/#main");
  await page.keyboard.press("Tab");
  expect(await page.evaluate(() => Boolean(document.activeElement?.closest("main")))).toBe(true);
});
