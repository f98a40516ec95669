import type { Prisma } from "@/generated/prisma/client";
import { can, visibleOrganisationIds, type Actor } from "@/server/auth/actor";

/** Schemes the actor may read: those of the organisations they can see. */
export function schemeScope(actor: Actor): Prisma.SchemeWhereInput {
  return { organisationId: { in: visibleOrganisationIds(actor) } };
}

/** Finance/PMO edit any scheme of their organisation; a lead only the schemes they lead. */
export function canEditScheme(actor: Actor, scheme: { organisationId: string; leadId: string }): boolean {
  return (
    can(actor, "scheme.edit.any", scheme.organisationId) ||
    (can(actor, "scheme.edit.own", scheme.organisationId) && scheme.leadId === actor.userId)
  );
}

/** Organisations where the actor may create schemes. */
export function schemeCreationOrganisations(actor: Actor) {
  return actor.organisations.filter((o) => can(actor, "scheme.create", o.id));
}
