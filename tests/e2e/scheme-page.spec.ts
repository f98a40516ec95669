import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { exeFile, pdfFile } from "../factories/attachment-files";
import { signIn, waitForHydration } from "./support/auth";
import { expectNoSeriousA11yViolations } from "./support/axe";
import { LTH, card } from "./support/pages";

/**
 * The scheme page a lead can work in (issue 13 item 6): the summary, the contents list by
 * keyboard, an attachment uploaded and downloaded (a program refused), a comment with an
 * @mention that the mentioned person finds under "Waiting for you", and the history; axe at
 * 1440 and 390 px.
 */

const contents = (page: Page) => page.getByRole("navigation", { name: "Contents" });

/** Finance at LTH opens the first scheme of the register. */
async function openAScheme(page: Page): Promise<string> {
  await page.goto("/schemes");
  const link = page
    .getByRole("main")
    .locator('a[href^="/schemes/"]')
    .filter({ hasNotText: /^New scheme$/ })
    .first();
  const path = await link.getAttribute("href");
  expect(path).toMatch(/^\/schemes\/[0-9a-f-]{36}$/);
  await page.goto(path!);
  return path!;
}

test("a scheme page: summary, contents by keyboard, attachments, comments with a mention, history", async ({
  page,
  browser,
}) => {
  test.setTimeout(360_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  await signIn(page, LTH.finance);
  const path = await openAScheme(page);

  // The summary comes first: stage, RAG, value, the next gate, this month's update.
  const summary = card(page, "Summary");
  for (const term of ["Stage", "Delivery RAG", "Next gate", "Monthly update"])
    await expect(summary.locator("dt", { hasText: new RegExp(`^${term}`) })).toHaveCount(1);
  await expect(summary.locator("dt", { hasText: /^In-year value \(\d{4}\/\d{2}\)$/ })).toHaveCount(1);

  // The contents list by keyboard: Tab from its first link to "History", Enter jumps there.
  const nav = contents(page);
  await expect(nav.getByRole("link")).toHaveText([
    "Summary",
    "Details",
    "Financials",
    ...((await nav.getByRole("link", { name: "Monthly update form" }).count()) ? ["Monthly update form"] : []),
    "Gateways",
    "Milestones",
    "Quality and equality",
    /^Risks \(\d+\)$/,
    /^KPIs \(\d+\)$/,
    /^Monthly updates \(\d+\)$/,
    /^History \(\d+\)$/,
    /^Comments \(\d+\)$/,
    /^Attachments \(\d+\)$/,
    "Edit the scheme",
  ]);
  // The list is in page order, and every entry leads to a section.
  const tops = await nav
    .getByRole("link")
    .evaluateAll((links) =>
      links.map((a) => document.getElementById(a.getAttribute("href")!.slice(1))?.getBoundingClientRect().top ?? NaN),
    );
  expect(tops.every((top, i) => !Number.isNaN(top) && (i === 0 || top > tops[i - 1]!))).toBe(true);

  // The financials open with the year's chart (plan, forecast, actual; markers) and its table.
  const chart = page.locator("#financials");
  if ((await chart.locator("svg[data-chart]").count()) > 0) {
    await expect(chart.locator('svg[data-chart="cumulative"]')).toHaveCount(1);
    await expect(chart.locator('svg[data-chart="in-month"]')).toHaveCount(1);
    await chart.getByText("The chart's figures as a table").click();
    await expect(chart.getByRole("table", { name: /^Plan, forecast and actual by month/ })).toBeVisible();
  }

  await nav.getByRole("link", { name: "Summary" }).focus();
  for (let i = 0; i < 15; i++) {
    const focused = await page.evaluate(() => document.activeElement?.textContent ?? "");
    if (focused.startsWith("History")) break;
    await page.keyboard.press("Tab");
  }
  await expect(nav.getByRole("link", { name: /^History/ })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`${path}#history$`));
  await expect(page.locator("#history h2")).toBeInViewport();

  // Attachments: a program named .exe is refused with its reason; a PDF is attached.
  const attachments = card(page, "Attachments");
  const form = attachments.locator("form").filter({ has: page.getByRole("button", { name: "Upload" }) });
  await waitForHydration(form);
  await form.getByLabel("Attach a file").setInputFiles({
    name: "setup.exe",
    mimeType: "application/octet-stream",
    buffer: exeFile(),
  });
  await form.getByRole("button", { name: "Upload" }).click();
  await expect(form.locator("[data-error-summary]")).toContainText("Files of type .exe cannot be attached");
  await expect(page).toHaveTitle(/^Error: /);
  const fileName = `Business case ${Date.now()}.pdf`;
  await form
    .getByLabel("Attach a file")
    .setInputFiles({ name: fileName, mimeType: "application/pdf", buffer: pdfFile() });
  await form.getByRole("button", { name: "Upload" }).click();
  await expect(form.getByRole("status")).toHaveText(`Attached ${fileName}.`);
  const download = attachments.getByRole("link", { name: fileName });
  await expect(download).toBeVisible();

  // Download: the same bytes, as an attachment, typed from the bytes, nosniff; nobody without a session.
  const [file] = await Promise.all([page.waitForEvent("download"), download.click()]);
  expect(file.suggestedFilename()).toBe(fileName);
  expect(await readFile((await file.path())!)).toEqual(pdfFile());
  const href = (await download.getAttribute("href"))!;
  const response = await page.request.get(href);
  expect(response.status()).toBe(200);
  expect(response.headers()).toMatchObject({
    "content-type": "application/pdf",
    "x-content-type-options": "nosniff",
    "content-disposition": expect.stringMatching(/^attachment; filename="Business case \d+\.pdf"/),
  });
  // Without a session the proxy sends the browser to sign in; the file never leaves.
  const anonymous = await browser.newContext();
  const refused = await anonymous.request.get(new URL(href, page.url()).toString(), { maxRedirects: 0 });
  expect(refused.status()).toBe(307);
  expect(refused.headers()["location"]).toMatch(/\/sign-in/);
  expect(refused.headers()["content-type"] ?? "").not.toMatch(/pdf/);
  await anonymous.close();

  // A comment mentioning the lead.
  const comments = card(page, "Comments");
  const commentForm = comments.locator("form");
  await waitForHydration(commentForm);
  const text = `E2E ${Date.now()}: can you attach the signed QIA before the panel?`;
  await commentForm.getByLabel("Add a comment").fill(text);
  // The people who can see the scheme are checkboxes: any number can be ticked.
  const picker = commentForm.getByRole("group", { name: "Mention (optional)" });
  await picker.getByRole("checkbox", { name: LTH.lead }).check();
  await commentForm.getByRole("button", { name: "Post comment" }).click();
  await expect(commentForm.getByRole("status")).toHaveText("Comment posted; Rachel Barnes will see it.");
  await expect(comments.getByRole("listitem").filter({ hasText: text })).toContainText("Mentioned: @Rachel Barnes");

  // The history says what happened, by whom.
  await page.reload();
  const history = card(page, "History");
  await expect(
    history
      .getByRole("listitem")
      .filter({ hasText: `Attached ${fileName}` })
      .first(),
  ).toContainText("David Fletcher");
  await expect(
    history.getByRole("listitem").filter({ hasText: "Commented, mentioning Rachel Barnes" }).first(),
  ).toContainText(text);
  await expectNoSeriousA11yViolations(page, "/schemes/[id] at 1440 px");
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: "test-results/scheme-page-1440.png", fullPage: false });
  await page.screenshot({ path: "test-results/scheme-page-1440-full.png", fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(contents(page)).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await expectNoSeriousA11yViolations(page, "/schemes/[id] at 390 px");
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: "test-results/scheme-page-390.png", fullPage: false });

  // The lead finds the mention under "Waiting for you", follows it to the comment, marks it read.
  const leadContext = await browser.newContext();
  const lead = await leadContext.newPage();
  await signIn(lead, LTH.lead);
  const waiting = card(lead, "Waiting for you");
  const mention = waiting.getByRole("listitem").filter({ hasText: "David Fletcher mentioned you on" });
  await expect(mention).toHaveCount(1);
  await expectNoSeriousA11yViolations(lead, "/ (lead, a mention waiting)");
  await mention.getByRole("link", { name: /^David Fletcher mentioned you on / }).click();
  await expect(lead).toHaveURL(new RegExp(`${path}#comment-[0-9a-f-]{36}$`));
  const target = lead.locator(new URL(lead.url()).hash);
  await expect(target).toContainText(text);
  await expect(target).toBeInViewport();
  await lead.goto("/");
  const markRead = card(lead, "Waiting for you").getByRole("button", { name: /^Mark read/ });
  await waitForHydration(markRead);
  await markRead.click();
  // Read, it leaves "Waiting for you" (the page re-renders without it), also after a reload; the
  // confirmation stays above the list although the item and its button have gone.
  await expect(
    lead.getByRole("status").filter({ hasText: /^Marked as read: David Fletcher mentioned you on / }),
  ).toBeVisible();
  await expect(lead.getByRole("listitem").filter({ hasText: "David Fletcher mentioned you on" })).toHaveCount(0);
  await lead.reload();
  await expect(lead.getByText("David Fletcher mentioned you on")).toHaveCount(0);
  await leadContext.close();
});

test("a board member reads the comments and downloads attachments but has no form to write", async ({ page }) => {
  await signIn(page, "board@demo.nhs.uk");
  await page.goto("/schemes");
  const link = page.getByRole("main").locator('a[href^="/schemes/"]').first();
  await page.goto((await link.getAttribute("href"))!);
  await expect(card(page, "Comments")).toContainText("Board members read comments; they do not write them.");
  await expect(card(page, "Comments").locator("form")).toHaveCount(0);
  await expect(card(page, "Attachments").locator("form")).toHaveCount(0);
});
