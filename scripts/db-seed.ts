/** `npm run db:seed`: migrates, then loads the demo data (idempotent). */
import { migrate, resolveDatabase } from "./lib/database";

const database = await resolveDatabase();
try {
  await migrate(database);
  const { db, disconnectDb } = await import("../src/server/db");
  const { seedDemo, demoSignInsText } = await import("../prisma/seed/seed-demo");
  await seedDemo(db());
  await disconnectDb();
  console.log(demoSignInsText());
} finally {
  await database.stop();
}
