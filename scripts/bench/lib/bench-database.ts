import pg from "pg";
import { applyMigrations } from "../../../src/server/db/migrations";

/**
 * The bench database: `recovery_tracker_bench` on the local PostgreSQL unless BENCH_DATABASE_URL
 * says otherwise. The generator wipes it, so only a local database whose name says "bench" is
 * accepted.
 */
export const DEFAULT_BENCH_DATABASE_URL = "postgresql://postgres@127.0.0.1:5432/recovery_tracker_bench";

const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "::1", "[::1]"]);

export function benchDatabaseUrl(): string {
  const url = process.env.BENCH_DATABASE_URL || DEFAULT_BENCH_DATABASE_URL;
  assertBenchUrl(url);
  return url;
}

function assertBenchUrl(text: string): URL {
  const url = new URL(text);
  const name = decodeURIComponent(url.pathname.slice(1));
  if (!LOCAL_HOSTS.has(url.hostname.toLowerCase()))
    throw new Error(`Refusing ${redact(text)}: the bench only runs on a local PostgreSQL.`);
  if (!/^[a-z0-9_]*bench[a-z0-9_]*$/.test(name))
    throw new Error(`Refusing ${redact(text)}: the bench database's name must contain "bench" (it is wiped).`);
  return url;
}

export function redact(url: string): string {
  return url.replace(/\/\/([^:@/]*):[^@/]*@/, "//$1:***@");
}

export function databaseName(url: string): string {
  return decodeURIComponent(new URL(url).pathname.slice(1));
}

/** Creates the database when it does not exist yet (through the server's `postgres` database). */
export async function ensureDatabase(url: string): Promise<void> {
  const admin = new URL(url);
  admin.pathname = "/postgres";
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const name = databaseName(url);
    const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
}

/**
 * A fresh, migrated schema: drops everything in `public` (audit_event refuses TRUNCATE and
 * DELETE by trigger, but a dropped table takes its triggers with it), then applies
 * prisma/migrations with the project's own migrator.
 */
export async function resetAndMigrate(client: pg.Client): Promise<number> {
  await client.query("DROP SCHEMA IF EXISTS public CASCADE");
  await client.query("CREATE SCHEMA public");
  const report = await applyMigrations(client, {});
  return report.applied.length;
}

export async function withBenchClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** A pool or a client: anything the bench can send a query through. */
export type Queryable = Pick<pg.Pool, "query">;
