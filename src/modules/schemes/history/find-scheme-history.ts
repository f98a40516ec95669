import { db } from "@/server/db";
import { describeHistoryEvent, type HistoryLine } from "./history-rules";

export const HISTORY_PAGE_SIZE = 20;

export interface HistoryEntry extends HistoryLine {
  id: string;
  occurredAt: Date;
  actorName: string;
}

/**
 * A scheme's history from the audit log, newest first, one page at a time: events on the scheme
 * itself (edits, figures, updates, gateway decisions, attachments, comments) and on its milestones,
 * KPIs, QIAs and EIA. The caller has read the scheme in the actor's scope.
 */
export async function findSchemeHistory(schemeId: string, page: number) {
  const client = db();
  const [milestones, kpis, qias, eia] = await Promise.all([
    client.schemeMilestone.findMany({ where: { schemeId }, select: { id: true } }),
    client.kpi.findMany({ where: { schemeId }, select: { id: true } }),
    client.qualityAssessment.findMany({ where: { schemeId }, select: { id: true } }),
    client.equalityAssessment.findMany({ where: { schemeId }, select: { id: true } }),
  ]);
  const ids = (rows: { id: string }[]) => rows.map((r) => r.id);
  const where = {
    OR: [
      { entityType: "scheme", entityId: schemeId },
      { entityType: "scheme_milestone", entityId: { in: ids(milestones) } },
      { entityType: "kpi", entityId: { in: ids(kpis) } },
      { entityType: "quality_assessment", entityId: { in: ids(qias) } },
      { entityType: "equality_assessment", entityId: { in: ids(eia) } },
    ],
  };
  const total = await client.auditEvent.count({ where });
  const pages = Math.max(1, Math.ceil(total / HISTORY_PAGE_SIZE));
  const current = Math.min(Math.max(1, page), pages);
  const events = await client.auditEvent.findMany({
    where,
    orderBy: [{ occurredAt: "desc" }, { id: "desc" }],
    skip: (current - 1) * HISTORY_PAGE_SIZE,
    take: HISTORY_PAGE_SIZE,
    select: { id: true, occurredAt: true, action: true, before: true, after: true, actor: { select: { name: true } } },
  });
  const names = await lookUpNames(events.flatMap((e) => [e.before, e.after]));
  const entries: HistoryEntry[] = events.map((e) => ({
    id: e.id.toString(),
    occurredAt: e.occurredAt,
    actorName: e.actor?.name ?? "The system",
    ...describeHistoryEvent(e, names),
  }));
  return { entries, total, page: current, pages };
}

/** Names for the lead, division and workstream ids in these events' before/after. */
async function lookUpNames(values: unknown[]): Promise<Map<string, string>> {
  const collect = (key: string) => [
    ...new Set(
      values.flatMap((v) => {
        const id = v && typeof v === "object" ? (v as Record<string, unknown>)[key] : undefined;
        return typeof id === "string" ? [id] : [];
      }),
    ),
  ];
  const client = db();
  const [users, divisions, workstreams] = await Promise.all([
    client.user.findMany({ where: { id: { in: collect("leadId") } }, select: { id: true, name: true } }),
    client.division.findMany({ where: { id: { in: collect("divisionId") } }, select: { id: true, name: true } }),
    client.workstream.findMany({ where: { id: { in: collect("workstreamId") } }, select: { id: true, name: true } }),
  ]);
  return new Map([...users, ...divisions, ...workstreams].map((r) => [r.id, r.name]));
}
