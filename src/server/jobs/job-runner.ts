import PgBoss from "pg-boss";
import { JOB_QUEUE_SCHEMA } from "./job-schema";
import { JOBS, type JobDefinition } from "./job-definitions";

export interface JobRunner {
  boss: PgBoss;
  stop(): Promise<void>;
}

export interface JobRunnerOptions {
  connectionString: string;
  jobs?: readonly JobDefinition[];
  /** Replaces a job's cron, e.g. every minute in tests. */
  cronOverrides?: Record<string, string>;
  /** How often this instance polls (seconds); the defaults suit production. */
  pollingIntervalSeconds?: number;
  cronMonitorIntervalSeconds?: number;
  cronWorkerIntervalSeconds?: number;
  log?: (line: string) => void;
}

/**
 * Starts the job engine on the app's own PostgreSQL (pg-boss, schema `pgboss`): queues, their
 * schedules and a worker per queue. Any number of instances may run this against one database:
 * the schedule is shared and each job is fetched by one of them (SELECT ... FOR UPDATE SKIP LOCKED).
 * A failed run is retried with backoff and never takes the app down.
 */
export async function startJobRunner(options: JobRunnerOptions): Promise<JobRunner> {
  const log = options.log ?? ((line) => console.log(line));
  const boss = new PgBoss({
    connectionString: options.connectionString,
    schema: JOB_QUEUE_SCHEMA,
    application_name: "recovery-tracker-jobs",
    max: 3,
    ...(options.cronMonitorIntervalSeconds ? { cronMonitorIntervalSeconds: options.cronMonitorIntervalSeconds } : {}),
    ...(options.cronWorkerIntervalSeconds ? { cronWorkerIntervalSeconds: options.cronWorkerIntervalSeconds } : {}),
  });
  boss.on("error", (error) => log(`jobs: ${error instanceof Error ? error.message : String(error)}`));
  await boss.start();
  for (const job of options.jobs ?? JOBS) {
    await ensureQueue(boss, job.name);
    await boss.schedule(job.name, options.cronOverrides?.[job.name] ?? job.cron, {}, { tz: "Europe/London" });
    await boss.work(job.name, { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2 }, async (batch) => {
      for (const item of batch) {
        const started = Date.now();
        const result = await job.run(new Date());
        log(`jobs: ${job.name} ${item.id} done in ${Date.now() - started} ms ${JSON.stringify(result)}`);
      }
    });
  }
  return {
    boss,
    stop: () => boss.stop({ graceful: true, wait: true, timeout: 10_000 }),
  };
}

/**
 * Creates the queue unless it exists. Instances starting together race here: pg-boss's
 * createQueue can then fail (unique violation) or be the victim of a deadlock with the other
 * instance's, so a failure is retried after a short, jittered pause until the queue is seen.
 */
async function ensureQueue(boss: PgBoss, name: string) {
  const attempts = 6;
  for (let attempt = 1; ; attempt += 1) {
    if (await boss.getQueue(name)) return;
    try {
      await boss.createQueue(name, {
        name,
        retryLimit: 3,
        retryDelay: 30,
        retryBackoff: true,
        expireInSeconds: 15 * 60,
      });
      return;
    } catch (error) {
      if (attempt >= attempts) {
        if (await boss.getQueue(name)) return;
        throw error;
      }
      await new Promise((resolve) => setTimeout(resolve, 100 * attempt + Math.floor(Math.random() * 100)));
    }
  }
}
