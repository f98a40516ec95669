import PgBoss from "pg-boss";
import type { ClientBase } from "pg";
import { JOB_QUEUE_OPTIONS, JOB_QUEUES, PG_BOSS_CRON_QUEUE } from "./job-queues";
import { JOB_QUEUE_SCHEMA } from "./job-schema";

/**
 * Installs or upgrades pg-boss's schema and creates the app's queues, on the migrator's owner
 * connection (issue 18, item 1): both are DDL, which the app's least-privilege role may not run.
 * The job runner then starts with `migrate: false` and only reads and writes rows. Runs inside
 * the migration lock, so instances migrating at once never race here.
 */
export async function installJobQueues(client: ClientBase): Promise<void> {
  const boss = new PgBoss({
    // pg-boss on the migrator's own connection: no pool of its own, one statement at a time.
    db: { executeSql: (text: string, values?: unknown[]) => client.query(text, values) },
    schema: JOB_QUEUE_SCHEMA,
    migrate: true,
    supervise: false,
    schedule: false,
  });
  await boss.start();
  try {
    for (const name of JOB_QUEUES) {
      if (await boss.getQueue(name)) await boss.updateQueue(name, { name, ...JOB_QUEUE_OPTIONS });
      else await boss.createQueue(name, { name, ...JOB_QUEUE_OPTIONS });
    }
    if (!(await boss.getQueue(PG_BOSS_CRON_QUEUE))) await boss.createQueue(PG_BOSS_CRON_QUEUE);
  } finally {
    await boss.stop({ graceful: false, close: false, wait: true });
  }
}
