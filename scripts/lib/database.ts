import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { applyMigrations } from "../../src/server/db/migrations";
import { startEmbeddedDatabase } from "../../src/server/db/embedded";

export interface ResolvedDatabase {
  url: string;
  embedded: boolean;
  stop(): Promise<void>;
}

/**
 * DATABASE_URL set: that PostgreSQL. Unset: the embedded PostgreSQL under .data/, and the
 * environment is pointed at it (pool of 1: it serves one session). Both then take the
 * same path: migrations, optional seed, the app.
 */
export async function resolveDatabase(): Promise<ResolvedDatabase> {
  if (process.env.DATABASE_URL) {
    return { url: process.env.DATABASE_URL, embedded: false, stop: async () => {} };
  }
  const started = Date.now();
  const embedded = await startEmbeddedDatabase({ port: Number(process.env.EMBEDDED_DB_PORT ?? 0) });
  process.env.DATABASE_URL = embedded.url;
  process.env.DATABASE_POOL_MAX = "1";
  console.log(
    `Embedded PostgreSQL (PGlite) ready in ${Date.now() - started} ms at ${embedded.url} (data in .data/pglite)`,
  );
  return { url: embedded.url, embedded: true, stop: () => embedded.stop() };
}

export async function migrate(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const report = await applyMigrations(client, { log: (line) => console.log(`  ${line}`) });
    console.log(`Migrations: ${report.applied.length} applied, ${report.alreadyApplied.length} already applied.`);
  } finally {
    await client.end();
  }
}

/**
 * The embedded demo keeps a generated secret in .data/ so sessions survive restarts;
 * a real deployment must set NEXTAUTH_SECRET itself.
 */
export function ensureAuthSecret(embedded: boolean): void {
  if (process.env.NEXTAUTH_SECRET) return;
  if (!embedded) {
    throw new Error("NEXTAUTH_SECRET is not set. Generate one with `openssl rand -base64 48` (see .env.example).");
  }
  const file = path.join(process.cwd(), ".data", "auth-secret");
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(48).toString("base64"), { mode: 0o600 });
  }
  process.env.NEXTAUTH_SECRET = readFileSync(file, "utf8").trim();
}
