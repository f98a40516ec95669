import nodemailer from "nodemailer";
import { sendDigests } from "../../../src/modules/notifications/send-digests";
import { syncNotifications } from "../../../src/modules/reminders/sync-notifications";
import { db } from "../../../src/server/db";
import type { Measured } from "./timing";

/**
 * Issue 16's speed row: the daily reminder run over the whole ICS. Every person's notifications
 * computed and written (syncNotifications for everyone), then every digest built and "sent"
 * through nodemailer's JSON transport (renders each message, no network). The digest rows it
 * wrote are deleted afterwards, so the bench data stays as generated.
 */
export async function benchReminders(options: {
  runs: number;
  now: Date;
  log: (line: string) => void;
}): Promise<{ rows: Measured[]; failures: string[]; facts: Record<string, number> }> {
  const { now } = options;
  options.log("Measuring the daily reminder run (sync every person's notifications, then the digests) ...");
  const samples: number[] = [];
  let last: Awaited<ReturnType<typeof syncNotifications>> | undefined;
  for (let i = 0; i <= options.runs; i++) {
    last = await syncNotifications({ now });
    if (i > 0) samples.push(last.ms);
  }
  const before = new Date();
  const report = await sendDigests(
    {
      transport: nodemailer.createTransport({ jsonTransport: true }),
      from: "bench@localhost",
      appUrl: "http://localhost:3000",
      secret: "bench-secret-bench-secret-bench-secret",
      description: "json",
    },
    { now },
  );
  const people = (await db().notification.groupBy({ by: ["userId"] })).length;
  await db().emailDigest.deleteMany({ where: { createdAt: { gte: before } } });
  const failures =
    report.failed > 0 || report.sent > people
      ? [`reminders: ${report.sent} emails sent and ${report.failed} failed for ${people} people with notifications`]
      : [];
  return {
    failures,
    facts: { notifications: last?.current ?? 0, people, emails: report.sent },
    rows: [
      {
        name: "daily reminder sync (every person's notifications, whole system)",
        samples,
        note: `${(last?.current ?? 0).toLocaleString("en-GB")} notifications for ${people} people`,
      },
      {
        name: "daily digests (build + render + send, JSON transport)",
        samples: [report.ms],
        note: `${report.sent} emails, one per person with items (${report.created} created, ${report.failed} failed)`,
      },
    ],
  };
}
