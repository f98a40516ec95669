import { expect, test, type Page } from "@playwright/test";
import { DEMO, signIn, signedInContext, submitSignIn, uniqueEmail } from "./support/auth";
import { expectNoSeriousA11yViolations } from "./support/axe";
import { createUserAsAdmin, createUserForm } from "./support/users";

/**
 * Issue 18 item 3: common passwords are refused where an administrator sets one; a person changes
 * their own (current one required; their other sessions end); an administrator can require a new
 * password, which the person's next sign-in must set before anything else.
 */

const ORGANISATION = "Homerton Healthcare NHS Foundation Trust";

async function newLead(page: Page, name: string, password: string): Promise<string> {
  const email = uniqueEmail("passwords");
  await createUserAsAdmin(page, { name, email, password, organisation: ORGANISATION, role: "Programme / scheme lead" });
  return email;
}

/** Fills and submits the change-password form on the page. */
async function changePassword(page: Page, current: string, next: string, again = next): Promise<void> {
  const form = page.locator("main form").filter({ has: page.getByRole("button", { name: "Change password" }) });
  await form.getByLabel("Current password").fill(current);
  await form.getByLabel("New password", { exact: true }).fill(next);
  await form.getByLabel("New password again").fill(again);
  await form.getByRole("button", { name: "Change password" }).click();
}

test("an administrator cannot give a common password; the person changes theirs and is signed out elsewhere", async ({
  browser,
  page,
}) => {
  test.setTimeout(120_000);
  await signIn(page, DEMO.admin);
  await page.goto("/admin/users");
  const form = createUserForm(page);
  await form.getByLabel("Full name").fill("Priya Common");
  await form.getByLabel("Email address").fill(uniqueEmail("common"));
  await form.getByLabel("Initial password").fill("password1234");
  await form.getByLabel("Organisation", { exact: true }).selectOption({ label: ORGANISATION });
  await form.getByLabel("Role", { exact: true }).selectOption({ label: "Programme / scheme lead" });
  await form.getByRole("button", { name: "Create user" }).click();
  await expect(form.locator("#password-error")).toContainText("This is similar to a commonly used password");

  const email = await newLead(page, "Rowan Fairley", "amber kettle orchard");
  const elsewhere = await signedInContext(browser, email, "amber kettle orchard");
  try {
    const person = await browser.newContext();
    const mine = await person.newPage();
    await signIn(mine, email, "amber kettle orchard");
    await mine.getByRole("link", { name: "Your account: Rowan Fairley" }).click();
    await expect(mine.getByRole("heading", { level: 1, name: "Your account" })).toBeVisible();
    await expectNoSeriousA11yViolations(mine, "/account");

    await changePassword(mine, "not my password", "harbour velvet compass");
    await expect(mine.getByRole("main").getByText("Your current password is not right").first()).toBeVisible();
    await changePassword(mine, "amber kettle orchard", "aaaaaaaaaaaa");
    await expect(
      mine
        .getByRole("main")
        .getByText(/Repeated characters like "aaa"/)
        .first(),
    ).toBeVisible();
    await expectNoSeriousA11yViolations(mine, "/account with errors");

    await changePassword(mine, "amber kettle orchard", "harbour velvet compass");
    await expect(mine.getByRole("status")).toHaveText(
      "Your password has been changed. You have been signed out everywhere else (1 other session).",
    );
    await expectNoSeriousA11yViolations(mine, "/account after the change");

    // The other browser's session has ended; this one goes on.
    await elsewhere.page.goto("/");
    await expect(elsewhere.page).toHaveURL(/\/sign-in/);
    await mine.goto("/");
    await expect(mine.getByRole("heading", { level: 1 })).toHaveText("Welcome, Rowan Fairley");
    await person.close();

    await submitSignIn(elsewhere.page, email, "amber kettle orchard");
    await expect(elsewhere.page.getByRole("main").getByRole("alert")).toHaveText("The email or password is not right.");
    await signIn(elsewhere.page, email, "harbour velvet compass");
  } finally {
    await elsewhere.context.close();
  }
});

test("an administrator requires a new password: the person is signed out and must set one at the next sign-in", async ({
  browser,
  page,
}) => {
  test.setTimeout(120_000);
  await signIn(page, DEMO.admin);
  const email = await newLead(page, "Sam Okafor", "copper lantern meadow");
  const person = await signedInContext(browser, email, "copper lantern meadow");
  try {
    await page.getByRole("link", { name: "Sam Okafor" }).click();
    await page.getByRole("button", { name: "Require a new password" }).click();
    await expect(page.locator("form").filter({ hasText: "Signs Sam Okafor out" }).getByRole("status")).toHaveText(
      "Sam Okafor has been signed out everywhere and must choose a new password at their next sign-in.",
    );
    await expectNoSeriousA11yViolations(page, "/admin/users/<id> after requiring a new password");

    await person.page.goto("/");
    await expect(person.page).toHaveURL(/\/sign-in/);
    await submitSignIn(person.page, email, "copper lantern meadow");
    await expect(person.page).toHaveURL("/new-password");
    await expect(person.page.getByRole("heading", { level: 1, name: "Choose a new password" })).toBeVisible();
    await expect(person.page.getByText("Your administrator has asked you to choose a new password")).toBeVisible();
    await expectNoSeriousA11yViolations(person.page, "/new-password");
    // Nothing else opens until it is set.
    await person.page.goto("/schemes");
    await expect(person.page).toHaveURL("/new-password");

    await changePassword(person.page, "copper lantern meadow", "thistle granite voyage");
    await expect(person.page.getByRole("status")).toHaveText("Your password has been changed.");
    await person.page.getByRole("link", { name: "Continue to Recovery Tracker" }).click();
    await expect(person.page.getByRole("heading", { level: 1 })).toHaveText("Welcome, Sam Okafor");
  } finally {
    await person.context.close();
  }
});
