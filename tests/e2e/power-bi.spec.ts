import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { signedInContext } from "./support/auth";
import { expectNoSeriousA11yViolations } from "./support/axe";
import { LTH, uniqueSuffix } from "./support/pages";

/**
 * Connect Power BI (issue 15): finance creates a personal token, downloads the organisation's
 * Power BI data-source file for scheme months, and the file's URL answers with the CSV when
 * called as Power BI does after its credentials prompt (Basic, any user name, the token as the
 * password); without credentials it is refused. Axe on the API tokens page.
 */

test("finance downloads a .pbids for scheme months whose URL serves the CSV with the token as a Basic password", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const { page, context } = await signedInContext(browser, LTH.finance);
  await page.goto("/api-tokens");
  await page.getByLabel("Token name").fill(`Power BI ${uniqueSuffix()}`);
  await page.getByRole("button", { name: "Create token" }).click();
  const token = await page.getByLabel("Token", { exact: true }).inputValue();
  expect(token).toMatch(/^rt_pat_/);

  const powerBi = page.locator("#power-bi");
  await expect(powerBi.getByRole("heading", { level: 2, name: "Connect Power BI" })).toBeVisible();
  await expectNoSeriousA11yViolations(page, "/api-tokens");
  const download = page.waitForEvent("download");
  await powerBi
    .getByRole("link", { name: "Scheme months for Lancashire Teaching Hospitals NHS Foundation Trust (.pbids)" })
    .click();
  const file = await download;
  expect(file.suggestedFilename()).toBe("recovery-tracker-LTH-scheme-months.pbids");
  const pbids = JSON.parse(await readFile((await file.path())!, "utf8"));
  expect(pbids.version).toBe("0.1");
  expect(pbids.connections).toHaveLength(1);
  expect(pbids.connections[0].details.protocol).toBe("http");
  const url = new URL(pbids.connections[0].details.address.url);
  expect(url.pathname).toBe("/api/v1/scheme-months");
  expect(url.searchParams.get("format")).toBe("csv");
  expect(JSON.stringify(pbids)).not.toContain(token);

  // As Power BI calls it, from outside the browser session.
  const api = await browser.newContext();
  const refused = await api.request.get(url.toString());
  expect(refused.status()).toBe(401);
  const basic = Buffer.from(`powerbi:${token}`).toString("base64");
  const response = await api.request.get(url.toString(), { headers: { Authorization: `Basic ${basic}` } });
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toContain("text/csv");
  const [header, firstRow] = (await response.text()).split(/\r?\n/);
  expect(header).toContain("schemeId");
  expect(header).toContain("actualPounds");
  expect(firstRow).toContain(",LTH,");
  await api.close();
  await context.close();
});
