import { can, type Actor } from "@/server/auth/actor";
import { db } from "@/server/db";
import { notFound } from "@/server/errors";
import { awaitingAccessWhere } from "@/modules/sso/find-awaiting-access";

function managedOrganisationIds(actor: Actor): string[] {
  return actor.organisations.filter((o) => can(actor, "user.manage", o.id)).map((o) => o.id);
}

const membershipSelect = {
  id: true,
  role: true,
  clinicalCapacity: true,
  financeCapacity: true,
  systemWide: true,
  organisation: { select: { id: true, name: true, code: true } },
} as const;

/** Users holding a role at an organisation the actor administers. */
export async function findUsers(actor: Actor) {
  const orgIds = managedOrganisationIds(actor);
  return db().user.findMany({
    where: { memberships: { some: { organisationId: { in: orgIds } } } },
    orderBy: { name: "asc" },
    select: {
      id: true,
      name: true,
      email: true,
      jobTitle: true,
      active: true,
      memberships: {
        where: { organisationId: { in: orgIds } },
        select: membershipSelect,
        orderBy: { createdAt: "asc" },
      },
    },
  });
}

export async function getUser(actor: Actor, userId: string) {
  const orgIds = managedOrganisationIds(actor);
  const user = await db().user.findFirst({
    // Or someone awaiting access (signed in by SSO, no role anywhere), whom any administrator may grant.
    where: {
      id: userId,
      OR: [
        { memberships: { some: { organisationId: { in: orgIds } } } },
        ...(orgIds.length ? [awaitingAccessWhere] : []),
      ],
    },
    select: {
      id: true,
      name: true,
      email: true,
      jobTitle: true,
      active: true,
      memberships: {
        where: { organisationId: { in: orgIds } },
        select: membershipSelect,
        orderBy: { createdAt: "asc" },
      },
    },
  });
  if (!user) throw notFound("The user");
  return user;
}
