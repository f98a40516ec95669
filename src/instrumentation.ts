import { env } from "./env";

/**
 * Next.js calls register() once per server process. On the embedded demo database the app
 * runs the scheduled jobs itself (scripts/start.ts sets JOBS_IN_APP_PROCESS); on a real
 * PostgreSQL they run in pg-boss, in the start script's process or in `npm run worker`.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs" && env().JOBS_IN_APP_PROCESS) {
    const { startInProcessJobs } = await import("./server/jobs/in-process-jobs");
    startInProcessJobs();
  }
}
