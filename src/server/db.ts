import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/generated/prisma/client";
import { env, requireDatabaseUrl } from "@/env";
import { SerialClient } from "./db/serial-client";

export type Db = PrismaClient;
/** The client inside `db().$transaction(async (tx) => ...)`. */
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

// One client per process; kept on globalThis so dev hot reload does not open new pools.
const globalForDb = globalThis as unknown as { recoveryTrackerDb?: PrismaClient };

/** The Prisma client, created on first use (a client built at import breaks `next build`). */
export function db(): PrismaClient {
  if (!globalForDb.recoveryTrackerDb) {
    const adapter = new PrismaPg({
      connectionString: requireDatabaseUrl(),
      max: env().DATABASE_POOL_MAX,
      // Fail fast when the database is down, so pages show the outage instead of hanging.
      connectionTimeoutMillis: 5_000,
      // One query at a time per connection: an include's relation queries in a transaction (serial-client.ts).
      Client: SerialClient,
    });
    globalForDb.recoveryTrackerDb = new PrismaClient({ adapter });
  }
  return globalForDb.recoveryTrackerDb;
}

export async function disconnectDb(): Promise<void> {
  const client = globalForDb.recoveryTrackerDb;
  globalForDb.recoveryTrackerDb = undefined;
  await client?.$disconnect();
}
