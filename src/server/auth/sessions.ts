import { randomBytes } from "node:crypto";
import { env } from "@/env";
import { db } from "@/server/db";

/** Creates the server-side session behind a sign-in; its id goes into the JWT. */
export async function createSession(userId: string, now = new Date()): Promise<{ id: string; expiresAt: Date }> {
  const id = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + env().SESSION_MAX_AGE_MINUTES * 60_000);
  await db().session.create({ data: { id, userId, expiresAt, createdAt: now } });
  return { id, expiresAt };
}

/** The user of a live session, or null when it has ended, expired or was revoked. */
export async function findSessionUserId(sessionId: string, now = new Date()): Promise<string | null> {
  const session = await db().session.findFirst({
    where: { id: sessionId, expiresAt: { gt: now } },
    select: { userId: true },
  });
  return session?.userId ?? null;
}

export async function endSession(sessionId: string): Promise<void> {
  await db().session.deleteMany({ where: { id: sessionId } });
}
