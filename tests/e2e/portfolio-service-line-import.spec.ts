import { readFile } from "node:fs/promises";
import ExcelJS from "exceljs";
import { expect, test } from "@playwright/test";
import { signedInContext } from "./support/auth";
import { expectNoSeriousA11yViolations } from "./support/axe";
import { LTH, uniqueSuffix } from "./support/pages";

/**
 * Service lines from a spreadsheet (issue 17 item 1): finance downloads the organisation's
 * template, fills in a specialty and one of its departments (with one deliberate error), sees
 * the error by row and column, fixes it, imports, and the lines are listed with their budget.
 */

test("finance imports service lines from the template; a bad budget is shown by row and column, then fixed", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const { page, context } = await signedInContext(browser, LTH.finance);
  await page.goto("/portfolio/service-lines");
  const section = page.locator("#import");
  await expect(
    section.getByRole("heading", { level: 2, name: "Import service lines from a spreadsheet" }),
  ).toBeVisible();
  const download = page.waitForEvent("download");
  await section.getByRole("link", { name: "Download the template (.xlsx)" }).click();
  const template = await (await download).path();
  const specialty = `E2E Respiratory ${uniqueSuffix()}`;
  const fill = async (budget: string | number) => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await readFile(template)) as unknown as ExcelJS.Buffer);
    const sheet = wb.getWorksheet("Service lines")!;
    const next = sheet.actualRowCount + 1;
    sheet.getRow(next).values = [specialty, "Division / specialty", null, null, "2026/27", budget, 12000, 85.5];
    sheet.getRow(next + 1).values = [
      `${specialty} sleep clinic`,
      "Sub-specialty / department",
      specialty,
      null,
      "2026/27",
      400000,
      900,
      6,
    ];
    return { bytes: Buffer.from(await wb.xlsx.writeBuffer()), row: next };
  };
  const upload = async (bytes: Buffer) => {
    await section.getByLabel("Service lines workbook or CSV file").setInputFiles({
      name: "service-lines.xlsx",
      mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      buffer: bytes,
    });
    await section.getByRole("button", { name: "Check the file" }).click();
  };

  const bad = await fill("1.2m");
  await upload(bad.bytes);
  const problems = section.getByRole("table", { name: /to fix before anything can be imported/ });
  await expect(problems).toContainText(`${bad.row}F (Budget (£))'1.2m' is not an amount in pounds; write 1200000`);
  // The department points back at its specialty's row rather than calling it unknown.
  await expect(problems).toContainText(`${specialty} has errors on row ${bad.row}; fix that row first`);
  await expect(section.getByRole("button", { name: "Import the service lines" })).toHaveCount(0);
  await expectNoSeriousA11yViolations(page, "/portfolio/service-lines (preview with an error)");

  await upload((await fill(5_600_000)).bytes);
  await expect(section).toContainText("2 service lines to create");
  await expect(section).toContainText("2 years of sizes to write");
  await section.getByRole("button", { name: "Import the service lines" }).click();
  await expect(section.getByRole("status")).toContainText("Service lines imported.");
  await expectNoSeriousA11yViolations(page, "/portfolio/service-lines (imported)");
  await page.reload();
  const table = page.getByRole("table", { name: "Service lines with their latest size" });
  await expect(table.getByRole("row").filter({ hasText: `${specialty} sleep clinic` })).toContainText("£400k");
  await expect(table.getByRole("row").filter({ hasText: specialty }).first()).toContainText("£5.6m");
  await context.close();
});
