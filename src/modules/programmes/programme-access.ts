import type { Prisma } from "@/generated/prisma/client";
import { can, visibleOrganisationIds, type Actor } from "@/server/auth/actor";
import { rolesHaveCapability, type Capability } from "@/server/auth/permissions";

/** Systems the actor works in: a system-owned programme is visible to all of them. */
export function visibleSystemIds(actor: Actor): string[] {
  return [...new Set(actor.organisations.map((o) => o.systemId))];
}

/** Programmes the actor may read: their organisations' own, and their systems' shared ones. */
export function programmeScope(actor: Actor): Prisma.ProgrammeWhereInput {
  return {
    OR: [
      { organisationId: { in: visibleOrganisationIds(actor) } },
      { organisationId: null, systemId: { in: visibleSystemIds(actor) } },
    ],
  };
}

type ProgrammeOwner = { organisationId: string | null; systemId: string };

/**
 * Finance/PMO and administrators manage programmes: an organisation's at that organisation,
 * a system's shared programme at the system's ICB.
 */
export function canManageProgramme(actor: Actor, programme: ProgrammeOwner): boolean {
  if (programme.organisationId) return can(actor, "programme.manage", programme.organisationId);
  return actor.organisations.some(
    (o) => o.type === "ICB" && o.systemId === programme.systemId && rolesHaveCapability(o.roles, "programme.manage"),
  );
}

/**
 * For "own" capabilities (a lead updating their activity or KPI): held at the programme's
 * organisation, or for a system programme at any organisation of that system.
 */
export function holdsForProgramme(actor: Actor, capability: Capability, programme: ProgrammeOwner): boolean {
  if (programme.organisationId) return can(actor, capability, programme.organisationId);
  return actor.organisations.some((o) => o.systemId === programme.systemId && rolesHaveCapability(o.roles, capability));
}

/** Where the actor may create programmes: organisations, and systems via their ICB. */
export function programmeOwnersFor(
  actor: Actor,
): { value: string; label: string; systemId: string; organisationId: string | null }[] {
  const owners: { value: string; label: string; systemId: string; organisationId: string | null }[] = [];
  for (const o of actor.organisations) {
    if (!rolesHaveCapability(o.roles, "programme.manage")) continue;
    owners.push({ value: o.id, label: o.name, systemId: o.systemId, organisationId: o.id });
    if (o.type === "ICB")
      owners.push({
        value: `system:${o.systemId}`,
        label: `Whole system (${o.name})`,
        systemId: o.systemId,
        organisationId: null,
      });
  }
  return owners;
}

/** True when one of the leads is linked to the actor's user account. */
export function isLeadOf(actor: Actor, leads: { lead: { userId: string | null } }[]): boolean {
  return leads.some((l) => l.lead.userId === actor.userId);
}
