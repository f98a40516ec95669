/**
 * `npm run db:migrate`: applies prisma/migrations on MIGRATION_DATABASE_URL (the owner; else
 * DATABASE_URL, or the embedded database), then readies the app role named by DATABASE_URL.
 */
import { migrate, resolveDatabase } from "./lib/database";

const database = await resolveDatabase();
try {
  await migrate(database);
} finally {
  await database.stop();
}
