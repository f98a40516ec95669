import { expect, test } from "@playwright/test";
import { DEMO, signIn, signOut } from "./support/auth";

test("signing out ends the session, and the old session cookie no longer gets in", async ({
  browser,
  page,
  context,
}) => {
  await signIn(page, DEMO.medical);
  await page.goto("/admin");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("You do not have access to administration");
  const before = await context.storageState();
  expect(before.cookies.map((c) => c.name)).toContain("next-auth.session-token");

  await signOut(page);
  await page.goto("/");
  await expect(page).toHaveURL(/\/sign-in/);
  await expect(page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();

  // The cookie from before sign-out, replayed in a fresh browser: the server-side session
  // has ended, so it is sent to sign in even though the cookie itself has not expired.
  const replay = await browser.newContext({ storageState: before });
  try {
    const old = await replay.newPage();
    await old.goto("/");
    await expect(old).toHaveURL(/\/sign-in/);
    await expect(old.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();
    await old.goto("/admin");
    await expect(old).toHaveURL(/\/sign-in/);
    expect((await replay.cookies()).some((c) => c.name === "next-auth.session-token")).toBe(true); // it really was sent
  } finally {
    await replay.close();
  }
});
