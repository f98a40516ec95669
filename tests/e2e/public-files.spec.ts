import { expect, test } from "@playwright/test";

/**
 * Issue 18 item 7: what a deployed app serves from public/ without a session: robots.txt keeps
 * search engines out, the favicon (ICO and SVG) and a web manifest with the app's name, all linked
 * from every page's head.
 */
test("robots.txt, the favicon and the web manifest are served without a session and linked from the pages", async ({
  request,
  page,
}) => {
  const robots = await request.get("/robots.txt", { maxRedirects: 0 });
  expect(robots.status()).toBe(200);
  expect(robots.headers()["content-type"]).toMatch(/^text\/plain/);
  expect((await robots.text()).split("\n")).toEqual(["User-agent: *", "Disallow: /", ""]);

  const manifest = await request.get("/manifest.webmanifest", { maxRedirects: 0 });
  expect(manifest.status()).toBe(200);
  expect(manifest.headers()["content-type"]).toMatch(/^application\/manifest\+json/);
  expect(await manifest.json()).toMatchObject({ name: "Recovery Tracker", start_url: "/" });

  const ico = await request.get("/favicon.ico", { maxRedirects: 0 });
  expect(ico.status()).toBe(200);
  // An ICO header (reserved 0, type 1 = icon) holding one 32 px image.
  expect([...(await ico.body()).subarray(0, 7)]).toEqual([0, 0, 1, 0, 1, 0, 32]);
  const svg = await request.get("/favicon.svg", { maxRedirects: 0 });
  expect(svg.status()).toBe(200);
  expect(await svg.text()).toMatch(/^<svg /);

  await page.goto("/sign-in");
  const head = page.locator("head");
  await expect(head.locator('link[rel="manifest"]')).toHaveAttribute("href", "/manifest.webmanifest");
  await expect(head.locator('link[rel="icon"][href="/favicon.ico"]')).toHaveCount(1);
  await expect(head.locator('link[rel="icon"][href="/favicon.svg"]')).toHaveCount(1);
  await expect(head.locator('meta[name="robots"]')).toHaveAttribute("content", "noindex, nofollow");
});
