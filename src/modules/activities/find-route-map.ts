import { Prisma } from "@/generated/prisma/client";
import type { ActivityStatus } from "@/generated/prisma/enums";
import { isOverdue, quarterIndex, quarterOf } from "@/lib/financial-year";
import { visibleOrganisationIds, type Actor } from "@/server/auth/actor";
import { db } from "@/server/db";
import { visibleSystemIds } from "@/modules/programmes/programme-access";
import { timescaleFromColumns } from "./activity-timescale";
import { activityInclude, type ActivityRow } from "./find-activities";

/** Rows a route map page shows: about a screenful; the rest are on further pages. */
export const ROUTE_MAP_PAGE_SIZE = 25;

export interface RouteMapSelection {
  /** One organisation's programmes and its system's shared ones; null: every organisation the actor sees. */
  organisation: { id: string; systemId: string } | null;
  programmeId?: string;
  leadId?: string;
  status?: ActivityStatus;
  /** Sole: one lead; joint: two or more. */
  leads?: "sole" | "joint";
  /** Only the actor's own activities (leads linked to them). */
  mine?: boolean;
  /** Financial years shown: an activity is in them when any of its quarters is. */
  years: { from: number; to: number };
  /** Due (last quarter) within these quarter indexes; ongoing activities are never due. */
  due?: { from: number; to: number };
  /** Ongoing activities have no quarter, so they fall in every range: listed unless left out. */
  includeOngoing: boolean;
  page: number;
}

export interface RouteMapPage {
  rows: ActivityRow[];
  /** Every activity matching the selection, over all pages. */
  total: number;
  overdue: number;
  ongoing: number;
  page: number;
  pages: number;
}

/**
 * The route map's page (issue 19 item 2): what matches the selection is counted in SQL (total,
 * overdue, ongoing, always over every page), and only one page of activities is loaded, so the
 * cost follows what the page shows. Overdue as `isOverdue`: not done and its last quarter ended.
 */
export async function findRouteMapPage(actor: Actor, selection: RouteMapSelection, asOf: Date): Promise<RouteMapPage> {
  const where = routeMapWhere(actor, selection);
  const thisQuarter = quarterIndex(quarterOf(asOf));
  const [counts] = await db().$queryRaw<{ total: number; overdue: number; ongoing: number }[]>`
    SELECT count(*)::int AS total,
           count(*) FILTER (WHERE a.status <> 'DONE' AND a.end_quarter < ${thisQuarter})::int AS overdue,
           count(*) FILTER (WHERE a.start_quarter IS NULL)::int AS ongoing
      FROM activity a JOIN programme p ON p.id = a.programme_id
     WHERE ${where}`;
  const total = counts?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / ROUTE_MAP_PAGE_SIZE));
  const page = selection.page;
  const ids =
    total === 0 || page > pages
      ? []
      : (
          await db().$queryRaw<{ id: string }[]>`
            SELECT a.id FROM activity a JOIN programme p ON p.id = a.programme_id
             WHERE ${where}
             ORDER BY p.theme, p.position, p.name, a.sequence, a.id
             LIMIT ${ROUTE_MAP_PAGE_SIZE} OFFSET ${(page - 1) * ROUTE_MAP_PAGE_SIZE}`
        ).map((r) => r.id);
  const loaded = ids.length
    ? await db().activity.findMany({ where: { id: { in: ids } }, include: activityInclude })
    : [];
  const byId = new Map(loaded.map((row) => [row.id, row]));
  const rows = ids.flatMap((id) => {
    const row = byId.get(id);
    return row
      ? [{ ...row, overdue: isOverdue(timescaleFromColumns(row.startQuarter, row.endQuarter), row.status, asOf) }]
      : [];
  });
  return { rows, total, overdue: counts?.overdue ?? 0, ongoing: counts?.ongoing ?? 0, page, pages };
}

/**
 * Where the selection's dated activities lie, whatever years are shown: the financial years from
 * the earliest start to the latest end, and how many there are (null when none has a quarter).
 * For "my activities" (shown over their own years) and to point an empty route map at its data.
 */
export async function findRouteMapSpan(
  actor: Actor,
  selection: Omit<RouteMapSelection, "years" | "page" | "includeOngoing">,
): Promise<{ from: number; to: number; count: number } | null> {
  const where = routeMapWhere(actor, { ...selection, includeOngoing: false });
  const [span] = await db().$queryRaw<{ first: number | null; last: number | null; count: number }[]>`
    SELECT min(a.start_quarter) AS first, max(a.end_quarter) AS last, count(a.start_quarter)::int AS count
      FROM activity a JOIN programme p ON p.id = a.programme_id
     WHERE ${where}`;
  if (!span || span.first === null || span.last === null) return null;
  return { from: Math.floor(span.first / 4), to: Math.floor(span.last / 4), count: span.count };
}

function routeMapWhere(
  actor: Actor,
  s: Omit<RouteMapSelection, "years" | "page"> & { years?: RouteMapSelection["years"] },
): Prisma.Sql {
  const organisationIds = visibleOrganisationIds(actor);
  const systemIds = visibleSystemIds(actor);
  const parts: Prisma.Sql[] = [
    // The actor's scope, as programmeScope: their organisations' programmes and their systems' shared ones.
    Prisma.sql`(p.organisation_id = ANY(${organisationIds}::uuid[])
                OR (p.organisation_id IS NULL AND p.system_id = ANY(${systemIds}::uuid[])))`,
  ];
  if (s.years) {
    const first = s.years.from * 4;
    const last = s.years.to * 4 + 3;
    parts.push(
      s.includeOngoing
        ? Prisma.sql`(a.start_quarter IS NULL OR (a.start_quarter <= ${last} AND a.end_quarter >= ${first}))`
        : Prisma.sql`(a.start_quarter <= ${last} AND a.end_quarter >= ${first})`,
    );
  } else if (!s.includeOngoing) parts.push(Prisma.sql`a.start_quarter IS NOT NULL`);
  if (s.organisation)
    parts.push(Prisma.sql`(p.organisation_id = ${s.organisation.id}::uuid
                           OR (p.organisation_id IS NULL AND p.system_id = ${s.organisation.systemId}::uuid))`);
  if (s.programmeId) parts.push(Prisma.sql`a.programme_id = ${s.programmeId}::uuid`);
  if (s.status) parts.push(Prisma.sql`a.status = ${s.status}::activity_status`);
  if (s.due) parts.push(Prisma.sql`a.end_quarter BETWEEN ${s.due.from} AND ${s.due.to}`);
  if (s.leadId)
    parts.push(
      Prisma.sql`EXISTS (SELECT 1 FROM activity_lead al WHERE al.activity_id = a.id AND al.lead_id = ${s.leadId}::uuid)`,
    );
  if (s.mine)
    parts.push(Prisma.sql`EXISTS (SELECT 1 FROM activity_lead al JOIN lead l ON l.id = al.lead_id
                                   WHERE al.activity_id = a.id AND l.user_id = ${actor.userId}::uuid)`);
  if (s.leads)
    parts.push(
      s.leads === "sole"
        ? Prisma.sql`(SELECT count(*) FROM activity_lead al WHERE al.activity_id = a.id) = 1`
        : Prisma.sql`(SELECT count(*) FROM activity_lead al WHERE al.activity_id = a.id) > 1`,
    );
  return Prisma.join(parts, " AND ");
}
