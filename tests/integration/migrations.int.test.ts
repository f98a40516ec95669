import { createHash } from "node:crypto";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, it } from "vitest";
import { MigrationError, applyMigrations } from "@/server/db/migrations";
import { MIGRATIONS_DIR, createDatabase, dropDatabase, uniqueDatabaseName, withClient } from "../helpers/test-database";

/** The migration folders, read independently of the runner. */
const MIGRATION_NAMES = readdirSync(MIGRATIONS_DIR, { withFileTypes: true })
  .filter((e) => e.isDirectory() && existsSync(path.join(MIGRATIONS_DIR, e.name, "migration.sql")))
  .map((e) => e.name)
  .sort();
const FIRST = MIGRATION_NAMES[0]!;
const BROKEN = "29990101000000_broken";

const createdDatabases: string[] = [];
const tempDirs: string[] = [];

afterAll(async () => {
  for (const name of createdDatabases) await dropDatabase(name);
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

/** A new empty database (not the migrated template); dropped after the file. */
async function emptyDatabase(): Promise<string> {
  const name = uniqueDatabaseName("m");
  createdDatabases.push(name);
  return createDatabase(name);
}

/** A private copy of prisma/migrations that a test may edit. */
function copyOfMigrations(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "rt-migrations-"));
  tempDirs.push(dir);
  cpSync(MIGRATIONS_DIR, dir, { recursive: true });
  return dir;
}

function sha256Hex(bytes: Buffer | string): string {
  return createHash("sha256").update(bytes).digest("hex");
}

interface Row {
  id: string;
  checksum: string;
  finished_at: Date | null;
  migration_name: string;
  logs: string | null;
  rolled_back_at: Date | null;
  started_at: Date;
  applied_steps_count: number;
}

async function migrationRows(client: pg.Client): Promise<Row[]> {
  const { rows } = await client.query<Row>(`SELECT * FROM "_prisma_migrations" ORDER BY started_at, migration_name`);
  return rows;
}

async function tableExists(client: pg.Client, table: string): Promise<boolean> {
  const { rows } = await client.query<{ found: string | null }>("SELECT to_regclass($1)::text AS found", [
    `public.${table}`,
  ]);
  return rows[0]!.found !== null;
}

// Every test has its own database and directory, so they run concurrently (with the context's expect).
describe.concurrent("applyMigrations (engine-free prisma migrate deploy)", () => {
  it("applies every migration to an empty database and records each as Prisma does", async ({ expect }) => {
    const url = await emptyDatabase();
    await withClient(url, async (client) => {
      const report = await applyMigrations(client, { dir: MIGRATIONS_DIR });
      expect(report).toEqual({ applied: MIGRATION_NAMES, alreadyApplied: [] });

      // Prisma's own bookkeeping table, column for column.
      const { rows: columns } = await client.query(
        `SELECT column_name, data_type, character_maximum_length, is_nullable, column_default
           FROM information_schema.columns
          WHERE table_schema = 'public' AND table_name = '_prisma_migrations'
          ORDER BY ordinal_position`,
      );
      expect(columns).toEqual([
        {
          column_name: "id",
          data_type: "character varying",
          character_maximum_length: 36,
          is_nullable: "NO",
          column_default: null,
        },
        {
          column_name: "checksum",
          data_type: "character varying",
          character_maximum_length: 64,
          is_nullable: "NO",
          column_default: null,
        },
        {
          column_name: "finished_at",
          data_type: "timestamp with time zone",
          character_maximum_length: null,
          is_nullable: "YES",
          column_default: null,
        },
        {
          column_name: "migration_name",
          data_type: "character varying",
          character_maximum_length: 255,
          is_nullable: "NO",
          column_default: null,
        },
        {
          column_name: "logs",
          data_type: "text",
          character_maximum_length: null,
          is_nullable: "YES",
          column_default: null,
        },
        {
          column_name: "rolled_back_at",
          data_type: "timestamp with time zone",
          character_maximum_length: null,
          is_nullable: "YES",
          column_default: null,
        },
        {
          column_name: "started_at",
          data_type: "timestamp with time zone",
          character_maximum_length: null,
          is_nullable: "NO",
          column_default: "now()",
        },
        {
          column_name: "applied_steps_count",
          data_type: "integer",
          character_maximum_length: null,
          is_nullable: "NO",
          column_default: "0",
        },
      ]);
      const { rows: pk } = await client.query(
        `SELECT a.attname FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)
          WHERE i.indrelid = '"_prisma_migrations"'::regclass AND i.indisprimary`,
      );
      expect(pk).toEqual([{ attname: "id" }]);

      const rows = await migrationRows(client);
      expect(rows.map((r) => r.migration_name)).toEqual(MIGRATION_NAMES);
      for (const row of rows) {
        const bytes = readFileSync(path.join(MIGRATIONS_DIR, row.migration_name, "migration.sql"));
        expect(row.checksum).toBe(sha256Hex(bytes));
        expect(row.checksum).toMatch(/^[0-9a-f]{64}$/);
        expect(row.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
        expect(row.finished_at).toBeInstanceOf(Date);
        expect(row.finished_at!.getTime()).toBeGreaterThanOrEqual(row.started_at.getTime());
        expect(row.rolled_back_at).toBeNull();
        expect(row.logs).toBeNull();
        expect(row.applied_steps_count).toBe(1);
      }
    });
  });

  it("is idempotent: a second run applies nothing and records nothing", async ({ expect }) => {
    const url = await emptyDatabase();
    await withClient(url, async (client) => {
      await applyMigrations(client, { dir: MIGRATIONS_DIR });
      const before = await migrationRows(client);
      const report = await applyMigrations(client, { dir: MIGRATIONS_DIR });
      expect(report).toEqual({ applied: [], alreadyApplied: MIGRATION_NAMES });
      expect(await migrationRows(client)).toEqual(before);
    });
  });

  it("refuses to run when an applied migration's file was changed, naming the file, and applies nothing", async ({
    expect,
  }) => {
    const dir = copyOfMigrations();
    const url = await emptyDatabase();
    await withClient(url, async (client) => {
      await applyMigrations(client, { dir });
      const firstFile = path.join(dir, FIRST, "migration.sql");
      const original = readFileSync(firstFile, "utf8");
      writeFileSync(firstFile, `${original}\n-- an innocent-looking edit\n`);
      mkdirSync(path.join(dir, "29990101000000_later"));
      writeFileSync(
        path.join(dir, "29990101000000_later", "migration.sql"),
        `CREATE TABLE "later_table" ("id" INTEGER);\n`,
      );

      const run = applyMigrations(client, { dir });
      await expect(run).rejects.toBeInstanceOf(MigrationError);
      await expect(applyMigrations(client, { dir })).rejects.toThrow(
        `${FIRST}${path.sep}migration.sql was changed after it was applied`,
      );
      expect(await tableExists(client, "later_table")).toBe(false);
      expect((await migrationRows(client)).map((r) => r.migration_name)).toEqual(MIGRATION_NAMES);

      // Only line endings differ: Prisma accepts that, and so must we.
      writeFileSync(firstFile, original.replace(/\r?\n/g, "\r\n"));
      await expect(applyMigrations(client, { dir })).resolves.toEqual({
        applied: ["29990101000000_later"],
        alreadyApplied: MIGRATION_NAMES,
      });
    });
  });

  it("rolls a failing migration back entirely, records it with its error, and applies it once fixed", async ({
    expect,
  }) => {
    const dir = copyOfMigrations();
    mkdirSync(path.join(dir, BROKEN));
    const brokenFile = path.join(dir, BROKEN, "migration.sql");
    const goodPart = `CREATE TABLE "broken_first" ("id" INTEGER);\nCREATE TABLE "broken_second" ("id" INTEGER);\nINSERT INTO "broken_first" VALUES (1);\n`;
    writeFileSync(brokenFile, `${goodPart}SELECT 1 / 0;\n`);

    const url = await emptyDatabase();
    await withClient(url, async (client) => {
      await expect(applyMigrations(client, { dir })).rejects.toThrow(
        new RegExp(`${BROKEN} failed and was rolled back: division by zero`),
      );

      // The migrations before it are applied; nothing of the broken one is.
      expect(await tableExists(client, "broken_first")).toBe(false);
      expect(await tableExists(client, "broken_second")).toBe(false);
      let rows = await migrationRows(client);
      expect(rows.filter((r) => r.finished_at !== null).map((r) => r.migration_name)).toEqual(MIGRATION_NAMES);
      const failed = rows.filter((r) => r.migration_name === BROKEN);
      expect(failed).toHaveLength(1);
      expect(failed[0]).toMatchObject({
        finished_at: null,
        applied_steps_count: 0,
        checksum: sha256Hex(readFileSync(brokenFile)),
      });
      expect(failed[0]!.rolled_back_at).toBeInstanceOf(Date);
      expect(failed[0]!.logs).toContain("division by zero");

      // Fixed: the rerun applies it (and only it).
      writeFileSync(brokenFile, goodPart);
      await expect(applyMigrations(client, { dir })).resolves.toEqual({
        applied: [BROKEN],
        alreadyApplied: MIGRATION_NAMES,
      });
      expect(await tableExists(client, "broken_first")).toBe(true);
      expect(await tableExists(client, "broken_second")).toBe(true);
      rows = await migrationRows(client);
      const attempts = rows.filter((r) => r.migration_name === BROKEN);
      expect(attempts).toHaveLength(2);
      expect(attempts.filter((r) => r.finished_at !== null && r.rolled_back_at === null)).toHaveLength(1);
      await expect(applyMigrations(client, { dir })).resolves.toEqual({
        applied: [],
        alreadyApplied: [...MIGRATION_NAMES, BROKEN],
      });
    });
  });

  it("refuses to run while a migration is recorded as started but neither finished nor rolled back", async ({
    expect,
  }) => {
    const url = await emptyDatabase();
    await withClient(url, async (client) => {
      await applyMigrations(client, { dir: MIGRATIONS_DIR });
      await client.query(
        `INSERT INTO "_prisma_migrations" (id, checksum, migration_name) VALUES (gen_random_uuid()::text, repeat('0', 64), $1)`,
        [BROKEN],
      );
      await expect(applyMigrations(client, { dir: MIGRATIONS_DIR })).rejects.toThrow(
        `Migration ${BROKEN} failed earlier and was not resolved`,
      );
    });
  });

  it("applies each migration exactly once when several runners start at the same time", async ({ expect }) => {
    const url = await emptyDatabase();
    const clients = Array.from({ length: 4 }, () => new pg.Client({ connectionString: url }));
    await Promise.all(clients.map((c) => c.connect()));
    try {
      const reports = await Promise.all(clients.map((c) => applyMigrations(c, { dir: MIGRATIONS_DIR })));
      expect(reports.flatMap((r) => r.applied).sort()).toEqual(MIGRATION_NAMES);
      for (const report of reports)
        expect([...report.applied, ...report.alreadyApplied].sort()).toEqual(MIGRATION_NAMES);
      const rows = await migrationRows(clients[0]!);
      expect(rows.map((r) => r.migration_name).sort()).toEqual(MIGRATION_NAMES);
      expect(rows.every((r) => r.finished_at !== null && r.rolled_back_at === null)).toBe(true);
    } finally {
      await Promise.all(clients.map((c) => c.end()));
    }
  });
});
