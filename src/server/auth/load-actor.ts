import type { ClinicalCapacity, FinanceCapacity, Role } from "@/generated/prisma/enums";
import { db } from "@/server/db";
import type { Actor, ActorOrganisation } from "./actor";

/**
 * Builds the actor from the database: the user's memberships, where a system-wide
 * membership (held at an ICB) extends its role to every organisation of that system, and a
 * platform administrator holds ADMIN at every organisation.
 * Returns null for an unknown or deactivated user.
 */
export async function loadActor(userId: string): Promise<Actor | null> {
  const user = await db().user.findFirst({
    where: { id: userId, active: true },
    select: {
      id: true,
      email: true,
      name: true,
      platformAdmin: true,
      mustChangePassword: true,
      memberships: {
        select: {
          role: true,
          clinicalCapacity: true,
          financeCapacity: true,
          systemWide: true,
          organisation: { select: { id: true, code: true, name: true, type: true, systemId: true } },
        },
      },
    },
  });
  if (!user) return null;

  const systemIds = [...new Set(user.memberships.filter((m) => m.systemWide).map((m) => m.organisation.systemId))];
  const systemOrganisations = systemIds.length
    ? await db().organisation.findMany({
        where: { systemId: { in: systemIds } },
        select: { id: true, code: true, name: true, type: true, systemId: true },
      })
    : [];

  const byId = new Map<string, ActorOrganisation>();
  const entry = (org: Omit<ActorOrganisation, "roles" | "clinicalCapacities" | "financeCapacities">) => {
    let found = byId.get(org.id);
    if (!found) {
      found = { ...org, roles: [], clinicalCapacities: [], financeCapacities: [] };
      byId.set(org.id, found);
    }
    return found;
  };
  type Grant = { role: Role; clinicalCapacity: ClinicalCapacity | null; financeCapacity: FinanceCapacity | null };
  const grant = (target: ActorOrganisation, m: Grant) => {
    if (!target.roles.includes(m.role)) target.roles.push(m.role);
    if (m.clinicalCapacity && !target.clinicalCapacities.includes(m.clinicalCapacity))
      target.clinicalCapacities.push(m.clinicalCapacity);
    // A finance membership without a capacity is the finance director's (DESIGN.md section 3).
    const finance = m.role === "FINANCE" ? (m.financeCapacity ?? "DIRECTOR") : null;
    if (finance && !target.financeCapacities.includes(finance)) target.financeCapacities.push(finance);
  };
  for (const m of user.memberships) grant(entry(m.organisation), m);
  if (user.platformAdmin) {
    // A platform administrator administers every organisation of every system, as a system-wide
    // administrator does within one system.
    const everyOrganisation = await db().organisation.findMany({
      select: { id: true, code: true, name: true, type: true, systemId: true },
    });
    for (const org of everyOrganisation)
      grant(entry(org), { role: "ADMIN", clinicalCapacity: null, financeCapacity: null });
  }
  for (const m of user.memberships.filter((x) => x.systemWide)) {
    for (const org of systemOrganisations.filter((o) => o.systemId === m.organisation.systemId)) grant(entry(org), m);
  }
  const organisations = [...byId.values()].sort(
    (a, b) => Number(b.type === "ICB") - Number(a.type === "ICB") || a.name.localeCompare(b.name),
  );
  return {
    userId: user.id,
    email: user.email,
    name: user.name,
    platformAdmin: user.platformAdmin,
    systemWide: systemIds.length > 0,
    organisations,
    mustChangePassword: user.mustChangePassword,
  };
}
