import type { ClinicalCapacity, FinanceCapacity, OrganisationType, Role } from "@/generated/prisma/enums";
import { forbidden } from "@/server/errors";
import { rolesHaveCapability, type Capability } from "./permissions";

/** An organisation the actor can see, with the roles the actor holds there. */
export interface ActorOrganisation {
  id: string;
  code: string;
  name: string;
  type: OrganisationType;
  systemId: string;
  roles: Role[];
  clinicalCapacities: ClinicalCapacity[];
  /** For FINANCE: director and/or PMO (a gateway's approver depends on the scheme's value). */
  financeCapacities: FinanceCapacity[];
}

/**
 * Who is acting. Server code learns it only from `requireActor()` (session) or, in tests
 * and scripts, from `loadActor(userId)`; never from the client.
 */
export interface Actor {
  userId: string;
  email: string;
  name: string;
  /** Above system administrators: creates systems and holds ADMIN at every organisation (issue 11). */
  platformAdmin?: boolean;
  /** Holds a system-wide role (at an ICB): the system recovery programme office, who start on the system view. */
  systemWide?: boolean;
  organisations: ActorOrganisation[];
  /** An administrator required a new password: until it is set, only the new-password page works. */
  mustChangePassword?: boolean;
  /** The session row behind this request (absent for actors loaded by scripts and tests). */
  sessionId?: string;
}

export function organisationOf(actor: Actor, organisationId: string): ActorOrganisation | undefined {
  return actor.organisations.find((o) => o.id === organisationId);
}

export function rolesAt(actor: Actor, organisationId: string): Role[] {
  return organisationOf(actor, organisationId)?.roles ?? [];
}

export function can(actor: Actor, capability: Capability, organisationId: string): boolean {
  return rolesHaveCapability(rolesAt(actor, organisationId), capability);
}

/** True when the actor holds the capability at any organisation (for navigation). */
export function canAnywhere(actor: Actor, capability: Capability): boolean {
  return actor.organisations.some((o) => rolesHaveCapability(o.roles, capability));
}

export function assertCan(actor: Actor, capability: Capability, organisationId: string, message?: string): void {
  if (!can(actor, capability, organisationId)) throw forbidden(message);
}

/** Organisation ids the actor may read: for `where: { organisationId: { in: ... } }`. */
export function visibleOrganisationIds(actor: Actor): string[] {
  return actor.organisations.map((o) => o.id);
}
