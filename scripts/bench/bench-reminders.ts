/**
 * `npm run bench:reminders`: the daily reminder run on the bench database (`npm run bench:data`
 * first): every person's notifications computed and written (syncNotifications over the whole
 * ICS), then every digest built and "sent" through nodemailer's JSON transport (renders each
 * message, no network). Prints the times and the emails produced (one per person with items),
 * then deletes the digest rows it wrote so the bench data stays as generated.
 *
 *   --runs 3   measured runs of the sync (after one warm-up)
 */
import nodemailer from "nodemailer";
import { benchDatabaseUrl, redact } from "./lib/bench-database";
import { numberOption } from "./lib/options";

const url = benchDatabaseUrl();
process.env.DATABASE_URL = url;
const { db, disconnectDb } = await import("../../src/server/db");
const { syncNotifications } = await import("../../src/modules/reminders/sync-notifications");
const { sendDigests } = await import("../../src/modules/notifications/send-digests");
const { percentile } = await import("./measure/timing");

const runs = numberOption("runs", 3);
const now = new Date();
console.log(`Reminder bench on ${redact(url)}, ${runs} runs after 1 warm-up, as of ${now.toISOString()}`);
const schemes = await db().scheme.count();
const users = await db().user.count({ where: { active: true } });
console.log(`Data: ${schemes.toLocaleString("en-GB")} schemes, ${users} active users`);

const samples: number[] = [];
let last: Awaited<ReturnType<typeof syncNotifications>> | undefined;
for (let i = 0; i <= runs; i++) {
  last = await syncNotifications({ now });
  if (i > 0) samples.push(last.ms);
}
console.log(
  `Sync (compute + write every person's notifications): p50 ${percentile(samples, 50)} ms, max ${Math.max(...samples)} ms; ${last?.current.toLocaleString("en-GB")} notifications`,
);

const before = new Date();
const transport = nodemailer.createTransport({ jsonTransport: true });
const report = await sendDigests(
  {
    transport,
    from: "bench@localhost",
    appUrl: "http://localhost:3000",
    secret: "bench-secret-bench-secret-bench-secret",
    description: "json",
  },
  { now },
);
const withItems = await db().notification.groupBy({ by: ["userId"] });
console.log(
  `Digests (build + render + send through the JSON transport): ${report.ms} ms; ${report.sent} emails for ${withItems.length} people with notifications (${report.created} created, ${report.failed} failed)`,
);
const { count } = await db().emailDigest.deleteMany({ where: { createdAt: { gte: before } } });
console.log(`Cleaned up ${count} digest rows.`);
await disconnectDb();
