import type { TestProject } from "vitest/node";
import { migrateDatabase } from "../../src/server/db/migrate-database";
import {
  MIGRATIONS_DIR,
  appDatabaseUrl,
  createDatabase,
  dropAbandonedDatabases,
  dropDatabase,
  uniqueDatabaseName,
} from "./database-admin";

declare module "vitest" {
  export interface ProvidedContext {
    /** The migrated template each integration test file clones (see useTestDatabase). */
    testDatabaseTemplate: string;
  }
}

/**
 * Once per run: migrate a template database as the owner (the server's superuser here), create
 * or update the application role and grant it there, as `npm run db:migrate` does in production;
 * drop the template when the run ends.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  await dropAbandonedDatabases();
  const template = uniqueDatabaseName("tpl");
  const url = await createDatabase(template);
  try {
    await migrateDatabase({ ownerUrl: url, appUrl: appDatabaseUrl(template), dir: MIGRATIONS_DIR });
  } catch (error) {
    await dropDatabase(template);
    throw error;
  }
  project.provide("testDatabaseTemplate", template);
  return async () => {
    await dropDatabase(template);
  };
}
