/**
 * Starts the built app: database (embedded when DATABASE_URL is unset), migrations (on
 * MIGRATION_DATABASE_URL when set), the check of the app's own database role, demo data
 * (always on the embedded database, or with SEED_DEMO=true), then `next start`.
 * Usage: tsx scripts/start.ts   (PORT defaults to 3000)
 */
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { checkApplicationRole, ensureAuthSecret, migrate, resolveDatabase } from "./lib/database";

const port = process.env.PORT ?? "3000";
process.env.NEXTAUTH_URL ??= `http://localhost:${port}`;
process.env.NEXT_TELEMETRY_DISABLED = "1";

const database = await resolveDatabase();
ensureAuthSecret(database.embedded);
await migrate(database);
try {
  await checkApplicationRole(database);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  await database.stop();
  process.exit(1);
}

if (database.embedded || process.env.SEED_DEMO === "true") {
  process.env.DEMO_DATA = "true"; // the demo's published password is allowed only here
  const { db, disconnectDb } = await import("../src/server/db");
  const { seedDemo, demoSignInsText } = await import("../prisma/seed/seed-demo");
  await seedDemo(db());
  await disconnectDb(); // the embedded database serves one session: hand it to the app
  console.log(`\n${demoSignInsText()}\n`);
}

// Scheduled jobs (reminders): pg-boss in this process on a real PostgreSQL (any number of
// instances share its schedule); on the embedded database the app process runs them itself.
let jobs: { stop(): Promise<void> } | undefined;
if (process.env.JOBS !== "off") {
  if (database.embedded) process.env.JOBS_IN_APP_PROCESS = "true";
  else jobs = await (await import("../src/server/jobs/job-runner")).startJobRunner({ connectionString: database.url });
}

console.log(`Recovery Tracker on ${process.env.NEXTAUTH_URL}`);
// Next's own entry point, not `npx`, so signals reach the server itself.
const nextBin = createRequire(import.meta.url).resolve("next/dist/bin/next");
const app = spawn(process.execPath, [nextBin, "start", "-p", port], { stdio: "inherit", env: process.env });

let stopping = false;
async function stop(signal: NodeJS.Signals) {
  if (stopping) return;
  stopping = true;
  app.kill(signal);
}
process.on("SIGINT", () => void stop("SIGINT"));
process.on("SIGTERM", () => void stop("SIGTERM"));
app.on("exit", async (code) => {
  await jobs?.stop().catch(() => {});
  await database.stop();
  process.exit(code ?? 0);
});
