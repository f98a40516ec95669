import type { NextRequest } from "next/server";
import { getToken } from "next-auth/jwt";
import { env } from "@/env";
import { findSessionUserId } from "@/server/auth/sessions";
import { db } from "@/server/db";
import type { CrossOriginRefusal } from "./action-origin";

/** Whose browser was used, when its session cookie is live: a forged post rides on a real sign-in. */
async function victimUserId(request: NextRequest): Promise<string | null> {
  const token = await getToken({ req: request, secret: env().NEXTAUTH_SECRET });
  return typeof token?.sid === "string" ? findSessionUserId(token.sid) : null;
}

/**
 * Audits a refused cross-origin post ("csrf.refused"). Never throws: the refusal stands even when
 * the database cannot be reached, and the failure is logged instead.
 */
export async function recordCrossOriginRefusal(request: NextRequest, refusal: CrossOriginRefusal): Promise<void> {
  try {
    const actorId = await victimUserId(request).catch(() => null);
    await db().auditEvent.create({
      data: {
        actorId,
        action: "csrf.refused",
        entityType: "action",
        entityId: (refusal.actionId ?? request.nextUrl.pathname).slice(0, 64),
        after: { origin: refusal.origin, host: refusal.host, path: request.nextUrl.pathname.slice(0, 200) },
      },
    });
  } catch (error) {
    console.error("[csrf] could not audit a refused cross-origin post", error);
  }
}
