import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { DEMO, signedInContext } from "./support/auth";
import { expectNoSeriousA11yViolations } from "./support/axe";
import { writeForms } from "./support/pages";

/**
 * The board pack (issue 13 item 2): finance writes the month's commentary; the board member
 * reads it with no write control; printed by Chromium it is two landscape A4 pages and the Making Data Count annex (issue 14), every page
 * headed with the organisation, year, month and "as at" date and numbered "Page n of N", the
 * charts are drawn (server-rendered SVG, printed straight after loading), and no two boxes overlap.
 */

const ORGANISATION = "Barts Health NHS Trust";
const OUT = process.env.BOARD_PACK_OUT ?? mkdtempSync(path.join(os.tmpdir(), "board-pack-"));

/** Bounding boxes of the pack's boxes in print layout, and every pair that overlaps. */
async function overlappingBoxes(page: Page): Promise<string[]> {
  return page.locator("[data-board-box]").evaluateAll((elements) => {
    const boxes = elements.map((e) => ({ id: e.id || e.className.slice(0, 30), r: e.getBoundingClientRect() }));
    const clash: string[] = [];
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i]!.r;
        const b = boxes[j]!.r;
        const nested = elements[i]!.contains(elements[j]!) || elements[j]!.contains(elements[i]!);
        if (
          !nested &&
          a.left < b.right - 0.5 &&
          b.left < a.right - 0.5 &&
          a.top < b.bottom - 0.5 &&
          b.top < a.bottom - 0.5
        )
          clash.push(`${boxes[i]!.id} / ${boxes[j]!.id}`);
      }
    return clash;
  });
}

/** Boxes whose content spills past their own edges (a chart cut off, a table wider than its box). */
async function overflowingBoxes(page: Page): Promise<string[]> {
  return page
    .locator("[data-board-box]")
    .evaluateAll((elements) =>
      elements.filter((e) => e.scrollWidth > e.clientWidth + 1 || e.scrollHeight > e.clientHeight + 1).map((e) => e.id),
    );
}

test("finance writes the commentary; the board reads it; the pack prints on two landscape A4 pages and its SPC annex after them", async ({
  browser,
}) => {
  test.setTimeout(360_000);
  const commentary = `M8 position: behind plan on agency; recovery actions agreed at FRC. ${Date.now()}`;
  const finance = await signedInContext(browser, DEMO.finance);
  await finance.page.goto("/board");
  await expect(finance.page.getByRole("heading", { level: 1, name: "Board summary" })).toBeVisible();
  const box = finance.page.getByLabel(/^Finance commentary for M\d+/);
  await box.fill(commentary);
  await finance.page.getByRole("button", { name: "Save commentary" }).click();
  await expect(finance.page.getByText("Commentary saved.")).toBeVisible();
  await finance.context.close();

  const { context, page } = await signedInContext(browser, DEMO.board);
  await page.goto("/board");
  await expect(page.getByRole("heading", { level: 1, name: "Board summary" })).toBeVisible();
  await expect(page.locator("[data-commentary]")).toHaveText(commentary);
  await expect(page.getByRole("textbox")).toHaveCount(0);
  expect(await writeForms(page)).toEqual([]);
  await expect(page.getByRole("button", { name: "Print / save as PDF" })).toBeVisible();
  await expectNoSeriousA11yViolations(page, "/board (board member)");

  // Print layout at the printable width of landscape A4 (297 mm less 20 mm of margins, 96 dpi).
  await page.setViewportSize({ width: 1047, height: 700 });
  await page.emulateMedia({ media: "print" });
  expect(await overlappingBoxes(page)).toEqual([]);
  expect(await overflowingBoxes(page)).toEqual([]);
  const charts = await page.locator("svg[data-chart]").evaluateAll((svgs) =>
    svgs.map((s) => ({
      chart: s.getAttribute("data-chart"),
      width: Math.round(s.getBoundingClientRect().width),
      marks: s.querySelectorAll("rect, path, circle").length,
    })),
  );
  expect(charts.map((c) => c.chart).sort()).toEqual(["cumulative", "in-month", "stage-bar", "waterfall"]);
  for (const c of charts) {
    expect(c.width, `${c.chart} width`).toBeGreaterThan(250);
    expect(c.marks, `${c.chart} is drawn`).toBeGreaterThan(5);
  }

  // Printed straight after loading: a fresh load, then the PDF at once.
  await page.goto("/board");
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  const file = path.join(OUT, "board-pack.pdf");
  writeFileSync(file, pdf);
  const info = execFileSync("pdfinfo", [file]).toString();
  const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
  // The finance pack is two pages; Making Data Count (issue 14) follows as its own annex of at most two.
  expect(pages).toBeGreaterThanOrEqual(3);
  expect(pages).toBeLessThanOrEqual(4);
  // Landscape A4 is 842 x 595 points.
  expect(info).toMatch(/Page size:\s+84[12](\.\d+)? x 59[45](\.\d+)? pts/);
  for (let n = 1; n <= pages; n++) {
    const text = execFileSync("pdftotext", ["-f", String(n), "-l", String(n), "-layout", file, "-"]).toString();
    expect(text, `page ${n} header`).toContain(ORGANISATION);
    expect(text, `page ${n} header`).toMatch(
      /Financial recovery \d{4}\/\d{2} · M\d+ \(\w{3}\) · as at \d{1,2} \w{3} \d{4}/,
    );
    expect(text, `page ${n} number`).toContain(`Page ${n} of ${pages}`);
  }
  const pageText = (n: number) =>
    execFileSync("pdftotext", ["-f", String(n), "-l", String(n), "-layout", file, "-"]).toString();
  expect(pageText(1)).toContain("Executive summary");
  expect(pageText(2)).toContain("Monthly position");
  expect(pageText(2)).not.toContain("Making Data Count");
  expect(pageText(3)).toContain("Making Data Count: summary icons");
  const all = execFileSync("pdftotext", ["-layout", file, "-"]).toString();
  expect(all).toContain("Making Data Count: SPC charts");
  expect(all).toContain("Executive summary");
  expect(all).toContain(commentary.slice(0, 40));
  execFileSync("pdftoppm", ["-png", "-r", "60", file, path.join(OUT, "board-pack-page")]);
  await context.close();
});
