import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./support/auth";
import { expectNoSeriousA11yViolations } from "./support/axe";
import { LTH } from "./support/pages";

/**
 * The portfolio review's print view (issue 17): the demo review on portrait A4, the criteria and
 * the matrix on page 1 and the ranked table on page 2, every page headed and numbered; the
 * matrix's names are placed clear of one another (the demo's eight lines include a cluster).
 */

const OUT = process.env.PORTFOLIO_PRINT_OUT ?? mkdtempSync(path.join(os.tmpdir(), "portfolio-print-"));
const REVIEW = "Service-line portfolio review, Q2";

/** The matrix's name labels as drawn, and every pair whose boxes overlap. */
async function overlappingLabels(page: Page) {
  return page.locator(".portfolio-matrix svg g[aria-hidden='true'] text").evaluateAll((texts) => {
    const boxes = texts.map((t) => ({ name: t.textContent ?? "", r: t.getBoundingClientRect() }));
    const clash: string[] = [];
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i]!.r;
        const b = boxes[j]!.r;
        if (a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom)
          clash.push(`${boxes[i]!.name} / ${boxes[j]!.name}`);
      }
    return { count: boxes.length, clash };
  });
}

test("the portfolio review prints on A4: criteria and matrix, then the ranked table, labels apart", async ({
  page,
}) => {
  test.setTimeout(240_000);
  await signIn(page, LTH.finance);
  await page.goto("/portfolio");
  await page.getByRole("link", { name: REVIEW }).first().click();
  await page.getByRole("link", { name: "Print view" }).click();
  await expect(page.getByRole("heading", { level: 1, name: REVIEW })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Portfolio matrix" })).toBeVisible();
  await expect(page.getByRole("table", { name: /Service lines ranked/ }).locator("tbody tr")).toHaveCount(8);
  await expect(page.getByRole("link", { name: "Create a CIP scheme from this decision" })).toHaveCount(0);
  const labels = await overlappingLabels(page);
  expect(labels.count).toBe(8);
  expect(labels.clash).toEqual([]);
  await expectNoSeriousA11yViolations(page, "/portfolio/reviews/[id]/print");
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.screenshot({ path: path.join(OUT, "portfolio-print-1440.png"), fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: path.join(OUT, "portfolio-print-390.png"), fullPage: true });
  await expectNoSeriousA11yViolations(page, "/portfolio/reviews/[id]/print at 390 px");

  await page.emulateMedia({ media: "print" });
  expect((await overlappingLabels(page)).clash).toEqual([]);
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  const file = path.join(OUT, "portfolio-review.pdf");
  writeFileSync(file, pdf);
  const info = execFileSync("pdfinfo", [file]).toString();
  const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
  expect(pages).toBe(2);
  // Portrait A4 is 595 x 842 points.
  expect(info).toMatch(/Page size:\s+59[45](\.\d+)? x 84[12](\.\d+)? pts/);
  const text = (n: number) =>
    execFileSync("pdftotext", ["-f", String(n), "-l", String(n), "-layout", file, "-"]).toString();
  for (const n of [1, 2]) {
    expect(text(n), `page ${n} header`).toContain(`Lancashire Teaching Hospitals NHS Foundation Trust · ${REVIEW}`);
    expect(text(n), `page ${n} number`).toContain(`Page ${n} of 2`);
  }
  expect(text(1)).toContain("Criteria and weights");
  expect(text(1)).toContain("Portfolio matrix");
  expect(text(1)).not.toContain("Ranked results and decisions");
  expect(text(2)).toContain("Ranked results and decisions");
  expect(text(2)).toContain("Cardiology");
  execFileSync("pdftoppm", ["-png", "-r", "60", file, path.join(OUT, "portfolio-print-page")]);
});
