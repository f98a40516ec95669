import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { useTestDatabase } from "../helpers/test-database";

/**
 * Issue 18 item 6: Prisma runs an include's relation queries at once; inside a transaction they
 * share one connection, and pg warned "Calling client.query() when the client is already executing
 * a query is deprecated" (an error in pg 9). The app's pool uses SerialClient (server/db), so the
 * same transaction gives no warning. Each run is a process of its own: pg warns once per process.
 */

const run = promisify(execFile);

async function includeInTransaction(
  url: string,
  rawPgClient: boolean,
): Promise<{ relations: number; warnings: string[] }> {
  const { stdout } = await run("node_modules/.bin/tsx", ["tests/helpers/include-in-transaction.ts"], {
    env: { ...process.env, DATABASE_URL: url, RAW_PG_CLIENT: String(rawPgClient) },
    timeout: 60_000,
  });
  return JSON.parse(stdout.trim().split("\n").at(-1)!);
}

describe("queries inside a transaction", () => {
  const database = useTestDatabase();

  it("reads an include with many relations in a transaction without pg's concurrent-query warning", async () => {
    const result = await includeInTransaction(database.url, false);
    expect(result).toEqual({ relations: 1, warnings: [] });
  }, 90_000);

  it("control: with pg's own Client the same transaction does warn (so the check above can fail)", async () => {
    const result = await includeInTransaction(database.url, true);
    expect(result.relations).toBe(1);
    expect(result.warnings).toEqual([
      expect.stringMatching(
        /^DeprecationWarning: Calling client\.query\(\) when the client is already executing a query is deprecated/,
      ),
    ]);
  }, 90_000);
});
