import { sendDigests } from "@/modules/notifications/send-digests";
import { syncNotifications } from "@/modules/reminders/sync-notifications";
import { mailerFromEnv } from "@/server/mail/mailer";
import type { JobQueueName } from "./job-queues";

/**
 * The scheduled jobs. Each runs on whichever instance fetches it first (pg-boss hands a job to
 * one worker only, and its cron sends each scheduled slot once across every instance), and each
 * is idempotent, so a retry after a crash does no harm.
 */
export interface JobDefinition {
  /** Its queue, which the migrator creates (job-queues.ts). */
  name: JobQueueName;
  /** Cron, read in Europe/London time so "06:00" stays 06:00 across the clock change. */
  cron: string;
  run(now: Date): Promise<unknown>;
}

export const JOBS: readonly JobDefinition[] = [
  {
    // Notifications appear and disappear with their causes; a person's own page also refreshes theirs at once.
    name: "reminders.sync",
    cron: "*/10 * * * *",
    run: (now) => syncNotifications({ now }),
  },
  {
    // The day's digest goes out from 07:00; later runs retry failed sends and catch people whose
    // first reminder of the day came later. One digest per person per day whatever runs.
    name: "reminders.digest",
    cron: "*/15 7-19 * * *",
    run: async (now) => {
      const mailer = mailerFromEnv();
      if (!mailer) return { email: "no SMTP configured: in-app notifications only" };
      await syncNotifications({ now });
      return sendDigests(mailer, { now });
    },
  },
];
