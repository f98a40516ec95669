import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { queryE2eDatabase } from "./support/database";
import { DEMO, signedInContext } from "./support/auth";
import { E2E_BASE_URL } from "./support/env";

/**
 * Issue 18 item 4: a server action posted from another site (or from an opaque "null" origin) is
 * refused with 403 and a plain message, not Next's 500, and the attempt is audited as
 * "csrf.refused" with the user whose cookie rode along.
 */

/** The "Create user" action's id, from the request the admin's browser makes when submitting the form empty. */
async function createUserActionId(page: Page): Promise<string> {
  await page.goto("/admin/users");
  const form = page.locator("main form").filter({ has: page.getByRole("button", { name: "Create user" }) });
  const request = page.waitForRequest((r) => r.method() === "POST" && Boolean(r.headers()["next-action"]));
  await form.getByRole("button", { name: "Create user" }).click();
  const actionId = (await request).headers()["next-action"];
  expect(actionId).toMatch(/^[0-9a-f]{20,}$/);
  return actionId!;
}

/** The action as React posts it (previous state, empty form data), with the Origin the test chooses. */
function postAction(request: APIRequestContext, actionId: string, origin: string | null) {
  return request.post("/admin/users", {
    headers: { "Next-Action": actionId, Accept: "text/x-component", ...(origin === null ? {} : { Origin: origin }) },
    multipart: { "0": JSON.stringify([null, "$K1"]) },
    maxRedirects: 0,
  });
}

async function refusalsSince(since: Date, origin: string) {
  return queryE2eDatabase<{ actor_email: string | null; entity_id: string; path: string }>(
    `SELECT u.email AS actor_email, a.entity_id, a.after->>'path' AS path
       FROM audit_event a LEFT JOIN app_user u ON u.id = a.actor_id
      WHERE a.action = 'csrf.refused' AND a.occurred_at >= $1 AND a.after->>'origin' = $2`,
    [since, origin],
  );
}

test("a server action posted from another site or a null origin is refused with 403 and audited", async ({
  browser,
}) => {
  const admin = await signedInContext(browser, DEMO.admin);
  const anonymous = await browser.newContext();
  try {
    const actionId = await createUserActionId(admin.page);
    const since = new Date(Date.now() - 1000);

    // Control: the same post from the app's own origin reaches the action (which refuses the empty form).
    const control = await postAction(admin.context.request, actionId, E2E_BASE_URL);
    expect(control.status()).toBe(200);
    expect(await control.text()).toContain("Some answers need correcting.");

    for (const origin of ["https://evil.example", "null"]) {
      await test.step(`Origin: ${origin}`, async () => {
        const forged = await postAction(admin.context.request, actionId, origin);
        expect(forged.status()).toBe(403);
        expect(forged.headers()["content-type"]).toMatch(/^text\/plain/);
        expect(await forged.text()).toBe(
          "This request came from another website, so it was refused. Open Recovery Tracker and try again there.",
        );
        expect(await refusalsSince(since, origin)).toEqual([
          { actor_email: DEMO.admin, entity_id: actionId.slice(0, 64), path: "/admin/users" },
        ]);
      });
    }

    await test.step("no session, and a no-JavaScript form post (no Next-Action header)", async () => {
      const forged = await anonymous.request.post("/admin/users", {
        headers: { Origin: "https://other.example" },
        multipart: { name: "Forged Account" },
        maxRedirects: 0,
      });
      expect(forged.status()).toBe(403);
      expect(await refusalsSince(since, "https://other.example")).toEqual([
        { actor_email: null, entity_id: "/admin/users", path: "/admin/users" },
      ]);
    });

    // A post without Origin is not a browser's (browsers always send it): it goes on, as Next lets it.
    const noOrigin = await postAction(admin.context.request, actionId, null);
    expect(noOrigin.status()).toBe(200);
  } finally {
    await Promise.all([admin.context.close(), anonymous.close()]);
  }
});
