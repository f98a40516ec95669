/**
 * `npm run bench:reminders`: the daily reminder run on its own (`npm run bench` includes it):
 * on the bench database (`npm run bench:data` first), every person's notifications computed
 * and written, then every digest built and sent through nodemailer's JSON transport.
 *
 *   --runs 3   measured runs of the sync (after one warm-up)
 */
import { benchDatabaseUrl, redact } from "./lib/bench-database";
import { numberOption } from "./lib/options";

const url = benchDatabaseUrl();
process.env.DATABASE_URL = url;
const { disconnectDb } = await import("../../src/server/db");
const { benchReminders } = await import("./measure/reminders");
const { percentile } = await import("./measure/timing");

const runs = numberOption("runs", 3);
const now = new Date();
console.log(`Reminder bench on ${redact(url)}, ${runs} runs after 1 warm-up, as of ${now.toISOString()}`);
const result = await benchReminders({ runs, now, log: (line) => console.log(line) });
for (const row of result.rows)
  console.log(
    `${row.name}: p50 ${percentile(row.samples, 50).toFixed(0)} ms, max ${Math.max(...row.samples).toFixed(0)} ms; ${row.note}`,
  );
await disconnectDb();
if (result.failures.length > 0) {
  console.error(result.failures.join("\n"));
  process.exit(1);
}
