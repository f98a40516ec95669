import { expect, test } from "@playwright/test";
import type { ParsedMail } from "mailparser";
import { resetEnvCache } from "../../src/env";
import { disconnectDb } from "../../src/server/db";
import { JOBS } from "../../src/server/jobs/job-definitions";
import { startSmtpSink, type SmtpSink } from "../helpers/smtp-sink";
import { DEMO, signIn, waitForHydration } from "./support/auth";
import { expectNoSeriousA11yViolations } from "./support/axe";
import { E2E_APP_ROLE, E2E_BASE_URL, E2E_DATABASE, E2E_NEXTAUTH_SECRET, databaseUrl } from "./support/env";

/**
 * The "done when" (issue 16): a lead follows the link in a real digest email to the
 * monthly-update form, submits the update and the reminder is gone. The digest job
 * ("reminders.digest", as the scheduler runs it) runs in this process against the e2e database
 * and sends over SMTP to a real SMTP server on 127.0.0.1; its links point at the e2e app.
 */
test.describe.configure({ mode: "serial" });

const LEAD = DEMO.lead; // Sarah Collins (BH); notifications.spec.ts uses the LTH lead
let sink: SmtpSink;
const saved = { ...process.env };

test.beforeAll(async () => {
  sink = await startSmtpSink();
  Object.assign(process.env, {
    DATABASE_URL: databaseUrl(E2E_DATABASE, { role: E2E_APP_ROLE }),
    DATABASE_POOL_MAX: "2",
    SMTP_HOST: "127.0.0.1",
    SMTP_PORT: String(sink.port),
    SMTP_SECURE: "false",
    SMTP_FROM: "Recovery Tracker <reminders@e2e.test>",
    NEXTAUTH_URL: E2E_BASE_URL,
    NEXTAUTH_SECRET: E2E_NEXTAUTH_SECRET,
  });
  resetEnvCache();
});

test.afterAll(async () => {
  await disconnectDb();
  await sink?.close();
  for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
  Object.assign(process.env, saved);
  resetEnvCache();
});

const mailTo = (email: string): ParsedMail[] =>
  sink.messages.filter((m) => m.to && !Array.isArray(m.to) && m.to.text === email);

test("a lead follows the monthly-update link in the digest email to the form, submits it and the reminder is gone", async ({
  page,
}) => {
  test.setTimeout(360_000);
  const digest = JOBS.find((job) => job.name === "reminders.digest");
  expect(digest, "the digest job is scheduled").toBeDefined();
  const report = (await digest!.run(new Date())) as { sent: number; failed: number };
  expect(report.failed).toBe(0);

  const mails = mailTo(LEAD);
  expect(mails, `one digest to ${LEAD}`).toHaveLength(1);
  const mail = mails[0]!;
  expect(mail.subject).toMatch(/^Recovery Tracker: (1 thing needs|\d+ things need) you \(/);
  expect(mail.text).not.toMatch(/£/); // titles and dates only
  // The HTML's link to the scheme's monthly-update form, with its title as the link text.
  const link = /<a href="([^"]+\/schemes\/[0-9a-f-]{36}#monthly-update)"[^>]*>(Monthly update for [^<]+)<\/a>/.exec(
    mail.html || "",
  );
  expect(link, "a link to a scheme's monthly-update form in the email").not.toBeNull();
  const href = link![1]!.replace(/&amp;/g, "&");
  const title = link![2]!
    .replace(/&amp;/g, "&")
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"');
  expect(href.startsWith(`${E2E_BASE_URL}/schemes/`)).toBe(true);
  expect(mail.text).toContain(href); // the plain-text part carries the same link

  await signIn(page, LEAD);
  await page.goto(href);
  await expect(page).toHaveURL(/\/schemes\/[0-9a-f-]{36}#monthly-update$/);
  const form = page.locator("#monthly-update form");
  await waitForHydration(form);
  await expectNoSeriousA11yViolations(page, "scheme page from the digest link (lead)");
  const actual = form.getByLabel(/^Actual saving in M\d+ .* \(£\)$/);
  if (!(await actual.inputValue())) await actual.fill("1,000");
  await form.getByLabel("Delivery RAG").selectOption({ label: "Green" });
  await form.getByLabel("Commentary").fill("E2E: update submitted from the digest email.");
  await form.getByRole("button", { name: /^Submit the update for / }).click();
  await expect(form.getByRole("status")).toHaveText(/^Monthly update for .* submitted\.$/);

  await page.goto("/notifications");
  await expect(page.getByRole("heading", { level: 1, name: "Notifications" })).toBeVisible();
  await expect(page.getByRole("link", { name: title, exact: true })).toHaveCount(0);
  await expectNoSeriousA11yViolations(page, "/notifications after the update (lead)");
});
