import type { OrganisationType } from "@/generated/prisma/enums";
import { can, type Actor } from "@/server/auth/actor";
import { db, type Db, type Tx } from "@/server/db";

/**
 * The reference data an import is read against, per organisation: its divisions, the
 * workstreams of its programmes (and its system's), and the people who may lead its schemes.
 * The template's drop-down lists are the same data, so what the template offers is exactly
 * what the import accepts.
 */

export interface OrganisationReference {
  id: string;
  code: string;
  name: string;
  type: OrganisationType;
  /** A trust whose ICB delegates QIPP-style schemes to it (issue 11): it may import QIPP schemes too. */
  holdsDelegatedQipp: boolean;
  /** Division name (lower-case) -> id. */
  divisions: Map<string, string>;
  divisionNames: string[];
  /** "Programme › Workstream" (lower-case), and the workstream name alone when unambiguous -> id. */
  workstreams: Map<string, string>;
  workstreamLabels: string[];
  /** Email (lower-case) or lead role title (lower-case) -> user id. */
  leads: Map<string, string>;
  leadLabels: string[];
}

export const WORKSTREAM_SEPARATOR = " › ";

export async function loadOrganisationReference(
  organisationId: string,
  client: Db | Tx = db(),
): Promise<OrganisationReference> {
  const organisation = await client.organisation.findUniqueOrThrow({
    where: { id: organisationId },
    select: { id: true, code: true, name: true, type: true, holdsDelegatedQipp: true, systemId: true },
  });
  const [divisions, workstreams, users, leadTitles] = await Promise.all([
    client.division.findMany({ where: { organisationId }, orderBy: { name: "asc" }, select: { id: true, name: true } }),
    client.workstream.findMany({
      where: {
        programme: { systemId: organisation.systemId, OR: [{ organisationId }, { organisationId: null }] },
      },
      orderBy: [{ programme: { name: "asc" } }, { name: "asc" }],
      select: { id: true, name: true, programme: { select: { name: true } } },
    }),
    client.user.findMany({
      where: { active: true, memberships: { some: { organisationId, role: { in: ["LEAD", "FINANCE"] } } } },
      orderBy: { email: "asc" },
      select: { id: true, email: true },
    }),
    client.lead.findMany({
      where: {
        systemId: organisation.systemId,
        user: { active: true, memberships: { some: { organisationId, role: { in: ["LEAD", "FINANCE"] } } } },
      },
      orderBy: { title: "asc" },
      select: { title: true, userId: true },
    }),
  ]);
  const workstreamMap = new Map<string, string>();
  const nameCounts = new Map<string, number>();
  for (const w of workstreams) nameCounts.set(w.name.toLowerCase(), (nameCounts.get(w.name.toLowerCase()) ?? 0) + 1);
  for (const w of workstreams) {
    workstreamMap.set(`${w.programme.name}${WORKSTREAM_SEPARATOR}${w.name}`.toLowerCase(), w.id);
    if (nameCounts.get(w.name.toLowerCase()) === 1) workstreamMap.set(w.name.toLowerCase(), w.id);
  }
  const leads = new Map<string, string>();
  for (const u of users) leads.set(u.email.toLowerCase(), u.id);
  for (const l of leadTitles)
    if (l.userId && !leads.has(l.title.toLowerCase())) leads.set(l.title.toLowerCase(), l.userId);
  return {
    id: organisation.id,
    code: organisation.code,
    name: organisation.name,
    type: organisation.type,
    holdsDelegatedQipp: organisation.holdsDelegatedQipp,
    divisions: new Map(divisions.map((d) => [d.name.toLowerCase(), d.id])),
    divisionNames: divisions.map((d) => d.name),
    workstreams: workstreamMap,
    workstreamLabels: workstreams.map((w) => `${w.programme.name}${WORKSTREAM_SEPARATOR}${w.name}`),
    leads,
    leadLabels: [...users.map((u) => u.email), ...leadTitles.map((l) => l.title)],
  };
}

/** Organisations where the actor may import: those where they hold finance (edit any scheme). */
export function importOrganisations(actor: Actor) {
  return actor.organisations.filter((o) => can(actor, "scheme.edit.any", o.id));
}
