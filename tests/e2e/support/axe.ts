import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";

export const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

/**
 * Runs axe (WCAG 2.2 AA rules) on the page as it is now and fails on any serious or
 * critical violation, printing each one with the elements it found.
 */
export async function expectNoSeriousA11yViolations(page: Page, what = new URL(page.url()).pathname): Promise<void> {
  await test.step(`axe: ${what}`, async () => {
    const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
    const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    const report = serious
      .map((v) => {
        const nodes = v.nodes
          .map((n) => `    ${n.target.join(" ")}\n      ${n.failureSummary?.replace(/\n/g, "\n      ") ?? ""}`)
          .join("\n");
        return `[${v.impact}] ${v.id}: ${v.help} (${v.helpUrl})\n${nodes}`;
      })
      .join("\n");
    if (serious.length) console.log(`Accessibility violations on ${what}:\n${report}`);
    expect(serious, `serious or critical accessibility violations on ${what}:\n${report}`).toEqual([]);
  });
}
