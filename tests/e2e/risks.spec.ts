import { expect, test, type Locator, type Page } from "@playwright/test";
import { DEMO, mainNav, signIn, waitForHydration } from "./support/auth";
import { expectNoSeriousA11yViolations } from "./support/axe";
import { LTH, card, idFromPath, isoDateFromToday, uniqueSuffix, writeForms } from "./support/pages";

/** Risk registers on the NHS 5x5 matrix: heatmap, raising and reassessing a risk, its trend. */

const RED = "rgb(213, 40, 27)"; // #d5281b, band "extreme" (15–25)
const AMBER = "rgb(237, 139, 0)"; // #ed8b00, band "high" (8–12)

/** The link of heatmap cell (likelihood, consequence) on /risks. */
function heatmapCell(page: Page, likelihood: number, consequence: number): Locator {
  return page.locator(`[data-cell="${likelihood}-${consequence}"]`);
}

/** The count a heatmap cell announces: "Likelihood 4 (Likely), …, Extreme: 3 risks". */
async function cellCount(cell: Locator): Promise<number> {
  const label = await cell.getByRole("link").getAttribute("aria-label");
  const match = /: (\d+) risks?$/.exec(label ?? "");
  expect(match, `a count in the cell's label "${label}"`).not.toBeNull();
  return Number(match![1]);
}

/** Chooses likelihood and consequence in one fieldset ("Inherent risk", "Current risk", "Target risk"). */
async function rate(form: Locator, legend: string, likelihood: number, consequence: number): Promise<void> {
  const group = form.getByRole("group", { name: legend });
  await group.getByLabel("Likelihood", { exact: true }).selectOption(String(likelihood));
  await group.getByLabel("Consequence", { exact: true }).selectOption(String(consequence));
}

test("an owner raises a 4x4 risk (red cell), completes an action, lowers it to 3x3 (amber) and the trend shows both", async ({
  page,
}) => {
  test.setTimeout(360_000); // a dozen page loads, four axe runs
  const suffix = uniqueSuffix();
  const title = `E2E theatre staffing risk ${suffix}`;
  const actionText = `E2E recruit two theatre practitioners ${suffix}`;

  await signIn(page, LTH.lead);
  await mainNav(page).getByRole("link", { name: "Risks", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Risk register" })).toBeVisible();
  const before = await cellCount(heatmapCell(page, 4, 4));
  await expectNoSeriousA11yViolations(page, "/risks (LTH lead)");

  await page.goto("/programmes");
  const programmeId = idFromPath(
    await page.getByRole("link", { name: "Managing with Covid", exact: true }).getAttribute("href"),
  );
  await page.goto(`/risks/new?programme=${programmeId}`);
  await expect(page.getByRole("heading", { level: 1, name: "Raise a risk" })).toBeVisible();
  await expectNoSeriousA11yViolations(page, "/risks/new");
  const raise = page.locator("main form").filter({ has: page.getByRole("button", { name: "Raise risk" }) });
  await waitForHydration(raise);
  await raise.getByLabel("Title").fill(title);
  await raise.getByLabel("Cause").fill("Because of theatre staff vacancies");
  await raise.getByLabel("Event").fill("there is a risk that elective sessions are cancelled");
  await raise.getByLabel("Effect").fill("which would lead to lost elective income and longer waits");
  const owner = raise.getByLabel("Owner", { exact: true });
  await expect(owner.locator("option:checked")).toHaveText("Rachel Barnes"); // the lead themself by default
  await owner.selectOption({ label: "Rachel Barnes" });
  await raise.getByLabel("Category").selectOption({ label: "Workforce" });
  await rate(raise, "Inherent risk", 5, 4);
  await rate(raise, "Current risk", 4, 4);
  await rate(raise, "Target risk", 2, 4);
  await raise.getByLabel("Next review date").fill(isoDateFromToday(30));
  await raise.getByRole("button", { name: "Raise risk" }).click();
  await expect(raise.getByRole("status")).toHaveText(`Risk "${title}" raised.`);
  await expect(raise.getByRole("link", { name: "Open the risk you raised" })).toBeVisible();

  // The heatmap: one more risk in (4, 4), a red "extreme" cell.
  await page.goto("/risks");
  const cell = heatmapCell(page, 4, 4);
  expect(await cellCount(cell)).toBe(before + 1);
  await expect(cell).toHaveAttribute("data-band", "extreme");
  await expect(cell.getByRole("link")).toHaveCSS("background-color", RED);
  await expect(cell.getByRole("link")).toHaveAccessibleName(
    `Likelihood 4 (Likely), consequence 4 (Major), score 16, Extreme: ${before + 1} risk${before + 1 === 1 ? "" : "s"}`,
  );
  await cell.getByRole("link").click();
  await expect(page).toHaveURL(/[?&]likelihood=4&consequence=4(&|$)/);
  const register = page.getByRole("table", { name: "Risks matching the filters" });
  await expect(register.getByRole("link", { name: title, exact: true })).toBeVisible();
  await expect(register.locator("tbody tr")).toHaveCount(before + 1);
  await expectNoSeriousA11yViolations(page, "/risks filtered to cell 4-4");

  await register.getByRole("link", { name: title, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  const current = page.getByTestId("current-score");
  await expect(current).toContainText("16 Extreme");
  await expectNoSeriousA11yViolations(page, "/risks/<id> (new risk)");

  // A mitigating action, owned by the lead, then done.
  const addAction = card(page, "Add a mitigating action").locator("form");
  await waitForHydration(addAction);
  await addAction.getByLabel("Mitigating action").fill(actionText);
  await addAction.getByLabel("Action owner").selectOption({ label: "Rachel Barnes" });
  await addAction.getByLabel("Due date").fill(isoDateFromToday(14));
  await addAction.getByRole("button", { name: "Add action" }).click();
  await expect(addAction.getByRole("status")).toHaveText("Action added.");
  const actions = page.getByRole("table", { name: "Mitigating actions" });
  const actionRow = actions.getByRole("row").filter({ hasText: actionText });
  await expect(actionRow).toContainText("Rachel Barnes");
  const actionStatus = actionRow.getByLabel(`Status of action: ${actionText}`);
  await expect(actionStatus).toHaveValue("OPEN");
  await waitForHydration(actionRow.locator("form"));
  await actionStatus.selectOption({ label: "Done" });
  await actionRow.getByRole("button", { name: `Save status of action: ${actionText}` }).click();
  await expect(actionRow.getByRole("status")).toHaveText("Action updated.");
  await page.reload();
  await expect(
    page.getByRole("table", { name: "Mitigating actions" }).getByLabel(`Status of action: ${actionText}`),
  ).toHaveValue("DONE");
  await expectNoSeriousA11yViolations(page, "/risks/<id> with a done action");

  // Reassess: current 3 x 3 = 9, amber.
  const reassess = card(page, "Reassess the risk").locator("form");
  await waitForHydration(reassess);
  await rate(reassess, "Current risk", 3, 3);
  await reassess.getByRole("button", { name: "Save risk" }).click();
  await expect(reassess.getByRole("status")).toHaveText("Risk saved.");
  await expect(current).toContainText("9 High");
  await expect(current).toContainText("likelihood 3 × consequence 3");
  const badge = current.locator("[data-band]");
  await expect(badge).toHaveAttribute("data-band", "high");
  await expect(badge).toHaveCSS("background-color", AMBER);
  const trend = page.getByRole("table", { name: "Every scoring of this risk" }).locator("tbody tr");
  await expect(trend).toHaveCount(2);
  await expect(trend.nth(0).getByRole("cell").nth(2)).toHaveText("16 Extreme (4 × 4)");
  await expect(trend.nth(1).getByRole("cell").nth(2)).toHaveText("9 High (3 × 3)");
  await expectNoSeriousA11yViolations(page, "/risks/<id> after reassessment");

  // A target worse than the current score is refused next to the target. (Current is set again
  // because the form shows the pre-save scores after "Save risk": see the known-bug test below.)
  await rate(reassess, "Current risk", 3, 3);
  await rate(reassess, "Target risk", 4, 4);
  await reassess.getByRole("button", { name: "Save risk" }).click();
  await expect(reassess.getByRole("alert")).toHaveText("Some answers need correcting.");
  const targetLikelihood = reassess
    .getByRole("group", { name: "Target risk" })
    .getByLabel("Likelihood", { exact: true });
  await expect(targetLikelihood).toHaveAttribute("aria-invalid", "true");
  await expect(targetLikelihood).toHaveAccessibleDescription(
    /The target score \(16\) cannot be worse than the current score \(9\)/,
  );
  await expectNoSeriousA11yViolations(page, "/risks/<id> with a target error");
  await page.reload();
  await expect(current).toContainText("9 High");
  await expect(trend).toHaveCount(2);

  // The risk left cell (4, 4) for (3, 3).
  await page.goto("/risks");
  expect(await cellCount(heatmapCell(page, 4, 4))).toBe(before);
  await heatmapCell(page, 3, 3).getByRole("link").click();
  await expect(
    page.getByRole("table", { name: "Risks matching the filters" }).getByRole("link", { name: title, exact: true }),
  ).toBeVisible();
});

test("a board member reads the register and a risk with no write forms, and downloads the CSV", async ({ page }) => {
  await signIn(page, DEMO.board);
  await mainNav(page).getByRole("link", { name: "Risks", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Risk register" })).toBeVisible();
  expect(await writeForms(page), "forms a board member could submit on /risks").toEqual([]);
  await expect(page.getByRole("link", { name: "Raise a risk" })).toHaveCount(0);
  await expectNoSeriousA11yViolations(page, "/risks (board member)");

  const download = page.getByRole("link", { name: "Download CSV" });
  const response = await page.request.get((await download.getAttribute("href"))!);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toMatch(/^text\/csv\b/);
  const lines = (await response.text()).replace(/^\uFEFF/, "").split("\r\n");
  expect(lines[0]).toBe(
    "Title,Organisation,Programme or scheme,Workstream,Category,Owner,Cause,Event,Effect,Inherent score,Current likelihood,Current consequence,Current score,Current band,Target score,Review date,Status,Closure reason",
  );
  expect(lines.filter(Boolean).length, "the NEL risks below the header").toBeGreaterThan(1);

  const register = page.getByRole("table", { name: "Risks matching the filters" });
  await register.getByRole("link").first().click();
  await expect(page).toHaveURL(/\/risks\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId("current-score")).toBeVisible();
  await expect(page.getByRole("table", { name: "Every scoring of this risk" })).toBeVisible();
  expect(await writeForms(page), "forms a board member could submit on a risk").toEqual([]);
  await expect(page.getByRole("main").getByRole("button")).toHaveCount(0);
  await expect(page.getByRole("main").getByRole("combobox")).toHaveCount(0);
  await expectNoSeriousA11yViolations(page, "/risks/<id> (board member)");
});

test("after 'Save risk' the reassessment form shows the values just saved", async ({ page }) => {
  await signIn(page, LTH.lead);
  await page.goto("/risks?q=Service+line+reporting+data");
  await page
    .getByRole("table", { name: "Risks matching the filters" })
    .getByRole("link", { name: "Service line reporting data not trusted by clinical teams" })
    .click();
  const reassess = card(page, "Reassess the risk").locator("form");
  await waitForHydration(reassess);
  const reviewDate = reassess.getByLabel("Next review date");
  const newDate =
    (await reviewDate.inputValue()) === isoDateFromToday(40) ? isoDateFromToday(41) : isoDateFromToday(40);
  await reviewDate.fill(newDate);
  await reassess.getByRole("button", { name: "Save risk" }).click();
  await expect(reassess.getByRole("status")).toHaveText("Risk saved.");
  // The page has the saved date (its props are fresh)…
  const shown = new Intl.DateTimeFormat("en-GB", {
    day: "numeric",
    month: "short",
    year: "numeric",
    timeZone: "UTC",
  }).format(new Date(newDate));
  await expect(
    page.getByRole("main").locator("dt", { hasText: "Next review" }).locator("xpath=following-sibling::dd[1]"),
  ).toHaveText(shown);
  // …and so should the form.
  await expect(reviewDate).toHaveValue(newDate, { timeout: 3_000 });
});
