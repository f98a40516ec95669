import { db } from "@/server/db";

/**
 * People who may see a scheme, so may be mentioned on it: active users with a role at its
 * organisation, or a system-wide role at its system's ICB (load-actor.ts gives them the same sight).
 */
export async function findMentionableUsers(scheme: { organisationId: string; systemId: string }) {
  return db().user.findMany({
    where: {
      active: true,
      memberships: {
        some: {
          OR: [
            { organisationId: scheme.organisationId },
            { systemWide: true, organisation: { systemId: scheme.systemId } },
          ],
        },
      },
    },
    orderBy: { name: "asc" },
    select: { id: true, name: true, email: true },
  });
}

/** A scheme's thread, oldest first (a conversation reads down). The caller has read the scheme in scope. */
export async function findComments(schemeId: string) {
  return db().schemeComment.findMany({
    where: { schemeId },
    orderBy: { createdAt: "asc" },
    take: 500,
    select: {
      id: true,
      body: true,
      createdAt: true,
      author: { select: { name: true } },
      mentions: { select: { user: { select: { id: true, name: true } } } },
    },
  });
}

/** Mentions not yet read by the person: their "Waiting for you" items. */
export async function findMyUnreadMentions(userId: string) {
  return db().notification.findMany({
    where: { userId, kind: "MENTION", readAt: null },
    orderBy: { createdAt: "asc" },
    take: 50,
    select: { id: true, title: true, detail: true, href: true, createdAt: true },
  });
}
