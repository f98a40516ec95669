import { expect, test, type Page } from "@playwright/test";
import { mainNav, signIn, signedInContext } from "./support/auth";
import { expectNoSeriousA11yViolations } from "./support/axe";
import { LTH, uniqueSuffix } from "./support/pages";

/**
 * Service-line portfolio review (issue 17): finance sets up six weighted criteria, two scorers
 * score four service lines, the matrix places them in the expected quadrants, and a divest
 * decision becomes a CIP scheme that appears in the register.
 */

const CRITERIA = [
  { domain: "Clinical sustainability", name: "Workforce availability", weight: "20" },
  { domain: "Clinical sustainability", name: "Full range of specialty services", weight: "15" },
  { domain: "Clinical sustainability", name: "Clinical performance metrics", weight: "15" },
  { domain: "Economic sustainability", name: "Financial performance", weight: "25" },
  { domain: "Economic sustainability", name: "Growth potential", weight: "15" },
  { domain: "Economic sustainability", name: "Commissioning intentions", weight: "10" },
];

/** Clinical and economic score (0-10) each scorer gives every criterion of the domain. */
const LINES = [
  { name: "Cardiology", clinical: 8, economic: 8, quadrant: "High clinical, high economic" },
  { name: "Ophthalmology", clinical: 3, economic: 8, quadrant: "Low clinical, high economic" },
  { name: "Trauma and orthopaedics", clinical: 7, economic: 3, quadrant: "High clinical, low economic" },
  { name: "Dermatology", clinical: 2, economic: 2, quadrant: "Low clinical, low economic" },
];

async function expectStatus(page: Page, text: string | RegExp) {
  await expect(page.getByRole("status").filter({ hasText: text })).toBeVisible();
}

/** Scores every line: the clinical criteria at `clinical + offset`, the economic at `economic + offset`. */
async function scoreAll(page: Page, offset: number) {
  for (const line of LINES) {
    const details = page.locator("#my-scores details").filter({ hasText: line.name });
    if (!(await details.getAttribute("open"))) await details.locator("summary").click();
    const form = details.locator("form");
    for (const [i, c] of CRITERIA.entries()) {
      const score = (i < 3 ? line.clinical : line.economic) + offset;
      await form.getByLabel(new RegExp(`^${c.name} \\(`)).fill(String(score));
      await form.getByLabel(`Rationale for ${c.name}`).fill(`E2E evidence for ${line.name}`);
    }
    await form.getByRole("button", { name: `Save my scores for ${line.name}` }).click();
    await expect(form.getByRole("status")).toHaveText("6 scores saved.");
  }
}

test("finance runs a portfolio review: criteria, two scorers, the matrix, a divest decision becomes a scheme", async ({
  page,
  browser,
}) => {
  test.setTimeout(480_000);
  const suffix = uniqueSuffix();
  const reviewName = `E2E portfolio review ${suffix}`;

  await signIn(page, LTH.finance);
  await mainNav(page).getByRole("link", { name: "Portfolio review", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Service-line portfolio review" })).toBeVisible();
  await expectNoSeriousA11yViolations(page, "/portfolio");
  await page.getByLabel("Review name").fill(reviewName);
  await page.getByLabel("Cohort quarter").fill("Q3 2026/27");
  await page.getByRole("button", { name: "Create review" }).click();
  await expectStatus(page, `Review "${reviewName}" created.`);
  await page.getByRole("link", { name: reviewName }).click();
  await expect(page.getByRole("heading", { level: 1, name: reviewName })).toBeVisible();

  // Six criteria; a weight beyond the pool is refused on its field.
  for (const c of CRITERIA) {
    await page.getByLabel("Domain", { exact: true }).selectOption({ label: c.domain });
    await page.getByLabel("Criterion", { exact: true }).fill(c.name);
    await page.getByLabel("Weight (points)").fill(c.weight);
    await page.getByRole("button", { name: "Add criterion" }).click();
    await expectStatus(page, `Criterion "${c.name}" added.`);
  }
  await expect(page.getByText("0 points of the pool left to allocate")).toBeVisible();
  await page.getByLabel("Criterion", { exact: true }).fill("Research income");
  await page.getByLabel("Weight (points)").fill("5");
  await page.getByRole("button", { name: "Add criterion" }).click();
  await expect(page.locator("#criterion-weight-error")).toContainText(
    "Only 0 of the pool of 100 points is left to allocate",
  );

  // Four service lines, two scorers, then lock the criteria.
  const members = page.locator("#members");
  for (const line of LINES) await members.getByLabel(line.name, { exact: true }).check();
  await members.getByLabel(/^David Fletcher/).check();
  await members.getByLabel(/^Rachel Barnes/).check();
  await members.getByRole("button", { name: "Save service lines and scorers" }).click();
  await expectStatus(page, "Service lines and scorers saved.");
  await page.getByRole("button", { name: "Lock criteria and start scoring" }).click();
  await expectStatus(page, "Scoring: criteria locked");
  await expect(page.getByRole("button", { name: "Add criterion" })).toHaveCount(0);
  const reviewUrl = page.url();

  await scoreAll(page, 0);
  const { context, page: lead } = await signedInContext(browser, LTH.lead);
  await lead.goto(reviewUrl);
  await scoreAll(lead, 1);
  await expect(lead.getByRole("button", { name: /Record decision/ })).toHaveCount(0); // finance decides
  await context.close();

  // The matrix and its table: each line in its quadrant, ranked, with the scorers' spread.
  await page.reload();
  for (const line of LINES) {
    const row = page.locator("#results tr").filter({ has: page.getByRole("rowheader", { name: line.name }) });
    await expect(row).toContainText(line.quadrant);
    await expect(row).toContainText("spread 10.0");
  }
  await expect(page.locator("#results tbody tr").first()).toContainText("Cardiology");
  await expect(page.getByRole("link", { name: /^Dermatology: clinical sustainability 25\.0/ })).toBeVisible();
  await expectNoSeriousA11yViolations(page, "/portfolio/reviews/[id]");

  // Divest dermatology; the decision becomes a CIP scheme, linked both ways.
  const decision = page.locator("#decisions details").filter({ hasText: "Dermatology" });
  await decision.locator("summary").click();
  await expect(decision.getByLabel("Decision")).toHaveValue("DIVEST"); // the quadrant's suggestion
  await decision.getByLabel("Rationale").fill("Low on both domains; move routine work to the community provider");
  await decision.getByRole("button", { name: "Record decision for Dermatology" }).click();
  await expect(decision.getByRole("status")).toHaveText("Decision recorded.");
  await page.getByRole("link", { name: "Create a CIP scheme from this decision" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "New CIP scheme from a portfolio decision" })).toBeVisible();
  await expect(page.getByLabel("Title", { exact: true })).toHaveValue("Divest or shrink: Dermatology");
  await expectNoSeriousA11yViolations(page, "/portfolio/.../scheme");
  const title = `Dermatology service transfer ${suffix}`;
  await page.getByLabel("Title", { exact: true }).fill(title);
  await page.getByLabel("Category", { exact: true }).selectOption("PAY");
  await page.getByLabel("Full-year effect").fill("480,000");
  await page.getByLabel("In-year value").fill("240,000");
  await page.getByRole("button", { name: /Create scheme|Save/ }).click();
  // The page re-renders as the linked decision it now is.
  await expect(page.getByText(/This decision became scheme LTH-CIP-\d+, linked to the review\./)).toBeVisible();

  await page.goto(reviewUrl);
  await expect(page.getByText(/Schemes arising from portfolio review Q3 2026\/27: 1, £240k identified/)).toBeVisible();
  await page.getByRole("link", { name: new RegExp(title) }).click();
  await expect(page.getByText(`${reviewName}: divest or shrink Dermatology`)).toBeVisible();

  await page.goto("/schemes");
  await expect(page.getByRole("link", { name: title })).toBeVisible();
});
