import { db } from "@/server/db";

/** True when this instance can reach the database. */
export async function databaseIsReachable(): Promise<boolean> {
  try {
    await db().$queryRaw`SELECT 1`;
    return true;
  } catch {
    return false;
  }
}
