import type { Actor } from "@/server/auth/actor";
import { db } from "@/server/db";

/** Leads of the systems the actor works in, with the person each is linked to and activity counts. */
export async function findLeadsForActor(actor: Actor) {
  const systemIds = [...new Set(actor.organisations.map((o) => o.systemId))];
  return db().lead.findMany({
    where: { systemId: { in: systemIds } },
    orderBy: [{ system: { name: "asc" } }, { title: "asc" }],
    select: {
      id: true,
      title: true,
      description: true,
      systemId: true,
      system: { select: { name: true } },
      user: { select: { id: true, name: true } },
      _count: { select: { activities: true } },
    },
  });
}

/** People who may be linked to a system's leads: active users with a role in that system. */
export async function findPeopleInSystem(systemId: string) {
  return db().user.findMany({
    where: { active: true, memberships: { some: { organisation: { systemId } } } },
    orderBy: { name: "asc" },
    select: { id: true, name: true, jobTitle: true },
  });
}
