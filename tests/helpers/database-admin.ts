import { randomBytes } from "node:crypto";
import { fileURLToPath } from "node:url";
import pg from "pg";

/**
 * Creating and dropping throwaway databases on the local test PostgreSQL server. Free of
 * vitest and Prisma, so the globalSetup (and scripts) can use it; tests use test-database.ts.
 */

export const DEFAULT_TEST_DATABASE_ADMIN_URL = "postgresql://postgres@127.0.0.1:5432/postgres";
export const MIGRATIONS_DIR = fileURLToPath(new URL("../../prisma/migrations", import.meta.url));

/**
 * The least-privilege role integration tests connect as (db(), DATABASE_URL), as the app does in
 * production: global-setup creates it on the test server and grants it on the template, so every
 * file's clone carries the grants. Its fixed password only matters where the server asks for one.
 */
export const TEST_APP_ROLE = "rt_test_app";
export const TEST_APP_PASSWORD = "rt-test-app-local-only";

/** Every database this helper creates starts with this, so leftovers are recognisable. */
export const TEST_DATABASE_PREFIX = "rt_test_";

const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "::1", "[::1]"]);
const DATABASE_NAME = /^[a-z0-9_]{1,63}$/;

function redact(url: string): string {
  return url.replace(/\/\/([^:@/]*):[^@/]*@/, "//$1:***@");
}

/**
 * Throws unless the URL is a postgres URL whose every host is this machine (localhost,
 * 127.0.0.1, ::1 or a Unix socket directory). Tests create and drop databases: they must
 * never be pointed at a shared or production server.
 */
export function assertLocalDatabaseUrl(url: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`Refusing to use test database URL "${redact(url)}": it is not a valid URL.`);
  }
  if (parsed.protocol !== "postgresql:" && parsed.protocol !== "postgres:") {
    throw new Error(`Refusing to use test database URL "${redact(url)}": it is not a postgresql:// URL.`);
  }
  // pg lets a `?host=` parameter override the URL's host, so it has to be local too.
  const hosts = [parsed.hostname, ...parsed.searchParams.getAll("host")].filter((h) => h !== "");
  const remote = hosts.filter((h) => !LOCAL_HOSTS.has(h.toLowerCase()) && !h.startsWith("/"));
  if (hosts.length === 0 || remote.length > 0) {
    throw new Error(
      `Refusing to use test database URL "${redact(url)}": host ${remote.length ? `"${remote.join('", "')}"` : "(none)"} ` +
        "is not local. Integration tests create and drop databases, so they only run against PostgreSQL on " +
        "localhost, 127.0.0.1 or ::1 (set TEST_DATABASE_ADMIN_URL).",
    );
  }
  return parsed;
}

/** The server's maintenance database URL, used to create and drop test databases. */
export function adminUrl(): string {
  const url = process.env.TEST_DATABASE_ADMIN_URL || DEFAULT_TEST_DATABASE_ADMIN_URL;
  assertLocalDatabaseUrl(url);
  return url;
}

/** The URL of database `name` on the admin URL's server, with the same credentials. */
export function databaseUrl(name: string): string {
  const url = assertLocalDatabaseUrl(adminUrl());
  url.pathname = `/${assertName(name)}`;
  return url.toString();
}

/** The URL of database `name` for the application role (what DATABASE_URL is in tests). */
export function appDatabaseUrl(name: string): string {
  const url = new URL(databaseUrl(name));
  url.username = TEST_APP_ROLE;
  url.password = TEST_APP_PASSWORD;
  return url.toString();
}

function assertName(name: string): string {
  if (!DATABASE_NAME.test(name)) throw new Error(`Invalid test database name "${name}"`);
  return name;
}

/** A fresh database name: prefix, kind, pid, time and randomness, so parallel runs never clash. */
export function uniqueDatabaseName(kind: string): string {
  const random = randomBytes(4).toString("hex");
  return assertName(`${TEST_DATABASE_PREFIX}${kind}_${process.pid}_${Date.now().toString(36)}_${random}`);
}

/** Runs `fn` with a connected pg client, always closing it. */
export async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  assertLocalDatabaseUrl(url);
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(
      `Cannot connect to the test PostgreSQL at ${redact(url)} (${reason}). ` +
        "Start it (e.g. `pg_ctlcluster --skip-systemctl-redirect 15 main start`) or set TEST_DATABASE_ADMIN_URL.",
    );
  }
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Creates an empty database, or a copy of `template` (which must have no open connections). */
export async function createDatabase(name: string, options: { template?: string } = {}): Promise<string> {
  assertName(name);
  const template = options.template ? ` TEMPLATE "${assertName(options.template)}"` : "";
  await withClient(adminUrl(), (client) => client.query(`CREATE DATABASE "${name}"${template}`));
  return databaseUrl(name);
}

/** Drops the database, closing any connection still open to it. */
export async function dropDatabase(name: string): Promise<void> {
  assertName(name);
  await withClient(adminUrl(), (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}

/**
 * Drops test databases left by runs that crashed: those whose creating process is gone and
 * that are older than an hour. Databases of live runs (other worktrees included) are kept.
 */
export async function dropAbandonedDatabases(now = Date.now()): Promise<string[]> {
  const names = await withClient(adminUrl(), async (client) => {
    const { rows } = await client.query<{ datname: string }>(
      "SELECT datname FROM pg_database WHERE starts_with(datname, $1)",
      [TEST_DATABASE_PREFIX],
    );
    return rows.map((r) => r.datname);
  });
  const abandoned = names.filter((name) => {
    const match = /_(\d+)_([0-9a-z]+)_[0-9a-f]{8}$/.exec(name);
    if (!match) return false;
    const pid = Number(match[1]);
    const createdAt = parseInt(match[2]!, 36);
    return now - createdAt > 60 * 60_000 && !processIsAlive(pid);
  });
  for (const name of abandoned) await dropDatabase(name);
  return abandoned;
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
