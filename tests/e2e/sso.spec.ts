import { createHash, randomBytes } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { queryE2eDatabase } from "./support/database";
import { startAppInstance, type AppInstance } from "./support/app-instance";
import { DEMO, signIn, uniqueEmail, waitForHydration } from "./support/auth";
import { expectNoSeriousA11yViolations } from "./support/axe";
import { E2E_APP_ROLE, E2E_DATABASE, E2E_IDP_PORT, E2E_OTHER_IDP_PORT, E2E_SSO_PORT, databaseUrl } from "./support/env";
import { startIdentityProvider, type TestIdentityProvider } from "./support/oidc-provider";

/**
 * Single sign-on (issue 15) against a real OpenID Connect provider: the built app runs its own
 * `next start` with OIDC_* pointing at `oidc-provider` on 127.0.0.1 (tests/e2e/support), on the
 * main e2e database. A second provider with its own keys plays "another issuer".
 */
test.describe.configure({ mode: "serial" });

const APP_URL = `http://localhost:${E2E_SSO_PORT}`;
const CALLBACK_PATH = "/api/auth/callback/nhs-sso";
const BUTTON = "Sign in with NHSmail / Microsoft";
const NOT_COMPLETED = /Single sign-on did not complete, so you are not signed in/;

let idp: TestIdentityProvider;
let otherIdp: TestIdentityProvider;
let app: AppInstance | undefined;

test.beforeAll(async () => {
  test.setTimeout(240_000);
  idp = await startIdentityProvider({ port: E2E_IDP_PORT, redirectUri: `${APP_URL}${CALLBACK_PATH}` });
  // Same client registration, different issuer and signing key.
  otherIdp = await startIdentityProvider({ port: E2E_OTHER_IDP_PORT, redirectUri: `${APP_URL}${CALLBACK_PATH}` });
  app = await startAppInstance({
    port: E2E_SSO_PORT,
    timeoutMs: 90_000,
    env: {
      DATABASE_URL: databaseUrl(E2E_DATABASE, { role: E2E_APP_ROLE }),
      DATABASE_POOL_MAX: "3",
      OIDC_ISSUER: idp.issuer,
      OIDC_CLIENT_ID: idp.clientId,
      OIDC_CLIENT_SECRET: idp.clientSecret,
      OIDC_ALLOWED_DOMAINS: "demo.nhs.uk,e2e.nhs.uk",
    },
  });
});

test.afterEach(async ({}, testInfo) => {
  if (testInfo.status !== testInfo.expectedStatus)
    await testInfo.attach("next-start-output.txt", { body: app?.output() ?? "", contentType: "text/plain" });
});

test.afterAll(async () => {
  await app?.stop();
  await idp?.close();
  await otherIdp?.close();
});

test.use({ baseURL: APP_URL });

/** Presses the SSO button on the sign-in page; the browser goes to the provider. */
async function startSso(page: Page): Promise<void> {
  await page.goto("/sign-in");
  const button = page.getByRole("button", { name: BUTTON });
  await waitForHydration(button);
  await button.click();
}

/** The provider's own sign-in form (oidc-provider's development login: any password). */
async function signInAtProvider(page: Page, provider: TestIdentityProvider, login: string): Promise<void> {
  await expect(page).toHaveURL(new RegExp(`^${provider.issuer}/interaction/`));
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill("any-password");
  await page.getByRole("button", { name: "Sign-in" }).click();
}

async function ssoSignIn(page: Page, login: string): Promise<void> {
  await startSso(page);
  await signInAtProvider(page, idp, login);
}

async function expectSignedOut(page: Page): Promise<void> {
  await page.goto("/");
  await expect(page).toHaveURL(/\/sign-in/);
}

test("the sign-in page offers single sign-on next to the password form", async ({ page }) => {
  await page.goto("/sign-in");
  await expect(page.getByRole("button", { name: BUTTON })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Or sign in with your email and password" })).toBeVisible();
  await expect(page.getByLabel("Email address")).toBeVisible();
  await expectNoSeriousA11yViolations(page, "/sign-in with SSO");
  for (const width of [1440, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: test.info().outputPath(`sign-in-sso-${width}.png`), fullPage: true });
  }
});

test("an existing user signs in by SSO and lands on their home page; the sign-in is audited", async ({ page }) => {
  await ssoSignIn(page, DEMO.finance.toUpperCase()); // matched case-insensitively
  await expect(page).toHaveURL(`${APP_URL}/`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Welcome, Priya Shah");
  const rows = await queryE2eDatabase<{ issuer: string }>(
    `SELECT a.after->>'issuer' AS issuer FROM audit_event a JOIN app_user u ON u.id = a.actor_id
     WHERE u.email = $1 AND a.action = 'auth.sso.sign_in' AND a.occurred_at > now() - interval '5 minutes'`,
    [DEMO.finance],
  );
  expect(rows.map((r) => r.issuer)).toContain(idp.issuer);
  expect(
    await queryE2eDatabase(`SELECT 1 FROM sso_identity WHERE subject = $1`, [DEMO.finance.toUpperCase()]),
  ).toHaveLength(1);
});

test("an unknown person lands on 'awaiting access'; an administrator sees them and grants a role", async ({
  page,
  browser,
}) => {
  test.setTimeout(360_000);
  const email = uniqueEmail("sso-new");
  await ssoSignIn(page, email);
  await expect(page).toHaveURL(`${APP_URL}/awaiting-access`);
  await expect(page.getByRole("heading", { level: 1, name: "Awaiting access" })).toBeVisible();
  await expect(page.getByText("An administrator must grant you a role")).toBeVisible();
  await expectNoSeriousA11yViolations(page, "/awaiting-access");

  const admin = await browser.newContext({ baseURL: APP_URL });
  const adminPage = await admin.newPage();
  await signIn(adminPage, DEMO.admin);
  await adminPage.goto("/admin/users");
  const awaiting = adminPage.getByRole("table", { name: "People awaiting access" });
  await expect(awaiting.getByRole("row").filter({ hasText: email })).toHaveCount(1);
  await awaiting.getByRole("row").filter({ hasText: email }).getByRole("link").click();
  const form = adminPage.locator("main form").filter({ has: adminPage.getByRole("button", { name: "Grant role" }) });
  await form.getByLabel("Organisation", { exact: true }).selectOption({ label: "Barts Health NHS Trust" });
  await form.getByLabel("Role", { exact: true }).selectOption({ label: "Board member" });
  await form.getByRole("button", { name: "Grant role" }).click();
  await expect(form.getByRole("status")).toBeVisible();
  await admin.close();

  await page.reload();
  await expect(page).toHaveURL(`${APP_URL}/`);
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
});

test("an administrator maps a directory group to a role; a member of it signs in straight to home", async ({
  page,
  browser,
}) => {
  test.setTimeout(360_000);
  const group = randomBytes(8).toString("hex");
  const admin = await browser.newContext({ baseURL: APP_URL });
  const adminPage = await admin.newPage();
  await signIn(adminPage, DEMO.admin);
  await adminPage.goto("/admin");
  await adminPage.getByRole("link", { name: "Barts Health NHS Trust" }).click();
  const card = adminPage
    .locator("section")
    .filter({ has: adminPage.getByRole("heading", { name: "Single sign-on groups" }) });
  await waitForHydration(card.getByRole("button", { name: "Map group" }));
  await card.getByRole("button", { name: "Map group" }).click();
  await expect(card.getByText("Enter the group's id").first()).toBeVisible();
  await card.getByLabel("Group id").fill(group);
  await card.getByLabel("Role").selectOption({ label: "Board member" });
  await card.getByRole("button", { name: "Map group" }).click();
  await expect(card.getByRole("status")).toContainText("Group mapped");
  const row = card
    .getByRole("table", { name: "Groups mapped to roles at this organisation" })
    .getByRole("row")
    .filter({ hasText: group });
  await expect(row).toContainText("Board member");
  await expectNoSeriousA11yViolations(adminPage, "/admin/organisations/[id] with SSO groups");
  for (const width of [1440, 390]) {
    await adminPage.setViewportSize({ width, height: 900 });
    await card.screenshot({ path: test.info().outputPath(`sso-groups-${width}.png`) });
  }

  const email = uniqueEmail("sso-group");
  idp.setAccount(email, {
    email,
    email_verified: true,
    name: "Grouped Person",
    groups: [group.toUpperCase(), "unmapped"],
  });
  await ssoSignIn(page, email);
  await expect(page).toHaveURL(`${APP_URL}/`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Welcome, Grouped Person");

  await adminPage.reload();
  await expect(row).toContainText("1"); // one person holds the role through it
  await row.getByRole("button", { name: /Remove/ }).click();
  await expect(row).toHaveCount(0);
  await admin.close();
  await page.goto("/");
  await expect(page).toHaveURL(`${APP_URL}/awaiting-access`);
});

test("a person from a domain that is not allowed is refused, and no account is made", async ({ page }) => {
  const email = `someone-${Date.now().toString(36)}@gmail.example`;
  await ssoSignIn(page, email);
  await expect(page).toHaveURL(/\/sign-in\?.*reason=domain_not_allowed/);
  await expect(page.getByRole("main").getByRole("alert")).toHaveText(
    "Single sign-on is not open to your email domain. Ask your administrator.",
  );
  await expectNoSeriousA11yViolations(page, "/sign-in refused");
  expect(await queryE2eDatabase(`SELECT 1 FROM app_user WHERE email = $1`, [email])).toHaveLength(0);
  await expectSignedOut(page);
});

test("a disabled user is refused", async ({ page }) => {
  const email = uniqueEmail("sso-disabled");
  await queryE2eDatabase(
    `INSERT INTO app_user (email, name, password_hash, active) VALUES ($1, 'Disabled Person', '!sso-only', false)`,
    [email],
  );
  await ssoSignIn(page, email);
  await expect(page).toHaveURL(/\/sign-in\?.*reason=disabled/);
  await expect(page.getByRole("main").getByRole("alert")).toHaveText(
    "Your account is disabled. Ask your administrator.",
  );
  await expectSignedOut(page);
});

/**
 * Presses the SSO button but holds the browser's redirect to the provider: the app has set its
 * state, nonce and PKCE cookies; returns the authorization request it made.
 */
async function holdAuthorization(page: Page): Promise<URL> {
  let authorizeUrl: URL | undefined;
  await page.route(
    (url) => url.origin === idp.issuer && url.pathname === "/auth",
    (route) => {
      authorizeUrl = new URL(route.request().url());
      return route.fulfill({ status: 200, contentType: "text/plain", body: "held" });
    },
  );
  await startSso(page);
  await expect.poll(() => authorizeUrl).toBeDefined();
  await page.unrouteAll();
  return authorizeUrl!;
}

/**
 * Signs in at the provider over HTTP with the page's cookies (the same requests the browser
 * makes, one redirect at a time, which a browser route cannot intercept) and returns the
 * provider's redirect back to the app, not followed.
 */
async function authorizeAtProvider(page: Page, authorizeUrl: URL, login: string): Promise<URL> {
  let response = await page.request.get(authorizeUrl.toString(), { maxRedirects: 0 });
  for (let step = 0; step < 6; step++) {
    const location = new URL(response.headers().location ?? "", response.url());
    if (location.origin !== authorizeUrl.origin) return location;
    response = location.pathname.startsWith("/interaction/")
      ? await page.request.post(location.toString(), {
          form: { prompt: "login", login, password: "any-password" },
          maxRedirects: 0,
        })
      : await page.request.get(location.toString(), { maxRedirects: 0 });
  }
  throw new Error(`The provider did not redirect back to the app: ${response.status()} ${response.url()}`);
}

test("the sign-in flow driven one redirect at a time signs in when nothing is tampered with", async ({ page }) => {
  const callback = await authorizeAtProvider(page, await holdAuthorization(page), DEMO.finance);
  expect(callback.toString()).toMatch(`${APP_URL}${CALLBACK_PATH}?`);
  await page.goto(callback.toString());
  await expect(page).toHaveURL(`${APP_URL}/`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Welcome, Priya Shah");
});

test("a tampered state is refused", async ({ page }) => {
  const callback = await authorizeAtProvider(page, await holdAuthorization(page), DEMO.finance);
  callback.searchParams.set("state", `${callback.searchParams.get("state")}x`);
  await page.goto(callback.toString());
  await expect(page).toHaveURL(/\/sign-in\?.*error=OAuthCallback/);
  await expect(page.getByRole("main").getByRole("alert")).toHaveText(NOT_COMPLETED);
  expect(app?.output()).toContain("state mismatch");
  await expectSignedOut(page);
});

test("a tampered nonce is refused", async ({ page }) => {
  // The provider is asked for another nonce than the one in the app's cookie, so the ID token
  // carries a nonce the app never issued.
  const authorizeUrl = await holdAuthorization(page);
  authorizeUrl.searchParams.set("nonce", randomBytes(16).toString("base64url"));
  await page.goto((await authorizeAtProvider(page, authorizeUrl, DEMO.finance)).toString());
  await expect(page).toHaveURL(/\/sign-in\?.*error=OAuthCallback/);
  await expect(page.getByRole("main").getByRole("alert")).toHaveText(NOT_COMPLETED);
  expect(app?.output()).toContain("nonce mismatch");
  await expectSignedOut(page);
});

test("an ID token from another issuer is refused", async ({ page }) => {
  // 1. The app starts a sign-in (its state, nonce and PKCE cookies are set).
  const authorizeUrl = await holdAuthorization(page);
  const state = authorizeUrl.searchParams.get("state")!;
  const nonce = authorizeUrl.searchParams.get("nonce")!;

  // 2. A genuine ID token for that nonce from the other provider (its own keys and issuer).
  const verifier = randomBytes(32).toString("base64url");
  const other = new URL(`${otherIdp.issuer}/auth`);
  for (const [key, value] of Object.entries({
    client_id: otherIdp.clientId,
    response_type: "code",
    scope: "openid email profile",
    redirect_uri: `${APP_URL}${CALLBACK_PATH}`,
    state,
    nonce,
    code_challenge: createHash("sha256").update(verifier).digest("base64url"),
    code_challenge_method: "S256",
  }))
    other.searchParams.set(key, value);
  const code = (await authorizeAtProvider(page, other, DEMO.finance)).searchParams.get("code")!;
  const tokenResponse = await fetch(`${otherIdp.issuer}/token`, {
    method: "POST",
    headers: {
      authorization: `Basic ${Buffer.from(`${otherIdp.clientId}:${otherIdp.clientSecret}`).toString("base64")}`,
      "content-type": "application/x-www-form-urlencoded",
    },
    body: new URLSearchParams({
      grant_type: "authorization_code",
      code,
      redirect_uri: `${APP_URL}${CALLBACK_PATH}`,
      code_verifier: verifier,
    }),
  });
  expect(tokenResponse.status).toBe(200);
  const { id_token: idToken } = (await tokenResponse.json()) as { id_token: string };
  const claims = JSON.parse(Buffer.from(idToken.split(".")[1]!, "base64url").toString()) as Record<string, unknown>;
  expect(claims).toMatchObject({ iss: otherIdp.issuer, nonce, email: DEMO.finance });

  // 3. Handed to the app's callback with the app's own cookies: refused for its issuer.
  const response = await page.request.post(CALLBACK_PATH, {
    form: { state, code, id_token: idToken },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(302);
  expect(app?.output()).toContain("unexpected iss value");
  await page.goto(response.headers().location!);
  await expect(page).toHaveURL(/\/sign-in\?.*error=OAuthCallback/);
  await expect(page.getByRole("main").getByRole("alert")).toHaveText(NOT_COMPLETED);
  await expectSignedOut(page);
});
