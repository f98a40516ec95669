import type { Actor } from "@/server/auth/actor";
import { db } from "@/server/db";

export interface ApiTokenListItem {
  id: string;
  name: string;
  prefix: string;
  createdAt: Date;
  expiresAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

/** The actor's own tokens, newest first (the hash is never read). */
export async function findApiTokens(actor: Actor): Promise<ApiTokenListItem[]> {
  return db().apiToken.findMany({
    where: { userId: actor.userId },
    orderBy: { createdAt: "desc" },
    select: { id: true, name: true, prefix: true, createdAt: true, expiresAt: true, lastUsedAt: true, revokedAt: true },
  });
}
