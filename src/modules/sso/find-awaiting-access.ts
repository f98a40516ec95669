import type { Prisma } from "@/generated/prisma/client";
import { canAnywhere, type Actor } from "@/server/auth/actor";
import { db } from "@/server/db";

/** A person who signed in by SSO and holds no role anywhere: any administrator may grant them one. */
export const awaitingAccessWhere = {
  active: true,
  memberships: { none: {} },
  ssoIdentities: { some: {} },
} satisfies Prisma.UserWhereInput;

/** People awaiting access, oldest first (administrators only; others get an empty list). */
export async function findAwaitingAccess(actor: Actor) {
  if (!canAnywhere(actor, "user.manage")) return [];
  return db().user.findMany({
    where: awaitingAccessWhere,
    orderBy: { createdAt: "asc" },
    select: { id: true, name: true, email: true, createdAt: true },
  });
}
