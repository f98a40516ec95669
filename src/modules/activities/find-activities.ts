import type { ActivityStatus } from "@/generated/prisma/enums";
import type { Prisma } from "@/generated/prisma/client";
import { isOverdue } from "@/lib/financial-year";
import type { Actor } from "@/server/auth/actor";
import { db } from "@/server/db";
import { programmeScope } from "@/modules/programmes/programme-access";
import { timescaleFromColumns } from "./activity-timescale";

export interface RouteMapFilter {
  programmeId?: string;
  leadId?: string;
  status?: ActivityStatus;
  /** Only the actor's own activities (leads linked to them). */
  mine?: boolean;
}

export const activityInclude = {
  programme: { select: { id: true, name: true, theme: true, organisationId: true, systemId: true } },
  workstream: { select: { id: true, name: true, number: true } },
  leads: { include: { lead: { select: { id: true, title: true, userId: true } } } },
} satisfies Prisma.ActivityInclude;

export type ActivityRow = Prisma.ActivityGetPayload<{ include: typeof activityInclude }> & { overdue: boolean };

/** Activities the actor can see, filtered, with "overdue" worked out for `asOf`. */
export async function findActivities(actor: Actor, filter: RouteMapFilter, asOf: Date): Promise<ActivityRow[]> {
  const where: Prisma.ActivityWhereInput = {
    programme: programmeScope(actor),
    ...(filter.programmeId ? { programmeId: filter.programmeId } : {}),
    ...(filter.status ? { status: filter.status } : {}),
    ...(filter.leadId || filter.mine
      ? {
          leads: {
            some: {
              ...(filter.leadId ? { leadId: filter.leadId } : {}),
              ...(filter.mine ? { lead: { userId: actor.userId } } : {}),
            },
          },
        }
      : {}),
  };
  const rows = await db().activity.findMany({
    where,
    include: activityInclude,
    orderBy: [
      { programme: { theme: "asc" } },
      { programme: { position: "asc" } },
      { programme: { name: "asc" } },
      { sequence: "asc" },
    ],
  });
  return rows.map((row) => ({
    ...row,
    overdue: isOverdue(timescaleFromColumns(row.startQuarter, row.endQuarter), row.status, asOf),
  }));
}

/** Leads that have activities the actor can see, for the route map's filter. */
export async function findVisibleLeads(actor: Actor) {
  return db().lead.findMany({
    where: { activities: { some: { activity: { programme: programmeScope(actor) } } } },
    orderBy: { title: "asc" },
    select: { id: true, title: true },
  });
}
