import { afterAll, describe, expect, it } from "vitest";
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
    const { rows } = await database.query<{ minute: string; jobs: number; completed: number }>(
      `SELECT date_trunc('minute', created_on)::text AS minute, count(*)::int AS jobs,
              count(*) FILTER (WHERE state = 'completed')::int AS completed
       FROM ${JOB_QUEUE_SCHEMA}.job WHERE name = 'reminders.sync' GROUP BY 1 ORDER BY 1`,
    );
    expect(rows.length).toBeGreaterThanOrEqual(1);
    for (const row of rows) expect(row.jobs).toBe(1);
    // Each completed run was run by exactly one of the two workers.
    expect(ran).toHaveLength(rows.reduce((sum, row) => sum + row.completed, 0));

    // The run did the job: the lead of a scheme without this month's update is reminded (today's real date).
    const { rows: notes } = await database.query<{ kind: string }>(
      `SELECT kind::text FROM notification WHERE user_id = $1 AND cause_key LIKE $2`,
      [w.leadId, `update:${scheme.id}:%`],
    );
    expect(notes).toHaveLength(1);
  }, 45_000);
});
