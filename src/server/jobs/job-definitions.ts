import { syncNotifications } from "@/modules/reminders/sync-notifications";

/**
 * The scheduled jobs. Each runs on whichever instance fetches it first (pg-boss hands a job to
 * one worker only, and its cron sends each scheduled slot once across every instance), and each
 * is idempotent, so a retry after a crash does no harm.
 */
export interface JobDefinition {
  name: string;
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
];
