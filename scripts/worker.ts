/**
 * The job worker on its own, for larger deployments: `npm run worker` (DATABASE_URL required).
 * Run as many as you like beside the app instances: they share one schedule in PostgreSQL and
 * each job is done once. `npm start` runs the same jobs inside the app unless JOBS=off.
 */
import { migrate } from "./lib/database";

const url = process.env.DATABASE_URL;
if (!url) {
  console.error(
    "DATABASE_URL is not set: the worker needs the app's PostgreSQL (the embedded demo runs its jobs itself).",
  );
  process.exit(1);
}
await migrate({ url, embedded: false });
const { startJobRunner } = await import("../src/server/jobs/job-runner");
const { disconnectDb } = await import("../src/server/db");
const runner = await startJobRunner({ connectionString: url });
console.log("Recovery Tracker job worker running (Ctrl+C stops it).");

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  await runner.stop();
  await disconnectDb();
  process.exit(0);
}
process.on("SIGINT", () => void stop());
process.on("SIGTERM", () => void stop());
