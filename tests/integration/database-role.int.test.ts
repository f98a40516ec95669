import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import PgBoss from "pg-boss";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { APPEND_ONLY_TABLES, ensureApplicationRole, grantApplicationPrivileges } from "@/server/db/app-role";
import { migrateDatabase } from "@/server/db/migrate-database";
import { assessDatabaseRole, roleCheckVerdict } from "@/server/db/role-check";
import { JOB_QUEUES } from "@/server/jobs/job-queues";
import { JOB_QUEUE_SCHEMA } from "@/server/jobs/job-schema";
import {
  MIGRATIONS_DIR,
  TEST_APP_ROLE,
  adminUrl,
  createDatabase,
  databaseUrl,
  dropDatabase,
  uniqueDatabaseName,
  useTestDatabase,
  withClient,
} from "../helpers/test-database";

/**
 * The app's least-privilege role (issue 18, item 1). The whole integration suite connects as
 * it (useTestDatabase points DATABASE_URL at TEST_APP_ROLE); here, as that role, every way of
 * altering the audit log fails, while the owner's connection sees the guard's own refusal.
 */
describe("the application's database role", () => {
  const database = useTestDatabase();
  let eventId: string;

  beforeAll(async () => {
    // Written by the app's own role: appending is what it may do.
    const { rows } = await withClient(database.url, (client) =>
      client.query<{ id: string }>(
        "INSERT INTO audit_event (action, entity_type, entity_id) VALUES ('test.role', 'organisation', '1') RETURNING id::text",
      ),
    );
    eventId = rows[0]!.id;
  });

  const asApp = <T>(fn: (client: import("pg").Client) => Promise<T>) => withClient(database.url, fn);

  it("is the role the app's connection uses, and has nothing to report at start-up", async () => {
    const [{ role }] = await db().$queryRaw<[{ role: string }]>`SELECT current_user AS role`;
    expect(role).toBe(TEST_APP_ROLE);
    expect(await asApp((client) => assessDatabaseRole(client))).toEqual({ role: TEST_APP_ROLE, problems: [] });
  });

  it("may read and append to the audit log", async () => {
    await asApp(async (client) => {
      const { rows } = await client.query(
        "INSERT INTO audit_event (action, entity_type, entity_id) VALUES ('raw.insert', 'x', '1') RETURNING id",
      );
      expect(rows).toHaveLength(1);
      expect((await client.query("SELECT count(*)::int AS n FROM audit_event")).rows[0].n).toBeGreaterThan(1);
    });
  });

  it.each([
    ["UPDATE", `UPDATE audit_event SET action = 'tampered' WHERE id = $1`, /permission denied for table audit_event/],
    ["DELETE", `DELETE FROM audit_event WHERE id = $1`, /permission denied for table audit_event/],
    ["TRUNCATE", `TRUNCATE audit_event`, /permission denied for table audit_event/],
    ["TRUNCATE through a cascade", `TRUNCATE app_user CASCADE`, /permission denied for table/],
    ["DISABLE TRIGGER", `ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_update_delete`, /must be owner/],
    ["DISABLE TRIGGER ALL", `ALTER TABLE audit_event DISABLE TRIGGER ALL`, /must be owner/],
    ["DROP TRIGGER", `DROP TRIGGER audit_event_no_update_delete ON audit_event`, /must be owner/],
    ["DROP TABLE", `DROP TABLE audit_event`, /must be owner/],
    ["session_replication_role", `SET session_replication_role = replica`, /permission denied to set parameter/],
    ["CREATE TABLE", `CREATE TABLE sneaky (id int)`, /permission denied for schema public/],
    [
      "CREATE FUNCTION",
      `CREATE FUNCTION sneaky() RETURNS int LANGUAGE sql AS 'SELECT 1'`,
      /permission denied for schema/,
    ],
    ["SET ROLE postgres", `SET ROLE postgres`, /permission denied to set role/],
  ])("cannot %s on the audit log's table or schema", async (_label, sql, refusal) => {
    const params = sql.includes("$1") ? [eventId] : [];
    // Inside a transaction, as an attacker would: SET LOCAL first, then the change.
    await asApp(async (client) => {
      await client.query("BEGIN");
      try {
        await expect(client.query(sql, params)).rejects.toThrow(refusal);
      } finally {
        await client.query("ROLLBACK");
      }
    });
    const { rows } = await database.query("SELECT action FROM audit_event WHERE id = $1", [eventId]);
    expect(rows).toEqual([{ action: "test.role" }]);
  });

  it("cannot slip an UPDATE through after SET LOCAL session_replication_role", async () => {
    await asApp(async (client) => {
      await client.query("BEGIN");
      await expect(client.query("SET LOCAL session_replication_role = replica")).rejects.toThrow(/permission denied/);
      await client.query("ROLLBACK");
      await expect(client.query("UPDATE audit_event SET action = 'tampered' WHERE id = $1", [eventId])).rejects.toThrow(
        /permission denied/,
      );
    });
  });

  it("owns nothing and holds no attribute that lifts a guard", async () => {
    const { rows } = await database.query<Record<string, unknown>>(
      `SELECT rolsuper, rolbypassrls, rolcreaterole, rolcreatedb, rolreplication, rolcanlogin,
              (SELECT count(*)::int FROM pg_class WHERE relowner = r.oid) AS owned
         FROM pg_roles r WHERE rolname = $1`,
      [TEST_APP_ROLE],
    );
    expect(rows[0]).toEqual({
      rolsuper: false,
      rolbypassrls: false,
      rolcreaterole: false,
      rolcreatedb: false,
      rolreplication: false,
      rolcanlogin: true,
      owned: 0,
    });
  });

  it("holds exactly SELECT and INSERT on append-only tables, no TRUNCATE anywhere, nothing on the migrations table", async () => {
    const { rows } = await database.query<{ table: string; privileges: string[] }>(
      `SELECT table_name AS table, array_agg(privilege_type::text ORDER BY privilege_type) AS privileges
         FROM information_schema.role_table_grants WHERE grantee = $1 AND table_schema = 'public'
        GROUP BY table_name`,
      [TEST_APP_ROLE],
    );
    const byTable = new Map(rows.map((r) => [r.table, r.privileges]));
    for (const table of APPEND_ONLY_TABLES) expect(byTable.get(table)).toEqual(["INSERT", "SELECT"]);
    expect(byTable.get("_prisma_migrations")).toBeUndefined();
    expect(byTable.get("scheme")).toEqual(["DELETE", "INSERT", "SELECT", "UPDATE"]);
    for (const [table, privileges] of byTable) {
      expect(privileges, table).not.toContain("TRUNCATE");
      expect(privileges, table).not.toContain("TRIGGER");
      expect(privileges, table).not.toContain("REFERENCES");
    }
  });

  it("uses the job queues the migrator installed, and cannot add one itself (a queue is a table: DDL)", async () => {
    const boss = new PgBoss({
      connectionString: database.url,
      schema: JOB_QUEUE_SCHEMA,
      migrate: false,
      supervise: false,
      schedule: false,
    });
    await boss.start();
    try {
      for (const name of JOB_QUEUES) expect(await boss.getQueue(name)).toMatchObject({ name, retryLimit: 3 });
      expect(await boss.send("reminders.sync", {})).toEqual(expect.any(String));
      await expect(boss.createQueue("sneaky.queue")).rejects.toThrow(/permission denied for schema pgboss/);
      expect(await boss.getQueue("sneaky.queue")).toBeNull();
    } finally {
      await boss.stop({ graceful: false, wait: true });
    }
    const { rows } = await database.query<{ table: string; privileges: string[] }>(
      `SELECT table_name AS table, array_agg(privilege_type::text ORDER BY privilege_type) AS privileges
         FROM information_schema.role_table_grants WHERE grantee = $1 AND table_schema = $2 GROUP BY table_name`,
      [TEST_APP_ROLE, JOB_QUEUE_SCHEMA],
    );
    expect(rows.length).toBeGreaterThan(JOB_QUEUES.length); // pg-boss's tables and a partition per queue
    for (const row of rows) expect(row.privileges, row.table).toEqual(["DELETE", "INSERT", "SELECT", "UPDATE"]);
  });

  it("refuses to start on a real PostgreSQL with anything to report, and only warns on the embedded demo", () => {
    const clean = { role: "app", problems: [] };
    const owner = { role: "postgres", problems: ["it is a superuser"] };
    expect(roleCheckVerdict(clean, false).kind).toBe("ok");
    expect(roleCheckVerdict(clean, true).kind).toBe("ok");
    expect(roleCheckVerdict(owner, false)).toEqual({
      kind: "refuse",
      text: expect.stringMatching(
        /^Refusing to start\. The app's database role "postgres"[^]*- it is a superuser[^]*MIGRATION_DATABASE_URL/,
      ),
    });
    expect(roleCheckVerdict(owner, true)).toEqual({
      kind: "warn",
      text: expect.stringMatching(/WARNING \(demo only\)[^]*- it is a superuser/),
    });
  });

  it("reports every problem of an owner or superuser connection, for the start-up check", async () => {
    const assessment = await withClient(database.ownerUrl, (client) => assessDatabaseRole(client));
    expect(assessment.problems).toEqual(
      expect.arrayContaining([
        "it is a superuser",
        expect.stringMatching(/^it owns \(or may act as the owner of\) \d+ tables/),
        expect.stringMatching(/^it holds UPDATE, DELETE, TRUNCATE, TRIGGER on the append-only table audit_event/),
      ]),
    );
  });
});

/**
 * The migrator with two connections: the owner applies the migrations, then creates the app role
 * named by DATABASE_URL and grants it; tables of later migrations, and of other schemas, are covered.
 */
describe("migrateDatabase with an owner connection and an application role", () => {
  const owner = `rt_test_owner_${process.pid}_${Date.now().toString(36)}`;
  const app = `rt_test_role_${process.pid}_${Date.now().toString(36)}`;
  const name = uniqueDatabaseName("role");
  let ownerUrl: string;
  let appUrl: string;

  const urlFor = (user: string, password: string) => {
    const url = new URL(databaseUrl(name));
    url.username = user;
    url.password = password;
    return url.toString();
  };

  beforeAll(async () => {
    // An owner that is not a superuser, as on a managed PostgreSQL: it owns the database and may create roles.
    await withClient(adminUrl(), async (client) => {
      await client.query(`CREATE ROLE "${owner}" LOGIN CREATEROLE PASSWORD 'owner-secret'`);
    });
    await createDatabase(name);
    await withClient(adminUrl(), (client) => client.query(`ALTER DATABASE "${name}" OWNER TO "${owner}"`));
    await withClient(databaseUrl(name), (client) => client.query(`ALTER SCHEMA public OWNER TO "${owner}"`));
    ownerUrl = urlFor(owner, "owner-secret");
    appUrl = urlFor(app, "app-secret");
  });

  afterAll(async () => {
    await dropDatabase(name);
    await withClient(adminUrl(), async (client) => {
      await client.query(`DROP ROLE IF EXISTS "${app}"`);
      await client.query(`DROP ROLE IF EXISTS "${owner}"`);
    });
  });

  it("creates the role on first run, and the app can then work as it", async () => {
    const report = await migrateDatabase({ ownerUrl, appUrl, dir: MIGRATIONS_DIR });
    expect(report.role).toEqual({ name: app, outcome: "created" });
    await withClient(appUrl, async (client) => {
      expect((await client.query("SELECT current_user AS u")).rows[0].u).toBe(app);
      expect(await assessDatabaseRole(client)).toEqual({ role: app, problems: [] });
      await client.query("INSERT INTO health_system (name) VALUES ('Role test ICS')");
      // The owner installed the job queues too, before granting on them.
      expect((await client.query(`SELECT name FROM ${JOB_QUEUE_SCHEMA}.queue ORDER BY name`)).rows).toEqual(
        expect.arrayContaining(JOB_QUEUES.map((name) => ({ name }))),
      );
      await expect(client.query("DELETE FROM audit_event")).rejects.toThrow(/permission denied/);
    });
  });

  it("is idempotent, and a later migration's table (in any schema) gets the app's privileges", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "rt-role-migrations-"));
    cpSync(MIGRATIONS_DIR, dir, { recursive: true });
    mkdirSync(path.join(dir, "29991231000000_later_feature"));
    writeFileSync(
      path.join(dir, "29991231000000_later_feature", "migration.sql"),
      `CREATE TABLE later_feature (id int PRIMARY KEY, note text);
       CREATE SCHEMA queue; CREATE TABLE queue.job (id bigserial PRIMARY KEY, name text);`,
    );
    const report = await migrateDatabase({ ownerUrl, appUrl, dir });
    expect(report.applied).toEqual(["29991231000000_later_feature"]);
    expect(report.role?.name).toBe(app);
    await withClient(appUrl, async (client) => {
      await client.query("INSERT INTO later_feature VALUES (1, 'new table')");
      await client.query("UPDATE later_feature SET note = 'changed'");
      await client.query("INSERT INTO queue.job (name) VALUES ('reminders')");
      await expect(client.query("TRUNCATE later_feature")).rejects.toThrow(/permission denied/);
      await expect(client.query("CREATE TABLE queue.sneaky (id int)")).rejects.toThrow(/permission denied/);
    });
    // A table the owner makes between migrator runs is covered by the default privileges.
    await withClient(ownerUrl, (client) => client.query("CREATE TABLE between_runs (id int)"));
    await withClient(appUrl, (client) => client.query("INSERT INTO between_runs VALUES (1)"));
  });

  it("brings an existing role with dangerous attributes back to a safe state", async () => {
    await withClient(adminUrl(), (client) => client.query(`ALTER ROLE "${app}" CREATEDB BYPASSRLS`));
    await withClient(appUrl, async (client) =>
      expect((await assessDatabaseRole(client)).problems).toEqual(["it can bypass row-level security (BYPASSRLS)"]),
    );
    await withClient(databaseUrl(name), async (client) => {
      expect(await ensureApplicationRole(client, { name: app })).toBe("updated");
      expect(await ensureApplicationRole(client, { name: app })).toBe("unchanged");
      await grantApplicationPrivileges(client, app);
    });
    await withClient(appUrl, async (client) => expect((await assessDatabaseRole(client)).problems).toEqual([]));
  });

  it("refuses a role that owns tables, naming the fix", async () => {
    await withClient(databaseUrl(name), async (client) => {
      await client.query(`GRANT CREATE ON SCHEMA public TO "${app}"`);
      await client.query(`SET ROLE "${app}"`);
      await client.query("CREATE TABLE owned_by_app (id int)");
      await client.query("RESET ROLE");
    });
    await expect(migrateDatabase({ ownerUrl, appUrl, dir: MIGRATIONS_DIR })).rejects.toThrow(/REASSIGN OWNED BY/);
    await withClient(databaseUrl(name), async (client) => {
      await client.query("DROP TABLE owned_by_app");
      await client.query(`REVOKE CREATE ON SCHEMA public FROM "${app}"`);
    });
  });

  it("leaves roles alone when the app connects as the migration role (the demo's one connection)", async () => {
    const report = await migrateDatabase({ ownerUrl, appUrl: ownerUrl, dir: MIGRATIONS_DIR });
    expect(report.role).toBeUndefined();
  });
});
