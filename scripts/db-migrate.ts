/** `npm run db:migrate`: applies prisma/migrations to DATABASE_URL (or the embedded database). */
import { migrate, resolveDatabase } from "./lib/database";

const database = await resolveDatabase();
try {
  await migrate(database.url);
} finally {
  await database.stop();
}
