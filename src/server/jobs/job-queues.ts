/**
 * The job queues, apart from what the jobs do, so the migrator can create them on the owner's
 * connection without loading the app's modules (install-job-queues.ts). The app's role may not
 * run DDL, and pg-boss makes a table (a partition of its job table) per queue.
 */
export const JOB_QUEUES = ["reminders.sync", "reminders.digest"] as const;
export type JobQueueName = (typeof JOB_QUEUES)[number];

/** pg-boss's own queue for cron: its scheduler creates it at start unless it exists (timekeeper.js). */
export const PG_BOSS_CRON_QUEUE = "__pgboss__send-it";

/** Every queue of ours: retried with backoff, a run given 15 minutes. */
export const JOB_QUEUE_OPTIONS = {
  retryLimit: 3,
  retryDelay: 30,
  retryBackoff: true,
  expireInSeconds: 15 * 60,
} as const;
