import { describe, expect, inject, it } from "vitest";
import { env } from "@/env";
import { db } from "@/server/db";
import { TEST_PASSWORD, TEST_PASSWORD_HASH } from "../factories";
import { verifyPassword } from "@/server/auth/password";
import {
  TEST_DATABASE_PREFIX,
  assertLocalDatabaseUrl,
  appDatabaseUrl,
  uniqueDatabaseName,
  useTestDatabase,
} from "../helpers/test-database";

describe("assertLocalDatabaseUrl", () => {
  it.each([
    "postgresql://postgres@127.0.0.1:5432/postgres",
    "postgresql://postgres@localhost/postgres",
    "postgres://user:secret@[::1]:5432/x",
    "postgresql://postgres@LOCALHOST/postgres",
    "postgresql:///postgres?host=/var/run/postgresql",
  ])("accepts %s", (url) => {
    expect(() => assertLocalDatabaseUrl(url)).not.toThrow();
  });

  it.each([
    ["postgresql://postgres@db.example.com:5432/postgres", /host "db\.example\.com" is not local/],
    ["postgresql://postgres@10.0.0.5/postgres", /host "10\.0\.0\.5" is not local/],
    ["postgresql://postgres@127.0.0.2/postgres", /is not local/],
    ["postgresql://postgres@localhost.evil.com/postgres", /is not local/],
    ["postgresql://postgres@localhost/postgres?host=prod.internal", /host "prod\.internal" is not local/],
    ["postgresql:///postgres", /host \(none\) is not local/],
    ["mysql://root@127.0.0.1/x", /not a postgresql:\/\/ URL/],
    ["not a url", /not a valid URL/],
  ])("refuses %s", (url, message) => {
    expect(() => assertLocalDatabaseUrl(url)).toThrow(message);
  });

  it("does not print the password of a refused URL", () => {
    expect(() => assertLocalDatabaseUrl("postgresql://app:hunter2@prod.example.com/db")).toThrow(/app:\*\*\*@/);
    expect(() => assertLocalDatabaseUrl("postgresql://app:hunter2@prod.example.com/db")).not.toThrow(/hunter2/);
  });

  it("makes unique, valid database names", () => {
    const names = new Set(Array.from({ length: 50 }, () => uniqueDatabaseName("f")));
    expect(names.size).toBe(50);
    for (const name of names) expect(name).toMatch(/^rt_test_f_\d+_[0-9a-z]+_[0-9a-f]{8}$/);
  });
});

describe("useTestDatabase", () => {
  const database = useTestDatabase();

  it("points DATABASE_URL and db() at this file's own migrated copy of the template", async () => {
    expect(database.name.startsWith(`${TEST_DATABASE_PREFIX}f_`)).toBe(true);
    expect(database.name).not.toBe(inject("testDatabaseTemplate"));
    expect(process.env.DATABASE_URL).toBe(appDatabaseUrl(database.name));
    expect(env().DATABASE_URL).toBe(database.url);
    const [{ current }] = await db().$queryRaw<[{ current: string }]>`SELECT current_database() AS current`;
    expect(current).toBe(database.name);
    const { rows } = await database.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM "_prisma_migrations" WHERE finished_at IS NOT NULL`,
    );
    expect(rows[0]!.n).toBeGreaterThan(0);
  });

  it("factories use a fixed cheap hash of TEST_PASSWORD", async () => {
    expect(await verifyPassword(TEST_PASSWORD, TEST_PASSWORD_HASH)).toBe(true);
    expect(await verifyPassword(`${TEST_PASSWORD}x`, TEST_PASSWORD_HASH)).toBe(false);
  });
});
