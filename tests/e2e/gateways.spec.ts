import { expect, test, type Locator, type Page } from "@playwright/test";
import { financialYearOf, formatFinancialYear, monthLabel, type FinancialMonth } from "../../src/lib/financial-year";
import { formatMoney } from "../../src/lib/money";
import { DEMO, mainNav, signIn, signedInContext, waitForHydration } from "./support/auth";
import { expectNoSeriousA11yViolations } from "./support/axe";
import { expectMovedBy } from "./support/money";
import { card, idFromPath, isoDateFromToday, uniqueSuffix, writeForms } from "./support/pages";

/**
 * Gateways (DESIGN.md section 3) through the browser: a Barts Health lead creates a scheme,
 * screens its QIA (one negative dimension above the threshold) and EIA, and passes gateway 1
 * with finance's approval; gateway 2 lists exactly what is missing and refuses the submission
 * until the plan adds up and both clinical signatories have signed the full QIA; finance
 * approves it, which locks and baselines the plan and moves the scheme's value into Delivery
 * on the dashboard. Bad input, the board member's read-only view and axe on every new page.
 *
 * The tests share one scheme, so they run in order in one worker (serial: a failure skips
 * the rest). The scheme belongs to the financial year of today's date, so the run works
 * whenever it happens; its in-year value is a whole number of £100k so the dashboard's compact
 * "£x.ym" moves by exactly that much.
 */
test.describe.configure({ mode: "serial" });

const FY = financialYearOf(new Date());
const FY_TEXT = formatFinancialYear(FY);
/** £1.2m in-year and full-year: a plan of 12 x £100,000. */
const MONTHLY_PLAN = 100_000;
const IN_YEAR_POUNDS = 12 * MONTHLY_PLAN;
const IN_YEAR_PENCE = IN_YEAR_POUNDS * 100;
const SUFFIX = uniqueSuffix();
const TITLE = `E2E agency nurse rostering ${SUFFIX}`;

/** Set by the first test, used by the rest. */
let schemePath = "";
let schemeCode = "";

const MONTHS = Array.from({ length: 12 }, (_, i) => (i + 1) as FinancialMonth);

/** The grid cell "Plan M3 Jun 2026/27" of the scheme's year. */
function planCell(page: Page, month: FinancialMonth): Locator {
  return page.getByLabel(`Plan M${month} ${monthLabel(month)} ${FY_TEXT}`, { exact: true });
}

/** One gate's block of the gateway panel ("Gateway 2: planning to delivery"). */
function gateBlock(page: Page, gate: 1 | 2 | 3): Locator {
  return card(page, "Gateways")
    .locator("li")
    .filter({ has: page.getByRole("heading", { level: 3, name: new RegExp(`^Gateway ${gate}: `) }) });
}

/** The failed criteria a gate lists, read from their "Fix this: <criterion>" links (the criterion is for screen readers). */
async function missing(page: Page, gate: 1 | 2 | 3): Promise<string[]> {
  const links = await gateBlock(page, gate)
    .getByRole("link", { name: /^Fix this\b/ })
    .allTextContents();
  return links.map((t) => t.replace(/^Fix this: /, "").trim());
}

/** The value shown next to a term of the scheme's summary ("Stage"). */
function summaryValue(page: Page, term: string): Locator {
  return page
    .getByRole("main")
    .locator("dt", { hasText: new RegExp(`^${term}$`) })
    .locator("xpath=following-sibling::dd[1]");
}

/** The decision history of the gateway panel, newest first. */
function decisionHistory(page: Page): Locator {
  return card(page, "Gateways")
    .getByRole("heading", { level: 3, name: "Decision history" })
    .locator("xpath=following-sibling::ol[1]")
    .locator(":scope > li");
}

/** Finance's dashboard (their trust, this year): the maturity table's in-year value per stage. */
async function maturityByStage(page: Page): Promise<Record<string, string>> {
  await page.goto("/dashboard");
  await expect(page.getByRole("heading", { level: 1, name: "Finance dashboard" })).toBeVisible();
  await expect(page.getByRole("main").locator("h1").locator("xpath=preceding-sibling::p")).toHaveText(
    `Barts Health NHS Trust · ${FY_TEXT}`,
  );
  const table = page.getByRole("table", { name: "In-year value by stage, and the unidentified gap" });
  await expect(table.getByRole("rowheader", { name: "Delivery", exact: true })).toBeVisible();
  const rows = await table
    .locator("tbody tr")
    .evaluateAll((trs) =>
      trs.map((tr) => [
        tr.querySelector("th")?.textContent?.trim() ?? "",
        tr.querySelector("td")?.textContent?.trim() ?? "",
      ]),
    );
  return Object.fromEntries(rows);
}

/** The QIA page's status line: "Version 1: Draft · threshold 8 · lead …". */
function qiaStatusLine(page: Page): Locator {
  return page.getByRole("main").locator("p", { hasText: /^Version \d+: / });
}

/** As a clinical approver: from the home page's "Waiting for you", finds the scheme awaiting their signature and signs its QIA as approved. */
async function signQia(page: Page, capacity: "medical" | "nursing") {
  await page.goto("/");
  await card(page, "Waiting for you")
    .getByRole("link", { name: /^\d+ QIAs? awaits? your signature$/ })
    .click();
  await expect(page).toHaveURL(/\/qia\?view=awaiting-me$/);
  await expect(page.getByRole("heading", { level: 1, name: "Quality impact assessments" })).toBeVisible();
  await expect(
    page.getByRole("navigation", { name: "QIA lists" }).getByRole("link", { name: "Awaiting my signature" }),
  ).toHaveAttribute("aria-current", "page");
  const row = page.getByRole("row").filter({ hasText: TITLE });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText(capacity === "medical" ? "Medical: awaited" : "Medical: Dr James Wright");
  await expect(row).toContainText("Nursing: awaited");
  await expectNoSeriousA11yViolations(page, `/qia?view=awaiting-me (${capacity})`);
  await row.getByRole("link", { name: `${schemeCode} ${TITLE}` }).click();
  await expect(page).toHaveURL(`${schemePath}/qia`);

  const signOff = card(page, "Sign-off");
  await expect(signOff).toContainText(`You sign as the ${capacity} signatory.`);
  const form = signOff.locator("form");
  await waitForHydration(form);
  await form.getByLabel("Outcome").selectOption({ label: "Approved" });
  await form.getByLabel("Comment").fill(`E2E ${capacity} sign-off: mitigations proportionate.`);
  await form.getByRole("button", { name: "Record my sign-off" }).click();
  // The form goes once the capacity is signed, so the signature list is the confirmation.
  const who =
    capacity === "medical"
      ? "Medical signatory: Approved by Dr James Wright"
      : "Nursing signatory: Approved by Helen Adeyemi";
  await expect(signOff.getByRole("listitem").filter({ hasText: who })).toHaveCount(1);
}

test("a lead creates a scheme, screens its QIA and EIA and submits it; finance approves gateway 1", async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const lead = await signedInContext(browser, DEMO.lead);
  const page = lead.page;

  // The scheme, through the register's "New scheme".
  await mainNav(page).getByRole("link", { name: "Schemes", exact: true }).click();
  await page.getByRole("link", { name: "New scheme", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "New CIP scheme" })).toBeVisible();
  const create = page.locator("main form");
  await waitForHydration(create);
  await create.getByLabel("Title").fill(TITLE);
  await create
    .getByLabel("Description")
    .fill("Move agency nursing shifts onto the bank through e-rostering and a bank rate uplift.");
  await create.getByLabel("Category", { exact: true }).selectOption({ label: "Pay" });
  await create.getByLabel("Sub-category (optional)").fill("Agency");
  await create.getByLabel("Recurrent?").selectOption({ label: "Recurrent" });
  const workstream = create.getByLabel("Workstream (optional)");
  const workstreams = (await workstream.locator("option").allTextContents()).filter((t) => t !== "None");
  expect(workstreams.length, "workstreams offered to a Barts Health lead").toBeGreaterThan(0);
  await workstream.selectOption({ label: workstreams[0]! });
  await create.getByLabel("Financial year").selectOption(FY_TEXT);
  await create.getByLabel("Full-year effect (£)").fill(String(IN_YEAR_POUNDS));
  await create.getByLabel("In-year value (£)").fill(String(IN_YEAR_POUNDS));
  await create.getByLabel("Start month (optional)").selectOption({ label: "M1 Apr" });
  await create.getByLabel("Substantive", { exact: true }).fill("0");
  await create.getByLabel("Agency", { exact: true }).fill("4.5");
  await create.getByRole("button", { name: "Create scheme" }).click();
  const created = create.getByRole("status");
  await expect(created).toHaveText(/^Scheme BH-CIP-\d+ created\.$/);
  schemeCode = /^Scheme (BH-CIP-\d+) created\.$/.exec((await created.textContent()) ?? "")![1]!;
  await create.getByRole("link", { name: "Open the new scheme" }).click();
  await expect(page.getByRole("heading", { level: 1, name: TITLE })).toBeVisible();
  schemePath = new URL(page.url()).pathname;
  idFromPath(schemePath);

  // Gateway 1 waits for the two screenings only.
  await expect(summaryValue(page, "Stage")).toHaveText("Opportunity");
  await expect(summaryValue(page, "Workstream")).toHaveText(workstreams[0]!);
  await expect(gateBlock(page, 1).getByRole("heading", { level: 3 })).toHaveText(
    "Gateway 1: opportunity to planning(next)",
  );
  expect(await missing(page, 1)).toEqual([
    "The quality impact screening has not been answered.",
    "The equality impact screening has not been answered.",
  ]);
  await expect(decisionHistory(page)).toHaveCount(0);
  await expect(card(page, "Gateways")).toContainText("No gateway decisions yet.");
  await expectNoSeriousA11yViolations(page, "/schemes/[id] gateway panel (lead, opportunity)");

  // QIA screening: Safe is negative, 3 x 4 = 12 > 8; the other five have no impact.
  await card(page, "Quality and equality impact")
    .getByRole("link", { name: "Quality impact assessment", exact: true })
    .click();
  await expect(page).toHaveURL(`${schemePath}/qia`);
  await expect(page.getByText("No QIA has been started for this scheme.")).toBeVisible();
  await expectNoSeriousA11yViolations(page, "/schemes/[id]/qia not started");
  const start = page
    .getByRole("main")
    .locator("form")
    .filter({ has: page.getByRole("button", { name: "Start the QIA" }) });
  await waitForHydration(start);
  await start.getByRole("button", { name: "Start the QIA" }).click();
  const screening = card(page, "Screening").locator("form");
  await expect(screening).toBeVisible();
  await waitForHydration(screening);
  for (const dimension of ["Safe", "Effective", "Personalised experience", "Well-led", "Sustainable", "Equitable"]) {
    const group = screening.getByRole("group", { name: dimension });
    const negative = dimension === "Safe";
    await group.getByLabel(`Impact on ${dimension.toLowerCase()}`).selectOption(negative ? "NEGATIVE" : "NONE");
    await group.getByLabel("Likelihood", { exact: true }).selectOption(negative ? "3" : "1");
    await group.getByLabel("Consequence", { exact: true }).selectOption(negative ? "4" : "1");
    await expect(group.getByTestId(/^score-/)).toHaveText(
      negative ? "Score 12 — above 8: full QIA required" : "Score 1",
    );
  }
  await expect(screening.getByRole("status").filter({ hasText: /^Full QIA required/ })).toHaveText(
    "Full QIA required: Safe scores above 8 with a negative impact.",
  );
  await screening.getByRole("button", { name: "Save screening" }).click();
  await expect(screening.getByRole("status").first()).toHaveText("Screening saved: a full QIA is required.");
  await expect(page.getByText("Full QIA required: Safe (12).", { exact: true })).toBeVisible();
  await expect(card(page, "Full QIA").locator("form")).toBeVisible();
  await expectNoSeriousA11yViolations(page, "/schemes/[id]/qia screening and full QIA forms (lead)");

  // EIA screening: no impact on any of the nine protected characteristics.
  await page.getByRole("link", { name: "Back to the scheme" }).click();
  await card(page, "Quality and equality impact")
    .getByRole("link", { name: "Equality impact assessment", exact: true })
    .click();
  await expect(page).toHaveURL(`${schemePath}/eia`);
  const startEia = page
    .getByRole("main")
    .locator("form")
    .filter({ has: page.getByRole("button", { name: "Start the EIA" }) });
  await waitForHydration(startEia);
  await startEia.getByRole("button", { name: "Start the EIA" }).click();
  const eia = card(page, "Screening: the nine protected characteristics").locator("form");
  await expect(eia).toBeVisible();
  await waitForHydration(eia);
  const impacts = eia.getByLabel("Impact", { exact: true });
  await expect(impacts).toHaveCount(9);
  for (let i = 0; i < 9; i++) await impacts.nth(i).selectOption("NONE");
  await eia.getByRole("button", { name: "Save screening" }).click();
  await expect(eia.getByRole("status")).toHaveText("Screening saved: no full EIA is required.");
  await expect(page.getByRole("main").getByText("Draft · no full EIA required")).toBeVisible();
  await expectNoSeriousA11yViolations(page, "/schemes/[id]/eia screening (lead)");

  // Gateway 1 is met: the lead submits.
  await page.getByRole("link", { name: "Back to the scheme" }).click();
  await expect(gateBlock(page, 1)).toContainText("All criteria are met.");
  await expect(card(page, "Quality and equality impact")).toContainText("Version 1: Draft · full QIA required");
  await expect(card(page, "Gateways").getByRole("button", { name: "Record the decision" })).toHaveCount(0);
  const submit = card(page, "Gateways")
    .locator("form")
    .filter({ has: page.getByRole("button", { name: "Submit for gateway 1" }) });
  await waitForHydration(submit);
  await submit.getByRole("button", { name: "Submit for gateway 1" }).click();
  // The form goes as the scheme awaits its decision: the panel's stage line confirms it.
  await expect(card(page, "Gateways")).toContainText(
    /Stage: Opportunity · awaiting the gateway 1 decision since \d{1,2} \w{3} \d{4}/,
  );
  await expect(card(page, "Gateways").getByRole("button", { name: /^Submit for gateway/ })).toHaveCount(0);
  await lead.context.close();

  // Finance finds it in the pipeline and decides.
  const finance = await signedInContext(browser, DEMO.finance);
  const fp = finance.page;
  await fp.goto("/");
  await card(fp, "Waiting for you")
    .getByRole("link", { name: /^\d+ gateway decisions?$/ })
    .click();
  await expect(fp).toHaveURL("/gateways");
  await expect(fp.getByRole("heading", { level: 1, name: "Gateway pipeline" })).toBeVisible();
  const pipeline = fp.getByRole("table", { name: "Schemes awaiting a gateway decision, oldest submission first" });
  const row = pipeline.getByRole("row").filter({ hasText: TITLE });
  await expect(row).toHaveCount(1);
  await expect(row.getByRole("cell")).toHaveText([
    `${schemeCode} ${TITLE}`,
    "1",
    "Barts Health NHS Trust",
    "Sarah Collins",
    formatMoney(IN_YEAR_PENCE),
    /^\d{1,2} \w{3} \d{4}$/,
    "You can decide",
  ]);
  await expectNoSeriousA11yViolations(fp, "/gateways (finance)");
  await row.getByRole("link", { name: `${schemeCode} ${TITLE}` }).click();
  await expect(fp).toHaveURL(`${schemePath}#gateway`);

  const decide = card(fp, "Gateways")
    .locator("form")
    .filter({ has: fp.getByRole("button", { name: "Record the decision" }) });
  await waitForHydration(decide);
  await expectNoSeriousA11yViolations(fp, "/schemes/[id] gateway panel with the decision form (finance)");

  // Bad input: a rejection without a reason is refused next to the field, and nothing is recorded.
  await decide.getByLabel("Decision at gateway 1").selectOption({ label: "Reject" });
  await decide.getByRole("button", { name: "Record the decision" }).click();
  await expect(decide.getByRole("alert")).toHaveText("Some answers need correcting.");
  const reason = decide.getByLabel("Reason or comments");
  await expect(reason).toHaveAttribute("aria-invalid", "true");
  await expect(reason).toHaveAccessibleDescription(
    "Needed to reject or defer. Error: Give the reason for rejecting (at least 3 characters)",
  );
  await expect(decide.getByLabel("Decision at gateway 1")).toHaveValue("REJECT");
  await expectNoSeriousA11yViolations(fp, "/schemes/[id] decision form with an error (finance)");
  await fp.reload();
  await expect(summaryValue(fp, "Stage")).toHaveText("Opportunity");
  await expect(decisionHistory(fp)).toHaveCount(1);

  await waitForHydration(decide);
  await decide.getByLabel("Decision at gateway 1").selectOption({ label: "Approve" });
  await decide.getByLabel("Reason or comments").fill("E2E: a clear case, the agency premium is well evidenced.");
  // A condition with the date it is due by (issue 16: the lead is reminded once it is past due).
  await decide.getByLabel("Conditions of approval (optional)").fill("Report the bank fill rate monthly");
  await decide.getByLabel("Conditions to be met by (optional)").fill(isoDateFromToday(30));
  await decide.getByRole("button", { name: "Record the decision" }).click();
  await expect(summaryValue(fp, "Stage")).toHaveText("Planning");
  await expect(gateBlock(fp, 1)).toContainText(/Passed: approved by Priya Shah on \d{1,2} \w{3} \d{4}\./);
  await expect(card(fp, "Gateways")).toContainText("Stage: Planning");
  const history = decisionHistory(fp);
  await expect(history).toHaveCount(2);
  await expect(history.nth(0).locator("p").first()).toHaveText(
    /^Approved · gateway 1 · Opportunity → Planning · Priya Shah, \d{1,2} \w{3} \d{4}$/,
  );
  await expect(history.nth(0)).toContainText("E2E: a clear case, the agency premium is well evidenced.");
  await expect(history.nth(0)).toContainText(
    /Condition: Report the bank fill rate monthly \(due \d{1,2} \w{3} \d{4}\) — open/,
  );
  await expect(history.nth(1).locator("p").first()).toHaveText(
    /^Submitted · gateway 1 · Opportunity · Sarah Collins, \d{1,2} \w{3} \d{4}$/,
  );
  await expect(gateBlock(fp, 2).getByRole("heading", { level: 3 })).toHaveText("Gateway 2: planning to delivery(next)");

  await fp.goto("/gateways");
  await expect(fp.getByRole("row").filter({ hasText: TITLE })).toHaveCount(0);
  await finance.context.close();
});

test("gateway 2 lists what is missing and refuses the submission until the plan adds up and both clinicians have signed the full QIA", async ({
  browser,
}) => {
  test.setTimeout(300_000);
  expect(schemePath, "the scheme of the first test").not.toBe("");
  const lead = await signedInContext(browser, DEMO.lead);
  const page = lead.page;
  await page.goto(schemePath);
  await expect(summaryValue(page, "Stage")).toHaveText("Planning");

  // A plan £1 short of the in-year value.
  const grid = card(page, `Monthly financials ${FY_TEXT}`).locator("form");
  await waitForHydration(grid);
  for (const m of MONTHS) await planCell(page, m).fill(String(m === 12 ? MONTHLY_PLAN - 1 : MONTHLY_PLAN));
  await grid.getByRole("button", { name: `Save ${FY_TEXT} financials` }).click();
  await expect(grid.getByRole("status").first()).toHaveText("Saved 12 months.");

  const planShort = `Monthly plan for ${FY_TEXT} adds up to £1,199,999 but the in-year value is £1,200,000.`;
  const medical = "The full QIA has not been signed off by the medical signatory.";
  const nursing = "The full QIA has not been signed off by the nursing signatory.";
  await expect
    .poll(() => missing(page, 2), { message: "gateway 2's missing criteria" })
    .toEqual([
      planShort,
      "The scheme has no activity or milestone.",
      "The scheme has no KPI.",
      "The scheme's risks have not been assessed: its risk register is empty.",
      medical,
      nursing,
    ]);
  await expect(
    gateBlock(page, 2)
      .getByRole("link", { name: /^Fix this\b/ })
      .filter({ hasText: planShort }),
  ).toHaveAttribute("href", `${schemePath}#financials`);
  await expect(
    gateBlock(page, 2)
      .getByRole("link", { name: /^Fix this\b/ })
      .filter({ hasText: medical }),
  ).toHaveAttribute("href", `${schemePath}/qia`);
  await expectNoSeriousA11yViolations(page, "/schemes/[id] gateway 2 checklist failing (lead)");

  // The server refuses a submission while the criteria fail, and says why.
  const submit = card(page, "Gateways")
    .locator("form")
    .filter({ has: page.getByRole("button", { name: "Submit for gateway 2" }) });
  await waitForHydration(submit);
  await submit.getByRole("button", { name: "Submit for gateway 2" }).click();
  await expect(submit.getByRole("alert")).toHaveText(
    `Gateway 2 criteria are not met: ${planShort} The scheme has no activity or milestone. The scheme has no KPI. The scheme's risks have not been assessed: its risk register is empty. ${medical} ${nursing}`,
  );
  await expect(card(page, "Gateways")).not.toContainText("awaiting the gateway 2 decision");

  // Fix the plan, add a milestone and a KPI.
  await planCell(page, 12).fill(String(MONTHLY_PLAN));
  await grid.getByRole("button", { name: `Save ${FY_TEXT} financials` }).click();
  await expect(grid.getByRole("status").first()).toHaveText("Saved 1 month.");
  await expect(
    grid
      .getByRole("row")
      .filter({ has: page.getByRole("rowheader", { name: "Plan", exact: true }) })
      .getByRole("cell")
      .last(),
  ).toHaveText("£1,200,000");

  const milestone = `E2E e-rostering live on all adult wards ${SUFFIX}`;
  const addMilestone = card(page, "Milestones")
    .locator("form")
    .filter({ has: page.getByRole("button", { name: "Add milestone" }) });
  await waitForHydration(addMilestone);
  await addMilestone.getByLabel("Milestone").fill(milestone);
  await addMilestone.getByLabel("Due date (optional)").fill(isoDateFromToday(60));
  await addMilestone.getByRole("button", { name: "Add milestone" }).click();
  await expect(addMilestone.getByRole("status")).toHaveText("Milestone added.");
  await expect(card(page, "Milestones").getByRole("listitem").filter({ hasText: milestone })).toHaveCount(1);

  const kpi = `E2E agency share of nursing pay ${SUFFIX}`;
  const addKpi = card(page, "KPIs").locator("form");
  await waitForHydration(addKpi);
  await addKpi.getByLabel("KPI", { exact: true }).fill(kpi);
  await addKpi.getByLabel("Unit").fill("%");
  await addKpi.getByLabel("Which direction is better?").selectOption({ label: "Lower is better" });
  await addKpi.getByLabel("Baseline (optional)").fill("9.5");
  await addKpi.getByLabel("Target (optional)").fill("4");
  await addKpi.getByRole("button", { name: "Add KPI" }).click();
  await expect(addKpi.getByRole("status")).toHaveText("KPI added.");
  await expect(card(page, "KPIs").getByRole("listitem").filter({ hasText: kpi })).toHaveText(
    `${kpi} (%, lower is better) · baseline 9.5 · target 4 · no SPC limits yet`,
  );

  // A risk on the scheme's register.
  const riskTitle = `E2E bank fill rate too low ${SUFFIX}`;
  await card(page, "Risks").getByRole("link", { name: "Raise a risk" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Raise a risk" })).toBeVisible();
  const raise = page.locator("main form").filter({ has: page.getByRole("button", { name: "Raise risk" }) });
  await waitForHydration(raise);
  await raise.getByLabel("Title").fill(riskTitle);
  await raise.getByLabel("Cause").fill("Because bank rates are below agency rates");
  await raise.getByLabel("Event").fill("there is a risk that bank shifts stay unfilled");
  await raise.getByLabel("Effect").fill("which would lead to agency use continuing and the saving slipping");
  await raise.getByLabel("Category").selectOption({ label: "Financial" });
  for (const [legend, l, c] of [
    ["Inherent risk", 4, 3],
    ["Current risk", 3, 3],
    ["Target risk", 2, 3],
  ] as const) {
    const group = raise.getByRole("group", { name: legend });
    await group.getByLabel("Likelihood", { exact: true }).selectOption(String(l));
    await group.getByLabel("Consequence", { exact: true }).selectOption(String(c));
  }
  await raise.getByLabel("Next review date").fill(isoDateFromToday(30));
  await raise.getByRole("button", { name: "Raise risk" }).click();
  await expect(raise.getByRole("status")).toHaveText(`Risk "${riskTitle}" raised.`);

  await page.goto(schemePath);
  expect(await missing(page, 2)).toEqual([medical, nursing]);

  // The full QIA, then off to the signatories.
  await page.goto(`${schemePath}/qia`);
  const full = card(page, "Full QIA")
    .locator("form")
    .filter({ has: page.getByRole("button", { name: "Save full QIA" }) });
  await waitForHydration(full);
  const safe = full.getByRole("group", { name: "Safe (screening score 12)" });
  await safe
    .getByLabel("Impact on quality")
    .fill("Fewer agency nurses on night shifts could leave wards short when bank shifts go unfilled.");
  await safe
    .getByLabel("Mitigations")
    .fill("Daily staffing huddle; agency kept as the last resort above the safe-staffing floor.");
  await safe.getByLabel("Residual likelihood").selectOption("2");
  await safe.getByLabel("Residual consequence").selectOption("3");
  await full
    .getByLabel("Impact summary")
    .fill("A small risk to safe staffing, mitigated by the daily huddle and the safe-staffing floor.");
  await full.getByLabel("Post-implementation review date").fill(isoDateFromToday(180));
  const indicator = full.getByRole("group", { name: "New indicator 1" });
  await indicator.getByLabel("Name").fill(`E2E shifts below safe staffing ${SUFFIX}`);
  await indicator.getByLabel("Unit").fill("count");
  await indicator.getByLabel("Which way is better").selectOption({ label: "Lower is better" });
  await indicator.getByLabel("Baseline").fill("3");
  await indicator.getByLabel("Target (the guardrail)").fill("3");
  await full.getByRole("button", { name: "Save full QIA" }).click();
  await expect(full.getByRole("status")).toHaveText("Full QIA saved.");
  await expect(full.getByRole("group", { name: `Indicator: E2E shifts below safe staffing ${SUFFIX}` })).toBeVisible();
  await expectNoSeriousA11yViolations(page, "/schemes/[id]/qia full QIA filled in (lead)");
  const send = card(page, "Full QIA")
    .locator("form")
    .filter({ has: page.getByRole("button", { name: "Send for sign-off" }) });
  await waitForHydration(send);
  await send.getByRole("button", { name: "Send for sign-off" }).click();
  await expect(qiaStatusLine(page)).toHaveText("Version 1: Awaiting sign-off · threshold 8 · lead Sarah Collins");
  await expect(card(page, "Sign-off").getByRole("listitem")).toHaveText([
    "Medical signatory: awaited",
    "Nursing signatory: awaited",
  ]);
  await expect(card(page, "Sign-off").locator("form")).toHaveCount(0); // the lead never signs
  await expectNoSeriousA11yViolations(page, "/schemes/[id]/qia awaiting sign-off (lead)");

  // The medical director signs; gateway 2 still waits for the nursing signature.
  const medicalUser = await signedInContext(browser, DEMO.medical);
  await signQia(medicalUser.page, "medical");
  await medicalUser.context.close();
  await page.goto(schemePath);
  expect(await missing(page, 2)).toEqual([nursing]);
  await expect(card(page, "Quality and equality impact").getByRole("listitem")).toHaveText([
    "Medical: Approved by Dr James Wright",
    "Nursing signature awaited",
  ]);

  const nursingUser = await signedInContext(browser, DEMO.nursing);
  await signQia(nursingUser.page, "nursing");
  await expect(qiaStatusLine(nursingUser.page)).toHaveText("Version 1: Approved · threshold 8 · lead Sarah Collins");
  await nursingUser.context.close();

  // Every criterion met: the lead submits gateway 2.
  await page.goto(schemePath);
  await expect(gateBlock(page, 2)).toContainText("All criteria are met.");
  const submitAgain = card(page, "Gateways")
    .locator("form")
    .filter({ has: page.getByRole("button", { name: "Submit for gateway 2" }) });
  await waitForHydration(submitAgain);
  await submitAgain.getByRole("button", { name: "Submit for gateway 2" }).click();
  await expect(card(page, "Gateways")).toContainText(
    /Stage: Planning · awaiting the gateway 2 decision since \d{1,2} \w{3} \d{4}/,
  );
  await lead.context.close();
});

test("finance approves gateway 2: the scheme is in Delivery, its plan locked and baselined, and the dashboard counts it", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  expect(schemePath, "the scheme of the first test").not.toBe("");
  const finance = await signedInContext(browser, DEMO.finance);
  const page = finance.page;
  const before = await maturityByStage(page);
  await expect(card(page, "Awaiting decisions").getByRole("link", { name: /a gateway decision$/ })).toHaveText(
    /^(1 scheme awaits|([2-9]|\d{2,}) schemes await) a gateway decision$/,
  );

  await page.goto("/gateways");
  const row = page
    .getByRole("table", { name: "Schemes awaiting a gateway decision, oldest submission first" })
    .getByRole("row")
    .filter({ hasText: TITLE });
  await expect(row.getByRole("cell").nth(1)).toHaveText("2");
  await row.getByRole("link", { name: `${schemeCode} ${TITLE}` }).click();
  await expect(page).toHaveURL(`${schemePath}#gateway`);
  await expect(planCell(page, 1)).toBeEditable();

  const decide = card(page, "Gateways")
    .locator("form")
    .filter({ has: page.getByRole("button", { name: "Record the decision" }) });
  await waitForHydration(decide);
  await decide.getByLabel("Decision at gateway 2").selectOption({ label: "Approve" });
  await decide.getByRole("button", { name: "Record the decision" }).click();
  await expect(summaryValue(page, "Stage")).toHaveText("Delivery");
  await expect(decisionHistory(page).nth(0).locator("p").first()).toHaveText(
    /^Approved · gateway 2 · Planning → Delivery · Priya Shah, \d{1,2} \w{3} \d{4}$/,
  );
  await expect(decisionHistory(page)).toHaveCount(4);
  await expect(gateBlock(page, 3).getByRole("heading", { level: 3 })).toHaveText(
    "Gateway 3: delivery to complete(next)",
  );

  // The plan is locked (even for finance, who re-baselines instead) and baseline 1 is listed.
  for (const m of [1, 12] as const) {
    await expect(planCell(page, m)).not.toBeEditable();
    await expect(planCell(page, m)).toHaveAttribute("aria-describedby", /note-locked/);
  }
  await expect(
    page.getByText("The plan was baselined at gateway 2; only finance can re-baseline it, with a reason."),
  ).toBeVisible();
  const baselines = card(page, "Gateways")
    .getByRole("heading", { level: 3, name: "Plan baselines" })
    .locator("xpath=following-sibling::ul[1]")
    .getByRole("listitem");
  await expect(baselines).toHaveCount(1);
  await expect(baselines.first()).toHaveText(/^Baseline 1: £1\.2m · Priya Shah, \d{1,2} \w{3} \d{4} · at gateway 2$/);
  await expectNoSeriousA11yViolations(page, "/schemes/[id] gateway panel in delivery (finance)");

  // The dashboard: the scheme's £1.2m moved from Planning to Delivery.
  const after = await maturityByStage(page);
  console.log(
    `Maturity: delivery ${before.Delivery} → ${after.Delivery}, planning ${before.Planning} → ${after.Planning}`,
  );
  expectMovedBy(before.Delivery!, after.Delivery!, IN_YEAR_PENCE, "Delivery in-year value");
  expectMovedBy(before.Planning!, after.Planning!, -IN_YEAR_PENCE, "Planning in-year value");

  // The register filtered to Delivery lists it, with its in-year value.
  await page.goto(
    `/schemes?stage=DELIVERY&year=${FY}-${String((FY + 1) % 100).padStart(2, "0")}&q=${encodeURIComponent(SUFFIX)}`,
  );
  await expect(page.getByRole("main").locator("h1").locator("xpath=preceding-sibling::p")).toHaveText(
    `${FY_TEXT} · 1 scheme match`,
  );
  const registerRow = page
    .getByRole("table", { name: /^Schemes matching the filters/ })
    .locator("tbody tr")
    .filter({ hasText: TITLE });
  await expect(registerRow).toHaveCount(1);
  await expect(registerRow).toContainText("Delivery");
  await expect(registerRow).toContainText("£1.2m");
  await finance.context.close();

  // The lead cannot change the plan either.
  const lead = await signedInContext(browser, DEMO.lead);
  await lead.page.goto(schemePath);
  await expect(summaryValue(lead.page, "Stage")).toHaveText("Delivery");
  await expect(planCell(lead.page, 6)).not.toBeEditable();
  await lead.context.close();
});

test("a board member sees the gateway panel without any write control, and no pipeline in their navigation", async ({
  page,
}) => {
  expect(schemePath, "the scheme of the first test").not.toBe("");
  await signIn(page, DEMO.board);
  const nav = mainNav(page);
  await expect(nav.getByRole("link", { name: "QIAs", exact: true })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Gateways", exact: true })).toHaveCount(0);

  await page.goto(schemePath);
  const panel = card(page, "Gateways");
  await expect(panel).toContainText("Stage: Delivery");
  await expect(gateBlock(page, 3)).toContainText("Still missing:");
  await expect(decisionHistory(page)).toHaveCount(4);
  await expect(panel.locator("form")).toHaveCount(0);
  await expect(panel.getByRole("button")).toHaveCount(0);
  await expect(panel.getByRole("combobox")).toHaveCount(0);
  expect(await writeForms(page), "forms a board member could submit on the scheme page").toEqual([]);
  await expectNoSeriousA11yViolations(page, "/schemes/[id] gateway panel (board member)");

  await page.goto(`${schemePath}/qia`);
  await expect(page.getByRole("heading", { level: 1, name: "Quality impact assessment" })).toBeVisible();
  expect(await writeForms(page), "forms a board member could submit on the QIA").toEqual([]);
  await expectNoSeriousA11yViolations(page, "/schemes/[id]/qia (board member)");

  await nav.getByRole("link", { name: "QIAs", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Quality impact assessments" })).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: TITLE })).toContainText("Approved");
  expect(await writeForms(page), "forms a board member could submit on /qia").toEqual([]);
  await expectNoSeriousA11yViolations(page, "/qia (board member)");
});
