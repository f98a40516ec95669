import { visibleOrganisationIds, type Actor } from "@/server/auth/actor";
import { db } from "@/server/db";
import { notFound } from "@/server/errors";

/** Organisations the actor can see, grouped by nothing: the page groups by system. */
export async function findOrganisations(actor: Actor) {
  return db().organisation.findMany({
    where: { id: { in: visibleOrganisationIds(actor) } },
    orderBy: [{ system: { name: "asc" } }, { type: "asc" }, { name: "asc" }],
    select: {
      id: true,
      code: true,
      odsCode: true,
      name: true,
      type: true,
      kind: true,
      system: { select: { id: true, name: true } },
      _count: { select: { divisions: true, memberships: true } },
    },
  });
}

/** Systems where the actor administers the ICB (a platform administrator: every system), so may add organisations. */
export async function findManagedSystems(actor: Actor) {
  const ids = [
    ...new Set(actor.organisations.filter((o) => o.type === "ICB" && o.roles.includes("ADMIN")).map((o) => o.systemId)),
  ];
  return db().healthSystem.findMany({
    where: actor.platformAdmin ? {} : { id: { in: ids } },
    orderBy: { name: "asc" },
    select: { id: true, name: true },
  });
}

export async function getOrganisation(actor: Actor, organisationId: string) {
  const organisation = await db().organisation.findFirst({
    where: { id: organisationId, AND: { id: { in: visibleOrganisationIds(actor) } } },
    select: {
      id: true,
      code: true,
      odsCode: true,
      name: true,
      type: true,
      kind: true,
      systemId: true,
      holdsDelegatedQipp: true,
      system: { select: { name: true } },
      divisions: { orderBy: { name: "asc" }, select: { id: true, name: true } },
    },
  });
  if (!organisation) throw notFound("The organisation");
  return organisation;
}
