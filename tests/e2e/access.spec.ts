import { expect, test } from "@playwright/test";
import { DEMO, mainNav, signIn } from "./support/auth";
import { expectNoSeriousA11yViolations } from "./support/axe";

/**
 * Each demo role signs in and sees only what it may (DESIGN.md section 1), and every page
 * visited passes axe.
 */

test.describe("administrator", () => {
  test("sees the administration links, can open them, and home shows the role", async ({ page }) => {
    await signIn(page, DEMO.admin);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Welcome, Alex Morgan");
    const roles = page.getByRole("table", { name: "Organisations you can see and the roles you hold there" });
    await expect(roles.getByRole("row", { name: /NHS North East London ICB\s+Administrator/ })).toBeVisible();
    await expect(roles.getByRole("row", { name: /Barts Health NHS Trust\s+Administrator/ })).toBeVisible();
    await expectNoSeriousA11yViolations(page, "home (administrator)");

    const nav = mainNav(page);
    await nav.getByRole("link", { name: "Organisations", exact: true }).click();
    await expect(page).toHaveURL("/admin");
    await expect(page.getByRole("heading", { level: 1, name: "Organisations" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Barts Health NHS Trust" })).toBeVisible();
    await expectNoSeriousA11yViolations(page, "/admin");

    await page.getByRole("link", { name: "Barts Health NHS Trust" }).click();
    await expect(page).toHaveURL(/\/admin\/organisations\/[0-9a-f-]{36}$/);
    await expect(page.getByRole("heading", { level: 1, name: "Barts Health NHS Trust" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Divisions" })).toBeVisible();
    await expectNoSeriousA11yViolations(page, "/admin/organisations/<id>");

    await nav.getByRole("link", { name: "Users", exact: true }).click();
    await expect(page).toHaveURL("/admin/users");
    await expect(page.getByRole("heading", { level: 1, name: "Users" })).toBeVisible();
    await expect(page.getByRole("cell", { name: DEMO.board, exact: true })).toBeVisible();
    await expectNoSeriousA11yViolations(page, "/admin/users");

    await page.getByRole("link", { name: "Margaret Ellis" }).click();
    await expect(page).toHaveURL(/\/admin\/users\/[0-9a-f-]{36}$/);
    await expect(page.getByRole("heading", { level: 1, name: "Margaret Ellis" })).toBeVisible();
    await expect(page.getByRole("row", { name: /Barts Health NHS Trust\s+Board member/ })).toBeVisible();
    await expectNoSeriousA11yViolations(page, "/admin/users/<id>");
  });
});

const OTHER_ROLES = [
  { who: "finance director", email: DEMO.finance, name: "Priya Shah", role: "Finance director / PMO" },
  { who: "programme lead", email: DEMO.lead, name: "Sarah Collins", role: "Programme / scheme lead" },
  {
    who: "clinical approver (medical)",
    email: DEMO.medical,
    name: "Dr James Wright",
    role: "Clinical approver (medical)",
  },
  {
    who: "clinical approver (nursing)",
    email: DEMO.nursing,
    name: "Helen Adeyemi",
    role: "Clinical approver (nursing)",
  },
  { who: "board member", email: DEMO.board, name: "Margaret Ellis", role: "Board member" },
];

for (const user of OTHER_ROLES) {
  test.describe(user.who, () => {
    test("sees no administration and is refused it", async ({ page }) => {
      await signIn(page, user.email);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Welcome, ${user.name}`);
      const roles = page.getByRole("table", { name: "Organisations you can see and the roles you hold there" });
      await expect(roles.getByRole("row")).toHaveCount(2); // header + Barts Health only
      await expect(roles.getByRole("row", { name: "Barts Health NHS Trust" })).toContainText(user.role);
      await expectNoSeriousA11yViolations(page, `home (${user.who})`);

      const nav = mainNav(page);
      await expect(nav.getByRole("link", { name: "Home", exact: true })).toBeVisible();
      await expect(nav.getByRole("link", { name: "Organisations", exact: true })).toHaveCount(0);
      await expect(nav.getByRole("link", { name: "Users", exact: true })).toHaveCount(0);

      await page.goto("/admin");
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("You do not have access to administration");
      await expect(page.getByRole("table")).toHaveCount(0);
      await expectNoSeriousA11yViolations(page, `/admin refused (${user.who})`);

      await page.goto("/admin/users");
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("You do not have access to user administration");
      await expect(page.getByText(DEMO.admin)).toHaveCount(0);
      await expect(page.getByRole("button", { name: "Create user" })).toHaveCount(0);
      await expectNoSeriousA11yViolations(page, `/admin/users refused (${user.who})`);
    });
  });
}
