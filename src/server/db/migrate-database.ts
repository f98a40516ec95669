import type pg from "pg";
import { installJobQueues } from "../jobs/install-job-queues";
import { credentialsOf, ensureApplicationRole, grantApplicationPrivileges } from "./app-role";
import { applyMigrations, type MigrationReport } from "./migrations";
import { SerialClient } from "./serial-client";

export interface MigrateDatabaseReport extends MigrationReport {
  /** The application role made ready; absent when the app connects as the migration role. */
  role?: { name: string; outcome: "created" | "updated" | "unchanged" };
}

/**
 * The migrator with two connections (issue 18, item 1): `ownerUrl` (MIGRATION_DATABASE_URL)
 * owns the schema. Under the migration lock it applies the migrations, installs the job queue's
 * schema and queues (pg-boss, which would otherwise run DDL at the app's start), then, when
 * `appUrl` (DATABASE_URL) names another user, creates or updates that user as the
 * least-privilege application role and grants it what the app needs on every table, this
 * run's new ones included. With one connection for both (the demo), no role is touched; the
 * start-up check then warns or refuses (role-check.ts).
 */
export async function migrateDatabase(options: {
  ownerUrl: string;
  appUrl: string;
  dir?: string;
  /** pg-boss's schema and queues; off on the embedded database, whose jobs run in the app process. */
  jobQueues?: boolean;
  log?: (line: string) => void;
}): Promise<MigrateDatabaseReport> {
  const owner = new URL(options.ownerUrl);
  const app = new URL(options.appUrl);
  if (owner.pathname !== app.pathname || owner.host !== app.host)
    throw new Error(
      `MIGRATION_DATABASE_URL and DATABASE_URL must name the same database (${owner.host}${owner.pathname} and ${app.host}${app.pathname}).`,
    );
  // pg-boss's install sends its statements from several places: one at a time on this connection.
  const client: pg.Client = new SerialClient({ connectionString: options.ownerUrl });
  await client.connect();
  try {
    let role: MigrateDatabaseReport["role"];
    const report = await applyMigrations(client, {
      dir: options.dir,
      log: options.log,
      afterMigrations: async () => {
        if (options.jobQueues ?? true) await installJobQueues(client);
        const { rows } = await client.query<{ user: string }>("SELECT current_user AS user");
        const appRole = credentialsOf(options.appUrl);
        if (!appRole.user || appRole.user === rows[0]!.user) return;
        const outcome = await ensureApplicationRole(client, { name: appRole.user, password: appRole.password });
        await grantApplicationPrivileges(client, appRole.user);
        options.log?.(`application role ${appRole.user}: ${outcome}, privileges granted`);
        role = { name: appRole.user, outcome };
      },
    });
    return role ? { ...report, role } : report;
  } finally {
    await client.end();
  }
}
