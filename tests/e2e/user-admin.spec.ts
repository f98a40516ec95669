import { expect, test } from "@playwright/test";
import { DEMO, signIn, signOut, uniqueEmail } from "./support/auth";
import { expectNoSeriousA11yViolations } from "./support/axe";
import { createUserAsAdmin, createUserForm } from "./support/users";

test("an administrator creates a user, who can then sign in and sees their role", async ({ page }) => {
  const user = {
    name: "Naomi Clarke",
    email: uniqueEmail("new-lead"),
    password: "Naomi-password-2026",
    jobTitle: "Service manager",
  };
  await signIn(page, DEMO.admin);
  await createUserAsAdmin(page, {
    ...user,
    organisation: "Homerton Healthcare NHS Foundation Trust",
    role: "Programme / scheme lead",
  });
  await expectNoSeriousA11yViolations(page, "/admin/users after creating a user");

  const users = page.getByRole("table", { name: /Users with roles/ });
  const row = users.getByRole("row").filter({ has: page.getByRole("cell", { name: user.email, exact: true }) });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText(user.name);
  await expect(row).toContainText("Programme / scheme lead at HUH");
  // The form is ready for the next user.
  await expect(createUserForm(page).getByLabel("Full name")).toHaveValue("");

  await signOut(page);
  await signIn(page, user.email, user.password);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Welcome, ${user.name}`);
  const roles = page.getByRole("table", { name: "Organisations you can see and the roles you hold there" });
  await expect(roles.getByRole("row", { name: "Homerton Healthcare NHS Foundation Trust" })).toContainText(
    "Programme / scheme lead",
  );
  await expect(roles.getByRole("row")).toHaveCount(2);
});

test("the create-user form shows each field's error next to it and creates nothing", async ({ page }) => {
  await signIn(page, DEMO.admin);
  await page.goto("/admin/users");
  const form = createUserForm(page);
  const users = page.getByRole("table", { name: /Users with roles/ });

  const badEmail = "not-an-email";
  await form.getByLabel("Full name").fill("");
  await form.getByLabel("Email address").fill(badEmail);
  await form.getByLabel("Initial password").fill("short");
  await form.getByLabel("Role", { exact: true }).selectOption("");
  await form.getByRole("button", { name: "Create user" }).click();

  await expect(form.getByRole("alert")).toHaveText("Some answers need correcting.");
  // Each error is tied to its field (aria-describedby), so it is announced with it.
  await expect(form.getByLabel("Full name")).toHaveAccessibleDescription(/Enter the person's name/);
  await expect(form.getByLabel("Full name")).toHaveAttribute("aria-invalid", "true");
  await expect(form.getByLabel("Email address")).toHaveAccessibleDescription(
    /Enter an email address like name@nhs.net/,
  );
  await expect(form.getByLabel("Email address")).toHaveAttribute("aria-invalid", "true");
  await expect(form.getByLabel("Initial password")).toHaveAccessibleDescription(
    /Password must be at least 12 characters/,
  );
  await expect(form.getByLabel("Role", { exact: true })).toHaveAccessibleDescription(/Choose a role/);
  await expect(form.getByLabel("Organisation", { exact: true })).not.toHaveAttribute("aria-invalid", "true");
  // The answers are kept (except the password).
  await expect(form.getByLabel("Email address")).toHaveValue(badEmail);
  await expectNoSeriousA11yViolations(page, "/admin/users with errors");

  // Other tests create users concurrently, so look for this one rather than count rows.
  await page.reload();
  await expect(users.getByRole("cell", { name: DEMO.admin, exact: true })).toBeVisible();
  await expect(users.getByRole("cell", { name: badEmail })).toHaveCount(0);
});

test("a duplicate email is refused on the email field", async ({ page }) => {
  await signIn(page, DEMO.admin);
  await page.goto("/admin/users");
  const form = createUserForm(page);
  const users = page.getByRole("table", { name: /Users with roles/ });

  await form.getByLabel("Full name").fill("Second Board Member");
  await form.getByLabel("Email address").fill(DEMO.board.toUpperCase()); // emails compare case-insensitively
  await form.getByLabel("Initial password").fill("Duplicate-password-2026");
  await form.getByLabel("Organisation", { exact: true }).selectOption({ label: "Barts Health NHS Trust" });
  await form.getByLabel("Role", { exact: true }).selectOption({ label: "Board member" });
  await form.getByRole("button", { name: "Create user" }).click();

  await expect(form.getByLabel("Email address")).toHaveAccessibleDescription(
    /A user with this email address already exists/,
  );
  await expect(form.getByLabel("Email address")).toHaveAttribute("aria-invalid", "true");
  await expect(form.getByLabel("Full name")).not.toHaveAttribute("aria-invalid", "true");

  await page.reload();
  await expect(users.getByRole("cell", { name: DEMO.board, exact: true })).toHaveCount(1);
  await expect(users.getByRole("link", { name: "Second Board Member" })).toHaveCount(0);
});
