import type pg from "pg";
import { afterAll, beforeAll, inject } from "vitest";
import { resetEnvCache } from "@/env";
import { disconnectDb } from "@/server/db";
import { appDatabaseUrl, createDatabase, dropDatabase, uniqueDatabaseName, withClient } from "./database-admin";

/**
 * Throwaway PostgreSQL databases for integration tests.
 *
 * A vitest globalSetup (global-setup.ts) migrates one template database per run; each test
 * file clones it with `useTestDatabase()` (CREATE DATABASE ... TEMPLATE) and drops its clone
 * afterwards. Files never share a database, so they can run in parallel and in any order,
 * and nothing needs truncating (audit_event refuses TRUNCATE and DELETE anyway).
 *
 * The app's connection (DATABASE_URL, so `db()`) is the least-privilege application role
 * TEST_APP_ROLE, as in production: every integration test runs as it. `query` and `ownerUrl`
 * are the owner's (the server's superuser), for set-up the app itself could not do.
 */

export * from "./database-admin";

export interface TestDatabase {
  /** The database's name (valid inside the test file's hooks and tests). */
  readonly name: string;
  /** The application role's URL: what DATABASE_URL and db() use. */
  readonly url: string;
  /** The owner's URL (the superuser that migrated it). */
  readonly ownerUrl: string;
  /** A raw pg query on this database, over its own connection (as the superuser). */
  query<R extends pg.QueryResultRow = pg.QueryResultRow>(sql: string, params?: unknown[]): Promise<pg.QueryResult<R>>;
}

/**
 * Gives the calling test file its own migrated database: created from the run's template
 * before the file's tests, pointed at by DATABASE_URL (so `db()` uses it), dropped after.
 */
export function useTestDatabase(): TestDatabase {
  let name = "";
  let url = "";
  let ownerUrl = "";
  beforeAll(async () => {
    const template = inject("testDatabaseTemplate");
    if (!template)
      throw new Error("No template database: run integration tests through vitest.config.ts (globalSetup).");
    name = uniqueDatabaseName("f");
    ownerUrl = await createDatabase(name, { template });
    url = appDatabaseUrl(name);
    await disconnectDb();
    process.env.DATABASE_URL = url;
    resetEnvCache();
  });
  afterAll(async () => {
    await disconnectDb();
    if (name) await dropDatabase(name);
  });
  return {
    get name() {
      return name;
    },
    get url() {
      return url;
    },
    get ownerUrl() {
      return ownerUrl;
    },
    query: (sql, params) => withClient(ownerUrl, (client) => client.query(sql, params)),
  };
}
