import type { Actor } from "@/server/auth/actor";
import { db } from "@/server/db";
import { notFound } from "@/server/errors";
import { schemeScope } from "./scheme-access";

export async function getScheme(actor: Actor, schemeId: string) {
  const scheme = await db().scheme.findFirst({
    where: { id: schemeId, ...schemeScope(actor) },
    include: {
      organisation: { select: { id: true, name: true, code: true, systemId: true } },
      division: { select: { id: true, name: true } },
      workstream: { select: { id: true, name: true, programme: { select: { id: true, name: true } } } },
      lead: { select: { id: true, name: true } },
      months: { orderBy: [{ financialYear: "asc" }, { month: "asc" }] },
      updates: { orderBy: { submittedAt: "desc" }, include: { submittedBy: { select: { name: true } } } },
    },
  });
  if (!scheme) throw notFound("The scheme");
  return scheme;
}

/** Choices for the scheme form at one organisation: divisions, workstreams of its programmes, possible leads. */
export async function findSchemeFormOptions(organisationId: string) {
  const organisation = await db().organisation.findUniqueOrThrow({
    where: { id: organisationId },
    select: { systemId: true },
  });
  const [divisions, workstreams, leads] = await Promise.all([
    db().division.findMany({ where: { organisationId }, orderBy: { name: "asc" }, select: { id: true, name: true } }),
    db().workstream.findMany({
      where: { programme: { systemId: organisation.systemId, OR: [{ organisationId }, { organisationId: null }] } },
      orderBy: [{ programme: { name: "asc" } }, { name: "asc" }],
      select: { id: true, name: true, programme: { select: { name: true } } },
    }),
    db().user.findMany({
      where: { active: true, memberships: { some: { organisationId, role: { in: ["LEAD", "FINANCE"] } } } },
      orderBy: { name: "asc" },
      select: { id: true, name: true },
    }),
  ]);
  return {
    divisions: divisions.map((d) => ({ value: d.id, label: d.name })),
    workstreams: workstreams.map((w) => ({ value: w.id, label: `${w.programme.name} › ${w.name}` })),
    leads: leads.map((l) => ({ value: l.id, label: l.name })),
  };
}
