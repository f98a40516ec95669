import { readFile } from "node:fs/promises";
import ExcelJS from "exceljs";
import { expect, test, type Page } from "@playwright/test";
import { DEMO, signedInContext } from "./support/auth";
import { expectNoSeriousA11yViolations } from "./support/axe";
import { expectMovedBy } from "./support/money";
import { card } from "./support/pages";

/**
 * Finance imports a tracker: downloads the template, fills it in (the test writes it, as a
 * trust's finance team would in Excel), uploads it, sees one deliberate row error, fixes it,
 * imports, and the dashboard moves by exactly the imported amount. A lead sees no import.
 */

const IN_YEAR_PENCE = 500_000 * 100;

async function identified(page: Page): Promise<{ value: string; count: number }> {
  await page.goto("/dashboard");
  const tile = card(page, "Headline figures").getByRole("heading", { level: 3, name: "Identified", exact: true });
  const value = ((await tile.locator("xpath=following-sibling::p[1]").textContent()) ?? "").trim();
  const detail = ((await tile.locator("xpath=following-sibling::p[2]").textContent()) ?? "").trim();
  return { value, count: Number(/^(\d+) scheme/.exec(detail)?.[1]) };
}

/** Fills the downloaded template's Schemes and Months sheets with one scheme. */
async function fillTemplate(templatePath: string, lead: string, code: string, year: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await readFile(templatePath)) as unknown as ExcelJS.Buffer);
  const schemes = wb.getWorksheet("Schemes")!;
  const lists = wb.getWorksheet("Lists")!;
  const organisationCode = String(lists.getCell("A2").value);
  schemes.getRow(2).values = [
    code,
    "Imported agency reduction",
    "Convert agency shifts to bank, imported from the trust's tracker",
    organisationCode,
    null,
    null,
    lead,
    "Pay",
    "Agency",
    null,
    "Recurrent",
    "Cash-releasing",
    year,
    600000,
    IN_YEAR_PENCE / 100,
    "M1",
    0,
    0,
    -2,
    "Green",
    null,
  ];
  const months = wb.getWorksheet("Months")!;
  for (let m = 1; m <= 12; m++) months.getRow(m + 1).values = [code, year, `M${m}`, m <= 10 ? 50000 : 0];
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/**
 * Records every text the form's live region shows and every step of the progress bar, so the
 * test sees the progress of a step that may last well under a second.
 */
async function recordProgress(page: Page) {
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { progressSeen: string[] }).progressSeen = seen;
    const form = document.querySelector("form:has(#import-file)")!;
    const note = (text: string) => {
      if (text && seen.at(-1) !== text) seen.push(text);
    };
    new MutationObserver(() => {
      note(form.querySelector('[role="status"]')?.textContent?.trim() ?? "");
      const bar = form.querySelector<HTMLProgressElement>('progress[aria-label="Import progress"]');
      if (bar) note(`step ${bar.value} of ${bar.max}`);
    }).observe(form, { subtree: true, childList: true, characterData: true, attributes: true });
  });
}

const progressSeen = (page: Page) =>
  page.evaluate(() => (window as unknown as { progressSeen: string[] }).progressSeen);

test("finance imports a filled-in template; one row error is fixed; the dashboard moves by the imported amount", async ({
  browser,
}) => {
  test.setTimeout(360_000);
  const { page, context } = await signedInContext(browser, DEMO.finance);
  const before = await identified(page);

  await page.goto("/finance/import");
  await expect(page.getByRole("heading", { level: 1, name: "Import from Excel" })).toBeVisible();
  await expectNoSeriousA11yViolations(page, "/finance/import");
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: /Download the import template/ }).click();
  const template = await (await download).path();
  const year =
    (await page.evaluate(() => new Date().getUTCMonth())) >= 3
      ? new Date().getUTCFullYear()
      : new Date().getUTCFullYear() - 1;
  const fy = `${year}/${String((year + 1) % 100).padStart(2, "0")}`;
  const code = `E2E-${Date.now().toString(36).toUpperCase()}`;

  const upload = async (bytes: Buffer) => {
    await page.getByLabel("Workbook or CSV file").setInputFiles({
      name: "tracker.xlsx",
      mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      buffer: bytes,
    });
    await page.getByRole("button", { name: "Check the file" }).click();
  };

  await upload(await fillTemplate(template, "nobody@example.org", code, fy));
  const problems = page.getByRole("table", { name: "Problems in the file, by sheet, row and column" });
  // The one deliberate error, and each month row of that scheme pointing back at it.
  const leadError = problems.getByRole("row").filter({ hasText: "G (Lead)" });
  await expect(leadError).toHaveCount(1);
  await expect(leadError).toContainText("'nobody@example.org' is not a lead or finance user of");
  await expect(problems.getByRole("row").filter({ hasText: "has errors on the Schemes sheet (row 2)" })).toHaveCount(
    12,
  );
  await expect(page.getByRole("button", { name: /^Import / })).toHaveCount(0);
  await expectNoSeriousA11yViolations(page, "/finance/import (preview with an error)");

  await upload(await fillTemplate(template, DEMO.finance, code, fy));
  const preview = page.getByRole("list", { name: "What the import would do" });
  await expect(preview).toContainText("1 scheme to create");
  await expect(preview).toContainText("12 month rows to write");
  await expect(page.getByRole("status")).toHaveText(
    "Checked tracker.xlsx: no problems; nothing is written until you import.",
  );
  await recordProgress(page);
  await page.getByRole("button", { name: "Import 1 scheme" }).click();
  await expect(page.getByText("Imported tracker.xlsx into")).toBeVisible();
  // The phases were shown in the live region in order, with the progress bar's step (React may
  // draw two phases that end within a millisecond of each other as one).
  const seen = await progressSeen(page);
  const phases = [
    "Read 13 rows; checking each one…",
    "Checked 13 rows.",
    "Written 1 scheme.",
    "Written 12 month rows.",
    "Written 0 risks; recording the audit trail…",
    "Written and recorded in the audit trail.",
  ];
  const shown = seen.filter((t) => phases.includes(t));
  expect(shown.length, JSON.stringify(seen)).toBeGreaterThanOrEqual(3);
  expect(shown).toEqual(phases.filter((p) => shown.includes(p)));
  expect(
    seen.some((t) => /^step [1-5] of 6$/.test(t)),
    JSON.stringify(seen),
  ).toBe(true);
  expect(seen.at(-1)).toMatch(/^Imported tracker\.xlsx into .+’s tracker\./);
  await expect(page.getByRole("list", { name: "What was imported" })).toContainText("1 scheme created");
  await expectNoSeriousA11yViolations(page, "/finance/import (imported)");

  const after = await identified(page);
  expect(after.count).toBe(before.count + 1);
  expectMovedBy(before.value, after.value, IN_YEAR_PENCE, "Identified");
  await context.close();
});

test("a file of thousands of rows shows how far the check has got, then what it found", async ({ browser }) => {
  test.setTimeout(180_000);
  const { page, context } = await signedInContext(browser, DEMO.finance);
  await page.goto("/finance/import");
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: /Download the import template/ }).click();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await readFile(await (await download).path())) as unknown as ExcelJS.Buffer);
  const organisationCode = String(wb.getWorksheet("Lists")!.getCell("A2").value);
  const year = new Date().getUTCMonth() >= 3 ? new Date().getUTCFullYear() : new Date().getUTCFullYear() - 1;
  const fy = `${year}/${String((year + 1) % 100).padStart(2, "0")}`;
  const schemes = wb.getWorksheet("Schemes")!;
  const months = wb.getWorksheet("Months")!;
  const tag = `BIG-${Date.now().toString(36).toUpperCase()}`;
  for (let i = 0; i < 2_000; i++) {
    const code = `${tag}-${i}`;
    schemes.getRow(i + 2).values = [
      code,
      `Scheme ${i}`,
      "From a big tracker",
      organisationCode,
      null,
      null,
      DEMO.finance,
      "Pay",
      null,
      null,
      "Recurrent",
      "Cash-releasing",
      fy,
      12000,
      6000,
    ];
    for (let m = 1; m <= 12; m++) months.getRow(i * 12 + m + 1).values = [code, fy, `M${m}`, 500];
  }
  await recordProgress(page);
  await page.getByLabel("Workbook or CSV file").setInputFiles({
    name: "big.xlsx",
    mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    buffer: Buffer.from(await wb.xlsx.writeBuffer()),
  });
  await page.getByRole("button", { name: "Check the file" }).click();
  await expect(page.getByRole("status")).toHaveText(
    "Checked big.xlsx: no problems; nothing is written until you import.",
    {
      timeout: 120_000,
    },
  );
  const seen = await progressSeen(page);
  for (const text of [
    "Reading the file: 5,000 rows so far…",
    "Reading the file: 25,000 rows so far…",
    "Read 26,000 rows; checking each one…",
    "step 1 of 2",
  ])
    expect(seen, `progress "${text}" in ${JSON.stringify(seen)}`).toContain(text);
  await expect(page.getByRole("list", { name: "What the import would do" })).toContainText("2,000 schemes to create");
  await expectNoSeriousA11yViolations(page, "/finance/import (a big file checked)");
  await context.close();
});

test("a lead sees no import", async ({ browser }) => {
  const { page, context } = await signedInContext(browser, DEMO.lead);
  await page.goto("/finance/import");
  await expect(page.getByRole("heading", { level: 1 })).not.toHaveText("Import from Excel");
  await expect(page.getByLabel("Workbook or CSV file")).toHaveCount(0);
  const response = await page.request.get("/api/imports/template?organisation=00000000-0000-4000-8000-000000000000");
  expect(response.status()).toBe(403);
  await context.close();
});
