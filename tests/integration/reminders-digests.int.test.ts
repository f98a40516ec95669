import nodemailer from "nodemailer";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_SEND_ATTEMPTS, sendDigests } from "@/modules/notifications/send-digests";
import { checkPreferencesToken } from "@/modules/notifications/preferences-token";
import { syncNotifications } from "@/modules/reminders/sync-notifications";
import { db } from "@/server/db";
import type { Mailer } from "@/server/mail/mailer";
import { createActor } from "../factories";
import { createSchemeRow, createSchemeWorld, type SchemeWorld } from "../factories/schemes";
import { startSmtpSink, type SmtpSink } from "../helpers/smtp-sink";
import { useTestDatabase } from "../helpers/test-database";

/**
 * Email digests against a real SMTP server on 127.0.0.1: one per person per day with every
 * item linked, nothing sent twice by two workers racing, a refusing or absent server retried
 * with backoff and then recorded as failed, disabled users never emailed.
 */

const SECRET = "digest-test-secret-at-least-thirty-two-chars";
const APP = "https://tracker.test.nhs.uk";
const at = (iso: string) => new Date(iso);

let sink: SmtpSink;
let w: SchemeWorld;

const mailerOn = (port: number): Mailer => ({
  transport: nodemailer.createTransport({
    host: "127.0.0.1",
    port,
    secure: false,
    connectionTimeout: 2_000,
    greetingTimeout: 2_000,
  }),
  from: "Recovery Tracker <reminders@tracker.test.nhs.uk>",
  appUrl: APP,
  secret: SECRET,
  description: `127.0.0.1:${port}`,
});
const digestsOf = (userId: string) => db().emailDigest.findMany({ where: { userId }, orderBy: { digestDate: "asc" } });
const mailTo = (email: string) => sink.messages.filter((m) => m.to && !Array.isArray(m.to) && m.to.text === email);

describe("email digests over SMTP", () => {
  useTestDatabase();

  beforeAll(async () => {
    sink = await startSmtpSink();
    w = await createSchemeWorld();
  });
  afterAll(async () => {
    await sink.close();
  });

  it("sends a lead one digest for the day, text and HTML, each item a link, and records it", async () => {
    const lead = w.actors["LEAD at the trust, the scheme's lead"];
    const a = await createSchemeRow({ organisationId: w.trustId, leadId: lead.userId, title: "Agency reduction" });
    const b = await createSchemeRow({ organisationId: w.trustId, leadId: lead.userId, title: "Theatre productivity" });
    await syncNotifications({ now: at("2025-12-04T06:00:00Z") });

    const report = await sendDigests(mailerOn(sink.port), { now: at("2025-12-04T06:00:00Z") });
    expect(report.sent).toBeGreaterThanOrEqual(1);
    const mails = mailTo(lead.email);
    expect(mails).toHaveLength(1);
    const mail = mails[0]!;
    expect(mail.subject).toMatch(/^Recovery Tracker: \d+ things need you \(4 Dec 2025\)$/);
    expect(mail.text).toContain(
      `Monthly update for M8 Nov 2025/26: ${a.code} Agency reduction (Was due 3 Dec 2025: 1 working day overdue)`,
    );
    expect(mail.text).toContain(`${APP}/schemes/${a.id}#monthly-update`);
    expect(mail.text).toContain(`${APP}/schemes/${b.id}#monthly-update`);
    expect(mail.html).toContain(`<a href="${APP}/schemes/${b.id}#monthly-update"`);
    expect(mail.html).toContain('lang="en-GB"');
    expect(mail.text).not.toMatch(/£/); // titles and dates only, no figures
    const token = decodeURIComponent(/token=([^\s"&]+)/.exec(mail.text ?? "")![1]!);
    expect(checkPreferencesToken(token, lead.userId, SECRET)).toEqual({ ok: true });

    const [record] = await digestsOf(lead.userId);
    expect(record).toMatchObject({ status: "SENT", toAddress: lead.email, attempts: 1 });
    expect(record!.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ href: `/schemes/${a.id}#monthly-update`, kind: "UPDATE_OVERDUE" }),
      ]),
    );

    // Later runs the same day send nothing more to the lead.
    await sendDigests(mailerOn(sink.port), { now: at("2025-12-04T12:00:00Z") });
    expect(mailTo(lead.email)).toHaveLength(1);
  });

  it("two workers racing send each person's digest once", async () => {
    const racer = await createActor([{ organisationId: w.trustId, role: "LEAD" }]);
    await createSchemeRow({ organisationId: w.trustId, leadId: racer.userId });
    const now = at("2025-12-05T06:00:00Z");
    await syncNotifications({ now });
    const [one, two] = await Promise.all([
      sendDigests(mailerOn(sink.port), { now }),
      sendDigests(mailerOn(sink.port), { now }),
    ]);
    expect(mailTo(racer.email)).toHaveLength(1);
    const sentToday = await db().emailDigest.count({ where: { digestDate: new Date("2025-12-05"), status: "SENT" } });
    expect(one.sent + two.sent).toBe(sentToday);
  });

  it("retries a refusing server with backoff, then records the digest as failed without throwing", async () => {
    const bounced = await createActor([{ organisationId: w.trustId, role: "LEAD" }]);
    await createSchemeRow({ organisationId: w.trustId, leadId: bounced.userId });
    let now = at("2025-12-08T06:00:00Z");
    await syncNotifications({ now });
    sink.refuse = true;
    try {
      const first = await sendDigests(mailerOn(sink.port), { now });
      expect(first.retrying).toBeGreaterThanOrEqual(1);
      let [record] = await digestsOf(bounced.userId);
      expect(record).toMatchObject({ status: "PENDING", attempts: 1 });
      expect(record!.lastError).toMatch(/550/);
      expect(record!.nextAttemptAt.getTime() - now.getTime()).toBe(2 * 60_000);

      // Not yet due again: untouched.
      await sendDigests(mailerOn(sink.port), { now: new Date(now.getTime() + 60_000) });
      [record] = await digestsOf(bounced.userId);
      expect(record!.attempts).toBe(1);

      for (let attempt = 2; attempt <= MAX_SEND_ATTEMPTS; attempt++) {
        now = new Date(now.getTime() + 2 ** (attempt - 1) * 60_000);
        await sendDigests(mailerOn(sink.port), { now });
      }
      [record] = await digestsOf(bounced.userId);
      expect(record).toMatchObject({ status: "FAILED", attempts: MAX_SEND_ATTEMPTS });
      expect(mailTo(bounced.email)).toHaveLength(0);
    } finally {
      sink.refuse = false;
    }
  });

  it("with the SMTP server down the run records the failure and carries on", async () => {
    const lonely = await createActor([{ organisationId: w.trustId, role: "LEAD" }]);
    await createSchemeRow({ organisationId: w.trustId, leadId: lonely.userId });
    const now = at("2025-12-09T06:00:00Z");
    await syncNotifications({ now });
    const down = await startSmtpSink();
    await down.close(); // a port nobody listens on any more
    const report = await sendDigests(mailerOn(down.port), { now });
    expect(report.sent).toBe(0);
    const [record] = await digestsOf(lonely.userId);
    expect(record).toMatchObject({ status: "PENDING", attempts: 1 });
    expect(record!.lastError).toMatch(/ECONNREFUSED|connect/i);
  });

  it("never emails a disabled user, and keeps to 'off' and 'weekly' choices", async () => {
    const disabled = await createActor([{ organisationId: w.trustId, role: "LEAD" }]);
    const quiet = await createActor([{ organisationId: w.trustId, role: "LEAD" }]);
    const weekly = await createActor([{ organisationId: w.trustId, role: "LEAD" }]);
    for (const actor of [disabled, quiet, weekly])
      await createSchemeRow({ organisationId: w.trustId, leadId: actor.userId });
    await db().emailPreference.create({ data: { userId: quiet.userId, category: "UPDATES", frequency: "OFF" } });
    await db().emailPreference.create({ data: { userId: weekly.userId, category: "UPDATES", frequency: "WEEKLY" } });
    const tuesday = at("2025-12-09T07:00:00Z");
    await syncNotifications({ now: tuesday });
    await db().user.update({ where: { id: disabled.userId }, data: { active: false } });
    await sendDigests(mailerOn(sink.port), { now: tuesday });
    expect(mailTo(disabled.email)).toHaveLength(0);
    expect(mailTo(quiet.email)).toHaveLength(0);
    expect(mailTo(weekly.email)).toHaveLength(0);
    const monday = at("2025-12-15T07:00:00Z");
    await syncNotifications({ now: monday });
    await sendDigests(mailerOn(sink.port), { now: monday });
    expect(mailTo(weekly.email)).toHaveLength(1);
    expect(mailTo(quiet.email)).toHaveLength(0);
  });
});
