import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { startEmbeddedDatabase } from "../../src/server/db/embedded";
import { SerialClient } from "../../src/server/db/serial-client";
import { migrateDatabase } from "../../src/server/db/migrate-database";
import { assessDatabaseRole, roleCheckVerdict } from "../../src/server/db/role-check";

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

/**
 * Applies the migrations on the owner's connection, MIGRATION_DATABASE_URL (falling back to
 * DATABASE_URL, as on the demo's embedded database), and, when DATABASE_URL names another user,
 * creates or updates that user as the app's least-privilege role (src/server/db/app-role.ts).
 */
export async function migrate(database: Pick<ResolvedDatabase, "url" | "embedded">): Promise<void> {
  const ownerUrl = process.env.MIGRATION_DATABASE_URL || database.url;
  const report = await migrateDatabase({
    ownerUrl,
    appUrl: database.url,
    // The embedded database serves one session, so its jobs run in the app process, not pg-boss.
    jobQueues: !database.embedded,
    log: (line) => console.log(`  ${line}`),
  });
  console.log(`Migrations: ${report.applied.length} applied, ${report.alreadyApplied.length} already applied.`);
}

/**
 * The start-up check of the app's own role: on a real PostgreSQL a role that could alter the
 * audit log (superuser, owner, BYPASSRLS, ...) stops the start; on the embedded demo database,
 * which has one superuser session by design, it is a loud warning.
 */
export async function checkApplicationRole(database: ResolvedDatabase): Promise<void> {
  const client = new SerialClient({ connectionString: database.url });
  await client.connect();
  const assessment = await assessDatabaseRole(client).finally(() => client.end());
  const verdict = roleCheckVerdict(assessment, database.embedded);
  if (verdict.kind === "refuse") throw new Error(verdict.text);
  if (verdict.kind === "warn") console.warn(verdict.text);
  else console.log(verdict.text);
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
