import { JOBS } from "./job-definitions";

/** Minutes between runs of each job on the embedded database. */
const EVERY_MINUTES = 10;

/**
 * The embedded demo database serves one session, which the app holds, so pg-boss cannot connect
 * beside it. There is only ever one instance on it, so the same jobs simply run on a timer in the
 * app process (started from instrumentation.ts). On a real PostgreSQL the job runner does this.
 */
export function startInProcessJobs(log: (line: string) => void = (line) => console.log(line)): () => void {
  let running = false;
  const runAll = async () => {
    if (running) return;
    running = true;
    try {
      for (const job of JOBS) {
        const started = Date.now();
        try {
          const result = await job.run(new Date());
          log(`jobs: ${job.name} done in ${Date.now() - started} ms ${JSON.stringify(result)}`);
        } catch (error) {
          log(`jobs: ${job.name} failed: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
    } finally {
      running = false;
    }
  };
  const first = setTimeout(() => void runAll(), 15_000);
  const timer = setInterval(() => void runAll(), EVERY_MINUTES * 60_000);
  first.unref();
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
