import { expect, test, type Page } from "@playwright/test";
import { DEMO, mainNav, signIn, signedInContext, submitSignIn, uniqueEmail } from "./support/auth";
import { expectNoSeriousA11yViolations } from "./support/axe";

/** Board members read; they cannot write anything by any route (DESIGN.md sections 1 and 7). */

/** Forms outside the app header that can be submitted (GET filter forms are reads). */
async function writeForms(page: Page): Promise<string[]> {
  return page.locator("form").evaluateAll((forms) =>
    forms
      .filter((form) => !form.closest("[data-app-header]"))
      .filter((form) => (form.getAttribute("method") ?? "").toLowerCase() !== "get")
      .filter((form) =>
        form.querySelector('button:not([type]), button[type="submit"], input[type="submit"], input[type="image"]'),
      )
      .map((form) => form.outerHTML.slice(0, 300)),
  );
}

/**
 * A personal API token is the board member's own read credential (issue 15), not a write to any
 * programme data, so its form is the one a board member may submit.
 */
const OWN_CREDENTIAL_PAGES = new Set(["/api-tokens"]);

test("a board member finds no write controls on any page they can reach", async ({ browser, page }) => {
  test.setTimeout(360_000); // every page a board member can reach, each with an axe check
  // Record pages a board member must be refused: their trust's administration and their own user record.
  const admin = await signedInContext(browser, DEMO.admin);
  await admin.page.goto("/admin");
  const organisationPath = await admin.page.getByRole("link", { name: "Barts Health NHS Trust" }).getAttribute("href");
  await admin.page.goto("/admin/users");
  const userPath = await admin.page.getByRole("link", { name: "Margaret Ellis" }).getAttribute("href");
  await admin.context.close();
  expect(organisationPath).toMatch(/^\/admin\/organisations\/[0-9a-f-]{36}$/);
  expect(userPath).toMatch(/^\/admin\/users\/[0-9a-f-]{36}$/);

  await signIn(page, DEMO.board);
  const navPaths = await mainNav(page)
    .getByRole("link")
    .evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
  expect(navPaths).toContain("/");
  const refused = ["/admin", "/admin/users", organisationPath!, userPath!];
  for (const path of [...new Set([...navPaths, ...refused])]) {
    await test.step(path, async () => {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      if (refused.includes(path))
        await expect(page.getByRole("heading", { level: 1 })).toContainText("You do not have access");
      if (!OWN_CREDENTIAL_PAGES.has(path))
        expect(await writeForms(page), `forms a board member could submit on ${path}`).toEqual([]);
      // Header: no organisation switcher (one organisation), and sign-out is not a form.
      await expect(page.locator("[data-app-header] form")).toHaveCount(0);
      await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
      await expectNoSeriousA11yViolations(page, `${path} (board member)`);
    });
  }
});

test.describe("forged server action calls", () => {
  /**
   * The "Create user" action's id, taken from the request the admin's browser makes when
   * the form is submitted empty, and the id of Barts Health (the board member's trust).
   */
  async function createUserActionOf(page: Page): Promise<{ actionId: string; organisationId: string }> {
    await page.goto("/admin/users");
    const form = page.locator("main form").filter({ has: page.getByRole("button", { name: "Create user" }) });
    const organisationId = await form
      .getByLabel("Organisation", { exact: true })
      .locator("option", { hasText: "Barts Health NHS Trust" })
      .getAttribute("value");
    const request = page.waitForRequest((r) => r.method() === "POST" && Boolean(r.headers()["next-action"]));
    await form.getByRole("button", { name: "Create user" }).click();
    const actionId = (await request).headers()["next-action"];
    await expect(form.getByRole("alert")).toContainText("Some answers need correcting.");
    expect(actionId).toMatch(/^[0-9a-f]{20,}$/);
    expect(organisationId).toMatch(/^[0-9a-f-]{36}$/);
    return { actionId: actionId!, organisationId: organisationId! };
  }

  /**
   * Calls the action from inside `page` the way React does: Next-Action header and the
   * arguments (previous state, form data) in React's reply encoding. Returns status and body.
   */
  async function forgeCreateUser(
    page: Page,
    actionId: string,
    fields: Record<string, string>,
  ): Promise<{ status: number; body: string }> {
    return page.evaluate(
      async ({ actionId, fields }) => {
        const body = new FormData();
        for (const [name, value] of Object.entries(fields)) body.append(`_1_${name}`, value);
        body.append("0", JSON.stringify([null, "$K1"]));
        const response = await fetch("/admin/users", {
          method: "POST",
          headers: { "Next-Action": actionId, Accept: "text/x-component" },
          body,
        });
        return { status: response.status, body: await response.text() };
      },
      { actionId, fields },
    );
  }

  function newUserFields(email: string, organisationId: string): Record<string, string> {
    return {
      name: "Forged Account",
      email,
      jobTitle: "",
      password: "Forged-password-2026",
      organisationId,
      role: "ADMIN",
      clinicalCapacity: "",
    };
  }

  test("a board member's forged 'Create user' call is refused and creates nothing", async ({ browser }) => {
    const admin = await signedInContext(browser, DEMO.admin);
    const board = await signedInContext(browser, DEMO.board);
    const anonymous = await browser.newContext();
    try {
      const { actionId, organisationId } = await createUserActionOf(admin.page);

      // Control: the same forged request made with an administrator's session does create a
      // user, so the payload is complete and valid and only the caller differs below.
      const controlEmail = uniqueEmail("forged-control");
      const control = await forgeCreateUser(admin.page, actionId, newUserFields(controlEmail, organisationId));
      expect(control.body).toContain('"ok":true');

      const boardEmail = uniqueEmail("forged-by-board");
      const refused = await forgeCreateUser(board.page, actionId, newUserFields(boardEmail, organisationId));
      expect(refused.body).not.toContain('"ok":true');
      expect(refused.body).toContain("Only an administrator of this organisation can add users to it.");

      // No session at all: the request never reaches the action.
      const anonymousPage = await anonymous.newPage();
      await anonymousPage.goto("/sign-in");
      const anonymousEmail = uniqueEmail("forged-anonymous");
      const noSession = await forgeCreateUser(anonymousPage, actionId, newUserFields(anonymousEmail, organisationId));
      expect(noSession.body).not.toContain('"ok":true');

      await admin.page.goto("/admin/users");
      const users = admin.page.getByRole("table", { name: /Users with roles/ });
      await expect(users.getByRole("cell", { name: controlEmail, exact: true })).toBeVisible();
      await expect(users.getByRole("cell", { name: boardEmail, exact: true })).toHaveCount(0);
      await expect(users.getByRole("cell", { name: anonymousEmail, exact: true })).toHaveCount(0);

      for (const email of [boardEmail, anonymousEmail]) {
        await submitSignIn(anonymousPage, email, "Forged-password-2026");
        await expect(anonymousPage.getByRole("main").getByRole("alert")).toHaveText(
          "The email or password is not right.",
        );
        await expect(anonymousPage).toHaveURL(/\/sign-in/);
      }
      // The control account exists and works, so the failures above are not a broken sign-in.
      await signIn(anonymousPage, controlEmail, "Forged-password-2026");
    } finally {
      await Promise.all([admin.context.close(), board.context.close(), anonymous.close()]);
    }
  });
});
