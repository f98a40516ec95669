import { expect, type Browser, type BrowserContext, type Locator, type Page } from "@playwright/test";
import { DEMO_PASSWORD } from "../../../prisma/seed/demo-organisations";

export { DEMO_PASSWORD };

/** The demo sign-ins (prisma/seed/demo-organisations.ts), one per role. */
export const DEMO = {
  admin: "admin@demo.nhs.uk",
  finance: "finance@demo.nhs.uk",
  lead: "lead@demo.nhs.uk",
  medical: "medical@demo.nhs.uk",
  nursing: "nursing@demo.nhs.uk",
  board: "board@demo.nhs.uk",
} as const;

/**
 * Waits until React has hydrated the element. The sign-in form and the sign-out button
 * work through event handlers, so using them before hydration would do nothing (or submit
 * the sign-in form natively).
 */
export async function waitForHydration(locator: Locator): Promise<void> {
  await expect
    .poll(() => locator.evaluate((element) => Object.keys(element).some((key) => key.startsWith("__reactProps$"))), {
      message: "React has hydrated the element",
    })
    .toBe(true);
}

/** Opens the sign-in page afresh, fills it in and submits it; does not wait for the outcome. */
export async function submitSignIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto("/sign-in");
  await waitForHydration(page.locator("main form"));
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill(password);
  // exact: with single sign-on on, "Sign in with NHSmail / Microsoft" is a button too.
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
}

/** Signs in through the sign-in page and waits for the app shell of the home page. */
export async function signIn(page: Page, email: string, password: string = DEMO_PASSWORD): Promise<void> {
  await submitSignIn(page, email, password);
  await expect(page).toHaveURL("/");
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
}

/** A fresh browser context (own cookies) signed in as `email`. Close the context when done. */
export async function signedInContext(
  browser: Browser,
  email: string,
  password: string = DEMO_PASSWORD,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, email, password);
  return { context, page };
}

export async function signOut(page: Page): Promise<void> {
  const button = page.getByRole("button", { name: "Sign out" });
  await waitForHydration(button);
  await button.click();
  await expect(page).toHaveURL(/\/sign-in/);
  await expect(page.getByRole("heading", { name: "Sign in", level: 1 })).toBeVisible();
}

/** The main navigation of the app shell. */
export function mainNav(page: Page) {
  return page.getByRole("navigation", { name: "Main" });
}

/** A unique email per test run, so a reused server never sees the same account twice. */
export function uniqueEmail(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 7)}@e2e.nhs.uk`;
}
