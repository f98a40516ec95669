import type { Actor } from "@/server/auth/actor";

/** A system administrator: an administrator at the system's ICB, who manages that system's organisations only. */
export function administersSystem(actor: Actor, systemId: string): boolean {
  return actor.organisations.some((o) => o.type === "ICB" && o.systemId === systemId && o.roles.includes("ADMIN"));
}
