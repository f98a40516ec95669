// Prisma 7's CLI reads no .env by itself; the URL only matters for CLI commands that
// talk to a database (we apply migrations with our own engine-free runner, see README).
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres" },
});
