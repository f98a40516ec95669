import type { OrganisationType } from "@/generated/prisma/enums";
import { can, type Actor } from "@/server/auth/actor";
import { db } from "@/server/db";
import { forbidden } from "@/server/errors";

/** A system-wide role belongs to the ICB's recovery programme office (DESIGN.md section 1). */
export function systemWideError(systemWide: boolean, organisationType: OrganisationType): string | null {
  return systemWide && organisationType !== "ICB" ? "Only a role held at an ICB can cover the whole system" : null;
}

/** A system-wide role reaches every organisation of the system: only who manages users at all of them may grant it. */
export async function assertCanGrantSystemWide(actor: Actor, organisationId: string): Promise<void> {
  const organisation = await db().organisation.findUniqueOrThrow({
    where: { id: organisationId },
    select: { systemId: true },
  });
  const members = await db().organisation.findMany({
    where: { systemId: organisation.systemId },
    select: { id: true },
  });
  if (!members.every((o) => can(actor, "user.manage", o.id))) {
    throw forbidden("Only a system-wide administrator can grant a role that covers the whole system.");
  }
}
