import type { Actor } from "@/server/auth/actor";

/**
 * A system administrator: an administrator at the system's ICB, who manages that system's
 * organisations only; or a platform administrator, who manages every system.
 */
export function administersSystem(actor: Actor, systemId: string): boolean {
  if (actor.platformAdmin) return true;
  return actor.organisations.some((o) => o.type === "ICB" && o.systemId === systemId && o.roles.includes("ADMIN"));
}

/** Only a platform administrator creates a system (an ICS with its ICB). */
export function createsSystems(actor: Actor): boolean {
  return actor.platformAdmin === true;
}
