import { afterAll, describe, expect, it } from "vitest";
import { PG_BOSS_CRON_QUEUE } from "@/server/jobs/job-queues";
import { JOB_QUEUE_SCHEMA } from "@/server/jobs/job-schema";
import { startJobRunner, type JobRunner } from "@/server/jobs/job-runner";
import { createSchemeRow, createSchemeWorld } from "../factories/schemes";
import { useTestDatabase } from "../helpers/test-database";

/**
 * Two job workers on one database, as two app instances behind a load balancer would be: the
 * scheduled reminder sync is sent once per slot and run by one of them, and it did its work.
 */

const runners: JobRunner[] = [];

async function until<T>(probe: () => Promise<T | undefined>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error("timed out waiting");
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

describe("scheduled jobs across two workers on one database", () => {
  const database = useTestDatabase();
  afterAll(async () => {
    await Promise.all(runners.map((r) => r.stop()));
  });

  it("runs the every-minute reminder sync once per minute, on one of the two", async () => {
    const w = await createSchemeWorld();
    const scheme = await createSchemeRow({ organisationId: w.trustId, leadId: w.leadId });
    const ran: string[] = [];
    const start = (label: string) =>
      startJobRunner({
        connectionString: database.url,
        cronOverrides: { "reminders.sync": "* * * * *" },
        cronMonitorIntervalSeconds: 1,
        cronWorkerIntervalSeconds: 1,
        pollingIntervalSeconds: 0.5,
        log: (line) => {
          if (line.includes("reminders.sync") && line.includes("done")) ran.push(label);
        },
      });
    runners.push(...(await Promise.all([start("A"), start("B")])));

    await until(async () => (ran.length > 0 ? true : undefined), 20_000);
    await new Promise((resolve) => setTimeout(resolve, 4_000)); // both keep polling the schedule
    // Stopping waits for a run in progress, so a slot that began just now cannot be half counted.
    await Promise.all(runners.splice(0).map((r) => r.stop()));
    // pg-boss's cron sends each slot through its own queue (one row per slot, deduplicated across
    // instances by the slot's minute), whose worker then makes the job. Counted per slot, not by
    // the job's created_on minute: under load a slot's job can be made a second into the next minute.
    const { rows } = await database.query<{ slots: number; sends: number; jobs: number; completed: number }>(
      `SELECT count(DISTINCT singleton_on)::int AS slots, count(*)::int AS sends,
              (SELECT count(*)::int FROM ${JOB_QUEUE_SCHEMA}.job WHERE name = 'reminders.sync') AS jobs,
              (SELECT count(*)::int FROM ${JOB_QUEUE_SCHEMA}.job
                WHERE name = 'reminders.sync' AND state = 'completed') AS completed
         FROM ${JOB_QUEUE_SCHEMA}.job WHERE name = $1 AND data->>'name' = 'reminders.sync'`,
      [PG_BOSS_CRON_QUEUE],
    );
    const counts = rows[0]!;
    expect(counts.slots).toBeGreaterThanOrEqual(1);
    expect(counts.sends).toBe(counts.slots); // each slot sent once, by one of the two
    expect(counts.jobs).toBeGreaterThanOrEqual(1);
    expect(counts.jobs).toBeLessThanOrEqual(counts.slots); // never two jobs for one slot
    // Each completed run was run by exactly one of the two workers.
    expect(ran).toHaveLength(counts.completed);

    // The run did the job: the lead of a scheme without this month's update is reminded (today's real date).
    const { rows: notes } = await database.query<{ kind: string }>(
      `SELECT kind::text FROM notification WHERE user_id = $1 AND cause_key LIKE $2`,
      [w.leadId, `update:${scheme.id}:%`],
    );
    expect(notes).toHaveLength(1);
  }, 45_000);
});
