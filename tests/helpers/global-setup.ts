import type { TestProject } from "vitest/node";
import { applyMigrations } from "../../src/server/db/migrations";
import {
  MIGRATIONS_DIR,
  createDatabase,
  dropAbandonedDatabases,
  dropDatabase,
  uniqueDatabaseName,
  withClient,
} from "./database-admin";

declare module "vitest" {
  export interface ProvidedContext {
    /** The migrated template each integration test file clones (see useTestDatabase). */
    testDatabaseTemplate: string;
  }
}

/** Once per run: migrate a template database; drop it when the run ends. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  await dropAbandonedDatabases();
  const template = uniqueDatabaseName("tpl");
  const url = await createDatabase(template);
  try {
    await withClient(url, (client) => applyMigrations(client, { dir: MIGRATIONS_DIR }));
  } catch (error) {
    await dropDatabase(template);
    throw error;
  }
  project.provide("testDatabaseTemplate", template);
  return async () => {
    await dropDatabase(template);
  };
}
