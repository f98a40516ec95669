import type { ActivityStatus } from "@/generated/prisma/enums";
import type { Actor } from "@/server/auth/actor";
import { db } from "@/server/db";
import { notFound } from "@/server/errors";
import { programmeScope } from "./programme-access";

export interface ProgrammeSummary {
  id: string;
  theme: string;
  name: string;
  objective: string;
  ownerName: string;
  targetPence: number | null;
  statusCounts: Partial<Record<ActivityStatus, number>>;
  activityCount: number;
}

/** Programmes the actor can see, with the target for one financial year and activity counts by status. */
export async function findProgrammes(actor: Actor, financialYear: number): Promise<ProgrammeSummary[]> {
  const programmes = await db().programme.findMany({
    where: programmeScope(actor),
    orderBy: [{ theme: "asc" }, { position: "asc" }, { name: "asc" }],
    select: {
      id: true,
      theme: true,
      name: true,
      objective: true,
      organisation: { select: { name: true } },
      system: { select: { name: true } },
      targets: { where: { financialYear }, select: { targetPence: true } },
    },
  });
  // Counts by status in the database, not by loading every activity.
  const counts = await db().activity.groupBy({
    by: ["programmeId", "status"],
    where: { programmeId: { in: programmes.map((p) => p.id) } },
    _count: { _all: true },
  });
  return programmes.map((p) => {
    const statusCounts: Partial<Record<ActivityStatus, number>> = {};
    let activityCount = 0;
    for (const c of counts.filter((c) => c.programmeId === p.id)) {
      statusCounts[c.status] = c._count._all;
      activityCount += c._count._all;
    }
    const target = p.targets[0]?.targetPence;
    return {
      id: p.id,
      theme: p.theme,
      name: p.name,
      objective: p.objective,
      ownerName: p.organisation?.name ?? `${p.system.name} system`,
      targetPence: target === undefined ? null : Number(target),
      statusCounts,
      activityCount,
    };
  });
}

const leadSelect = { lead: { select: { id: true, title: true, description: true, userId: true } } } as const;

export async function getProgramme(actor: Actor, programmeId: string) {
  const programme = await db().programme.findFirst({
    where: { id: programmeId, ...programmeScope(actor) },
    include: {
      organisation: { select: { id: true, name: true } },
      system: { select: { id: true, name: true } },
      targets: { orderBy: { financialYear: "asc" } },
      workstreams: { orderBy: [{ number: "asc" }, { name: "asc" }] },
      activities: {
        orderBy: { sequence: "asc" },
        include: { leads: { include: leadSelect }, workstream: { select: { name: true } } },
      },
      kpis: {
        orderBy: { name: "asc" },
        include: { ownerLead: { select: { title: true } }, workstream: { select: { name: true } } },
      },
      dependencies: {
        orderBy: { createdAt: "asc" },
        include: {
          workstream: { select: { name: true } },
          dependsOnWorkstream: { select: { id: true, name: true } },
          dependsOnProgramme: { select: { id: true, name: true } },
        },
      },
    },
  });
  if (!programme) throw notFound("The programme");
  return programme;
}

export async function getWorkstream(actor: Actor, workstreamId: string) {
  const workstream = await db().workstream.findFirst({
    where: { id: workstreamId, programme: programmeScope(actor) },
    include: {
      programme: {
        select: {
          id: true,
          name: true,
          organisationId: true,
          systemId: true,
          system: { select: { name: true } },
          organisation: { select: { name: true } },
        },
      },
      activities: { orderBy: { sequence: "asc" }, include: { leads: { include: leadSelect } } },
      kpis: { orderBy: { name: "asc" }, include: { ownerLead: { select: { title: true } } } },
      dependencies: { include: { dependsOnWorkstream: { select: { id: true, name: true } } } },
    },
  });
  if (!workstream) throw notFound("The workstream");
  return workstream;
}

/** Leads of the programme's system, for the activity form's lead picker. */
export async function findLeads(systemId: string) {
  return db().lead.findMany({
    where: { systemId },
    orderBy: { title: "asc" },
    select: { id: true, title: true, description: true },
  });
}
