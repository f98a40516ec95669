import { createHash, randomUUID } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { ClientBase } from "pg";

/**
 * Applies prisma/migrations without Prisma's schema engine (which cannot be downloaded
 * here), recording them in `_prisma_migrations` exactly as `prisma migrate deploy` does:
 * same table, columns, checksum (SHA-256 of migration.sql) and advisory lock, so either
 * tool can be used on the same database.
 */

/** The lock id Prisma's migrate takes, so our runner and Prisma's never overlap. */
export const PRISMA_MIGRATE_LOCK_ID = 72707369;

// Prisma's own DDL for its bookkeeping table.
const CREATE_MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

export interface MigrationFile {
  name: string;
  file: string;
  sql: string;
  checksum: string;
}

export interface MigrationReport {
  applied: string[];
  alreadyApplied: string[];
}

export class MigrationError extends Error {
  override name = "MigrationError";
}

export const DEFAULT_MIGRATIONS_DIR = path.join(process.cwd(), "prisma", "migrations");

function sha256(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

/** Prisma ignores line-ending differences when it compares checksums; so do we. */
function checksumMatches(file: MigrationFile, recorded: string): boolean {
  const lf = file.sql.replace(/\r\n/g, "\n");
  return [file.checksum, sha256(lf), sha256(lf.replace(/\n/g, "\r\n"))].includes(recorded);
}

/** Migration folders in name order, as Prisma applies them. */
export function readMigrations(dir: string = DEFAULT_MIGRATIONS_DIR): MigrationFile[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(dir, entry.name, "migration.sql")))
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const file = path.join(dir, name, "migration.sql");
      const sql = readFileSync(file, "utf8");
      return { name, file, sql, checksum: sha256(sql) };
    });
}

interface MigrationRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
}

/**
 * Applies every migration not yet applied, each in its own transaction. Idempotent.
 * Refuses to run when an applied migration's file has changed since, or when a
 * migration is recorded as failed and not resolved (as Prisma does).
 */
export async function applyMigrations(
  client: ClientBase,
  options: {
    dir?: string;
    log?: (line: string) => void;
    /** Runs after the migrations while the lock is still held (the app role's grants, migrate-database.ts). */
    afterMigrations?: (client: ClientBase) => Promise<void>;
  } = {},
): Promise<MigrationReport> {
  const log = options.log ?? (() => {});
  const files = readMigrations(options.dir);
  await client.query("SELECT pg_advisory_lock($1)", [PRISMA_MIGRATE_LOCK_ID]);
  try {
    await client.query(CREATE_MIGRATIONS_TABLE);
    const { rows } = await client.query<MigrationRow>(
      `SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations" ORDER BY started_at`,
    );
    const applied = new Map(
      rows.filter((r) => r.finished_at !== null && r.rolled_back_at === null).map((r) => [r.migration_name, r]),
    );
    const failed = rows.filter((r) => r.finished_at === null && r.rolled_back_at === null);
    if (failed.length > 0) {
      throw new MigrationError(
        `Migration ${failed.map((r) => r.migration_name).join(", ")} failed earlier and was not resolved. ` +
          "Fix the database, then mark it rolled back (`prisma migrate resolve --rolled-back NAME`).",
      );
    }
    for (const file of files) {
      const row = applied.get(file.name);
      if (row && !checksumMatches(file, row.checksum)) {
        throw new MigrationError(
          `Migration file ${path.relative(process.cwd(), file.file)} was changed after it was applied ` +
            `(checksum ${row.checksum.slice(0, 12)}… in the database, ${file.checksum.slice(0, 12)}… on disk). ` +
            "Restore the file and add a new migration for the change.",
        );
      }
    }
    for (const name of applied.keys()) {
      if (!files.some((f) => f.name === name)) log(`warning: ${name} is applied but has no folder here`);
    }

    const report: MigrationReport = { applied: [], alreadyApplied: [] };
    for (const file of files) {
      if (applied.has(file.name)) {
        report.alreadyApplied.push(file.name);
        continue;
      }
      await applyOne(client, file);
      report.applied.push(file.name);
      log(`applied ${file.name}`);
    }
    await options.afterMigrations?.(client);
    return report;
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [PRISMA_MIGRATE_LOCK_ID]);
  }
}

async function applyOne(client: ClientBase, file: MigrationFile): Promise<void> {
  const id = randomUUID();
  // Recorded before it runs, as Prisma does, so a crash leaves a visible trace.
  await client.query(
    `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count)
     VALUES ($1, $2, $3, now(), 0)`,
    [id, file.checksum, file.name],
  );
  try {
    await client.query("BEGIN");
    await client.query(file.sql);
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK");
    const message = error instanceof Error ? error.message : String(error);
    // The transaction rolled back, so nothing of it is applied: record it as rolled back,
    // which is what `prisma migrate resolve --rolled-back` would record, and a rerun retries.
    await client.query(`UPDATE "_prisma_migrations" SET logs = $2, rolled_back_at = now() WHERE id = $1`, [
      id,
      message,
    ]);
    throw new MigrationError(`Migration ${file.name} failed and was rolled back: ${message}`);
  }
  await client.query(`UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = 1 WHERE id = $1`, [
    id,
  ]);
}
