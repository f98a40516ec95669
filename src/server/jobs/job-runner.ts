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
 * Starts the job engine on the app's own PostgreSQL (pg-boss, schema `pgboss`, installed with its
 * queues by the migrator): the queues' schedules and a worker per queue. Any number of instances
 * may run this against one database: the schedule is shared and each job is fetched by one of
 * them (SELECT ... FOR UPDATE SKIP LOCKED).
 * A failed run is retried with backoff and never takes the app down.
 */
export async function startJobRunner(options: JobRunnerOptions): Promise<JobRunner> {
  const log = options.log ?? ((line) => console.log(line));
  const boss = new PgBoss({
    connectionString: options.connectionString,
    schema: JOB_QUEUE_SCHEMA,
    application_name: "recovery-tracker-jobs",
    max: 3,
    // The schema and queues are the migrator's (install-job-queues.ts): the app's role runs no DDL.
    migrate: false,
    ...(options.cronMonitorIntervalSeconds ? { cronMonitorIntervalSeconds: options.cronMonitorIntervalSeconds } : {}),
    ...(options.cronWorkerIntervalSeconds ? { cronWorkerIntervalSeconds: options.cronWorkerIntervalSeconds } : {}),
  });
  boss.on("error", (error) => log(`jobs: ${error instanceof Error ? error.message : String(error)}`));
  await boss.start();
  const jobs = options.jobs ?? JOBS;
  try {
    for (const job of jobs) await assertQueue(boss, job.name);
  } catch (error) {
    await boss.stop({ graceful: false, wait: true });
    throw error;
  }
  for (const job of jobs) {
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
 * The queues are created by the migrator (install-job-queues.ts, on the owner's connection):
 * creating one is DDL, which the app's role may not run. Say so plainly when one is missing.
 */
async function assertQueue(boss: PgBoss, name: string) {
  if (await boss.getQueue(name)) return;
  throw new Error(
    `The job queue "${name}" does not exist: run the migrations (\`npm run db:migrate\`, as the owner) first.`,
  );
}
