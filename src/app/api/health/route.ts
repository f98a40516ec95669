import { databaseIsReachable } from "@/server/health";

export const dynamic = "force-dynamic";

/** For load balancers: 200 when this instance can reach the database, 503 when not. */
export async function GET() {
  return (await databaseIsReachable())
    ? Response.json({ status: "ok" })
    : Response.json({ status: "database unavailable" }, { status: 503 });
}
