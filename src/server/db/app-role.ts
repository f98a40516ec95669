import type { ClientBase } from "pg";
import { PRISMA_MIGRATE_LOCK_ID } from "./migrations";

/**
 * The least-privilege role the app connects as (issue 18, item 1). Migrations run on an owner
 * connection; afterwards the migrator makes sure the application role exists, owns nothing,
 * has no role attribute that lifts a guard (superuser, BYPASSRLS, CREATEROLE, CREATEDB), and
 * holds exactly the table privileges the app needs:
 *
 * - every table of every schema the migrations made: SELECT, INSERT, UPDATE, DELETE;
 * - append-only tables (the audit log): SELECT and INSERT only;
 * - the migrator's own bookkeeping (`_prisma_migrations`): nothing;
 * - never TRUNCATE, REFERENCES or TRIGGER, never CREATE on a schema; sequences USAGE and SELECT.
 *
 * As the role neither owns the tables nor is a superuser, it can neither disable the audit
 * log's trigger (ALTER TABLE ... DISABLE TRIGGER needs the owner) nor set
 * session_replication_role (superuser only), so the trigger cannot be bypassed.
 *
 * The grant step runs after every migration run, so tables added by later migrations are
 * covered; default privileges cover tables the owner creates between runs.
 */

/** Tables the app may only read and append to. A new append-only table is added here. */
export const APPEND_ONLY_TABLES: readonly string[] = ["audit_event"];

/** Tables the app never touches. */
export const MIGRATOR_ONLY_TABLES: readonly string[] = ["_prisma_migrations"];

const ROLE_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** Role names go into DDL, which takes no parameters: only plain lower-case identifiers. */
export function assertRoleName(name: string): string {
  if (!ROLE_NAME.test(name))
    throw new Error(
      `The application role "${name}" must be a plain PostgreSQL identifier: lower-case letters, digits and _ (at most 63).`,
    );
  return name;
}

/** The user name and password of a postgresql:// URL (percent-decoded). */
export function credentialsOf(url: string): { user: string; password: string | undefined } {
  const parsed = new URL(url);
  return {
    user: decodeURIComponent(parsed.username),
    password: parsed.password ? decodeURIComponent(parsed.password) : undefined,
  };
}

const SAFE_ATTRIBUTES = "NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS";

interface RoleRow {
  rolsuper: boolean;
  rolcreatedb: boolean;
  rolcreaterole: boolean;
  rolreplication: boolean;
  rolbypassrls: boolean;
  rolcanlogin: boolean;
}

async function findRole(client: ClientBase, name: string): Promise<RoleRow | undefined> {
  const { rows } = await client.query<RoleRow>(
    `SELECT rolsuper, rolcreatedb, rolcreaterole, rolreplication, rolbypassrls, rolcanlogin
       FROM pg_roles WHERE rolname = $1`,
    [name],
  );
  return rows[0];
}

/** Errors of two migrators (other databases of the same server) creating the same role at once. */
function isConcurrentRoleChange(error: unknown): boolean {
  const code = (error as { code?: string }).code;
  const message = error instanceof Error ? error.message : "";
  return code === "42710" || code === "23505" || /tuple concurrently updated/.test(message);
}

/**
 * Creates the role (LOGIN, the safe attributes, the password if given) or brings an existing
 * one to the same state. Roles belong to the server, not the database: safe to run from every
 * database and instance at once.
 */
export async function ensureApplicationRole(
  client: ClientBase,
  role: { name: string; password?: string },
): Promise<"created" | "updated" | "unchanged"> {
  const name = assertRoleName(role.name);
  const password = role.password === undefined ? "" : ` PASSWORD ${client.escapeLiteral(role.password)}`;
  for (let attempt = 1; ; attempt++) {
    try {
      const existing = await findRole(client, name);
      if (!existing) {
        await client.query(`CREATE ROLE "${name}" LOGIN ${SAFE_ATTRIBUTES}${password}`);
        return "created";
      }
      // Only what is wrong: naming SUPERUSER, REPLICATION or BYPASSRLS at all needs a superuser,
      // which a managed database's owner (CREATEROLE) is not.
      const fixes = [
        existing.rolcanlogin ? "" : "LOGIN",
        existing.rolsuper ? "NOSUPERUSER" : "",
        existing.rolcreatedb ? "NOCREATEDB" : "",
        existing.rolcreaterole ? "NOCREATEROLE" : "",
        existing.rolreplication ? "NOREPLICATION" : "",
        existing.rolbypassrls ? "NOBYPASSRLS" : "",
      ].filter(Boolean);
      if (fixes.length === 0 && !password) return "unchanged";
      await client.query(`ALTER ROLE "${name}" ${fixes.join(" ")}${password}`);
      return "updated";
    } catch (error) {
      if (attempt < 5 && isConcurrentRoleChange(error)) continue;
      const reason = error instanceof Error ? error.message : String(error);
      throw new Error(
        `Could not create or update the application role "${name}" (${reason}). The migration connection ` +
          "needs CREATEROLE for that; or create the role once yourself: " +
          `CREATE ROLE "${name}" LOGIN PASSWORD '...' ${SAFE_ATTRIBUTES};`,
      );
    }
  }
}

/** The schemas the migrations made (every schema but PostgreSQL's own). */
async function applicationSchemas(client: ClientBase): Promise<string[]> {
  const { rows } = await client.query<{ nspname: string }>(
    `SELECT nspname FROM pg_namespace
      WHERE nspname NOT IN ('pg_catalog', 'information_schema') AND nspname NOT LIKE 'pg\\_%'
        AND pg_has_role(current_user, nspowner, 'USAGE')
      ORDER BY nspname`,
  );
  return rows.map((r) => r.nspname);
}

async function publicMayCreate(client: ClientBase, schema: string): Promise<boolean> {
  const { rows } = await client.query<{ yes: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM pg_namespace n, aclexplode(coalesce(n.nspacl, acldefault('n', n.nspowner))) a
                     WHERE n.nspname = $1 AND a.grantee = 0 AND a.privilege_type = 'CREATE') AS yes`,
    [schema],
  );
  return rows[0]!.yes;
}

const quote = (identifier: string) => `"${identifier.replace(/"/g, '""')}"`;

/**
 * Grants the application role what it needs and nothing else, on an owner connection, in one
 * transaction. Idempotent; run after every migration run.
 */
export async function grantApplicationPrivileges(client: ClientBase, roleName: string): Promise<void> {
  const role = quote(assertRoleName(roleName));
  const owns = await client.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM pg_class c JOIN pg_roles r ON r.oid = c.relowner WHERE r.rolname = $1`,
    [roleName],
  );
  if (owns.rows[0]!.n > 0)
    throw new Error(
      `The application role "${roleName}" owns ${owns.rows[0]!.n} tables or other relations. It must own nothing: ` +
        `reassign them to the migration role (REASSIGN OWNED BY "${roleName}" TO <owner>), then migrate again.`,
    );
  await client.query("BEGIN");
  try {
    // One migrator at a time per database (the lock migrations take), so grants never race.
    await client.query("SELECT pg_advisory_xact_lock($1)", [PRISMA_MIGRATE_LOCK_ID]);
    const database = (await client.query<{ db: string }>("SELECT current_database() AS db")).rows[0]!.db;
    await client.query(`GRANT CONNECT, TEMPORARY ON DATABASE ${quote(database)} TO ${role}`);
    for (const schema of await applicationSchemas(client)) {
      const s = quote(schema);
      await client.query(`REVOKE CREATE ON SCHEMA ${s} FROM ${role}`);
      // PostgreSQL before 15 let every role create tables in public; 15 and later do not.
      if (await publicMayCreate(client, schema)) await client.query(`REVOKE CREATE ON SCHEMA ${s} FROM PUBLIC`);
      await client.query(`GRANT USAGE ON SCHEMA ${s} TO ${role}`);
      await client.query(`REVOKE ALL ON ALL TABLES IN SCHEMA ${s} FROM ${role}`);
      await client.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${s} TO ${role}`);
      await client.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA ${s} TO ${role}`);
      // Tables the owner creates later (another migration run, a job queue's partitions).
      await client.query(
        `ALTER DEFAULT PRIVILEGES IN SCHEMA ${s} GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${role}`,
      );
      await client.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA ${s} GRANT USAGE, SELECT ON SEQUENCES TO ${role}`);
    }
    const { rows } = await client.query<{ name: string; kind: "append" | "none" }>(
      `SELECT format('%I.%I', n.nspname, c.relname) AS name,
              CASE WHEN c.relname = ANY ($1::text[]) THEN 'append' ELSE 'none' END AS kind
         FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE c.relkind IN ('r', 'p') AND (c.relname = ANY ($1::text[]) OR c.relname = ANY ($2::text[]))
          AND pg_has_role(current_user, c.relowner, 'USAGE')`,
      [APPEND_ONLY_TABLES, MIGRATOR_ONLY_TABLES],
    );
    for (const table of rows) {
      await client.query(`REVOKE ALL ON ${table.name} FROM ${role}`);
      if (table.kind === "append") await client.query(`GRANT SELECT, INSERT ON ${table.name} TO ${role}`);
    }
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  }
}
