import { expect, type Page } from "@playwright/test";

export interface NewUser {
  name: string;
  email: string;
  password: string;
  organisation: string;
  /** The role's label in the form, e.g. "Finance director / PMO". */
  role: string;
  jobTitle?: string;
}

/** The "Create a user" form on /admin/users (the page must be open). */
export function createUserForm(page: Page) {
  return page.locator("main form").filter({ has: page.getByRole("button", { name: "Create user" }) });
}

/** As a signed-in administrator: creates a user through /admin/users and waits for the success message. */
export async function createUserAsAdmin(page: Page, user: NewUser): Promise<void> {
  await page.goto("/admin/users");
  const form = createUserForm(page);
  await form.getByLabel("Full name").fill(user.name);
  await form.getByLabel("Email address").fill(user.email);
  if (user.jobTitle) await form.getByLabel("Job title (optional)").fill(user.jobTitle);
  await form.getByLabel("Initial password").fill(user.password);
  await form.getByLabel("Organisation", { exact: true }).selectOption({ label: user.organisation });
  await form.getByLabel("Role", { exact: true }).selectOption({ label: user.role });
  await form.getByRole("button", { name: "Create user" }).click();
  await expect(form.getByRole("status")).toHaveText(`${user.name} can now sign in as ${user.email}.`);
}
