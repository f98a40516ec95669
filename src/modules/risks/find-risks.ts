import type { Prisma } from "@/generated/prisma/client";
import type { Actor } from "@/server/auth/actor";
import { db } from "@/server/db";
import { notFound } from "@/server/errors";
import { startOfUtcDay } from "@/lib/dates";
import { registerName, riskScope } from "./risk-access";
import { RISK_PAGE_SIZE, riskOrderBy, riskWhere, type RiskQuery } from "./risk-filter";

const registerSelect = {
  id: true,
  title: true,
  category: true,
  status: true,
  currentLikelihood: true,
  currentConsequence: true,
  currentScore: true,
  targetScore: true,
  inherentLikelihood: true,
  inherentConsequence: true,
  reviewDate: true,
  owner: { select: { id: true, name: true } },
  programme: { select: { id: true, name: true, organisation: { select: { code: true } } } },
  workstream: { select: { id: true, name: true } },
  scheme: { select: { id: true, code: true, title: true, organisation: { select: { code: true } } } },
} as const;

/** One page of the register, with the total that matches the filter (counted by the database). */
export async function findRisks(actor: Actor, query: RiskQuery, now = new Date()) {
  const where = riskWhere(query, riskScope(actor), startOfUtcDay(now));
  const [total, rows] = await Promise.all([
    db().risk.count({ where }),
    db().risk.findMany({
      where,
      orderBy: riskOrderBy(query.sort),
      select: registerSelect,
      skip: (query.page - 1) * RISK_PAGE_SIZE,
      take: RISK_PAGE_SIZE,
    }),
  ]);
  return { total, rows, pages: Math.max(1, Math.ceil(total / RISK_PAGE_SIZE)) };
}

/** Every risk matching the filter, for the CSV export (capped: registers are hundreds, not millions). */
export async function findRisksForExport(actor: Actor, query: RiskQuery, now = new Date()) {
  return db().risk.findMany({
    where: riskWhere(query, riskScope(actor), startOfUtcDay(now)),
    orderBy: riskOrderBy(query.sort),
    take: 50_000,
    select: {
      ...registerSelect,
      cause: true,
      event: true,
      effect: true,
      targetLikelihood: true,
      targetConsequence: true,
      closureReason: true,
    },
  });
}

/** Counts per (likelihood, consequence) cell for the heatmap, under the same filters bar the cell. */
export async function riskHeatmapCounts(actor: Actor, query: RiskQuery, now = new Date()) {
  const where = riskWhere(query, riskScope(actor), startOfUtcDay(now), true);
  if (query.view === "target") {
    const rows = await db().risk.groupBy({
      by: ["targetLikelihood", "targetConsequence"],
      where,
      _count: { _all: true },
    });
    return rows.map((r) => ({
      likelihood: r.targetLikelihood,
      consequence: r.targetConsequence,
      count: r._count._all,
    }));
  }
  const rows = await db().risk.groupBy({
    by: ["currentLikelihood", "currentConsequence"],
    where,
    _count: { _all: true },
  });
  return rows.map((r) => ({
    likelihood: r.currentLikelihood,
    consequence: r.currentConsequence,
    count: r._count._all,
  }));
}

export async function getRisk(actor: Actor, riskId: string) {
  const risk = await db().risk.findFirst({
    where: { id: riskId, ...riskScope(actor) },
    include: {
      owner: { select: { id: true, name: true } },
      programme: { select: { id: true, name: true, organisationId: true, systemId: true } },
      workstream: { select: { id: true, name: true } },
      scheme: {
        select: {
          id: true,
          code: true,
          title: true,
          organisationId: true,
          organisation: { select: { systemId: true } },
        },
      },
      actions: {
        orderBy: [{ status: "asc" }, { dueDate: "asc" }],
        include: { owner: { select: { id: true, name: true } } },
      },
      scoreChanges: {
        orderBy: [{ changedAt: "asc" }, { id: "asc" }],
        include: { changedBy: { select: { name: true } } },
      },
    },
  });
  if (!risk) throw notFound("The risk");
  return risk;
}

/** The actor's open risks due for review and their open actions past due (for the home page). */
export async function findMyOverdueRiskWork(actor: Actor, now = new Date()) {
  const today = startOfUtcDay(now);
  const scope = riskScope(actor);
  const [reviews, actions] = await Promise.all([
    db().risk.findMany({
      where: { ownerId: actor.userId, status: "OPEN", reviewDate: { lt: today }, ...scope },
      orderBy: { reviewDate: "asc" },
      select: { id: true, title: true, reviewDate: true, currentScore: true },
    }),
    db().riskAction.findMany({
      where: {
        ownerId: actor.userId,
        status: { not: "DONE" },
        dueDate: { lt: today },
        risk: { status: "OPEN", ...scope },
      },
      orderBy: { dueDate: "asc" },
      select: { id: true, description: true, dueDate: true, risk: { select: { id: true, title: true } } },
    }),
  ]);
  return { reviews, actions };
}

/**
 * The risk registers of some organisations (their schemes' and programmes'; a system view adds the
 * system's shared programmes), as a narrowing of an actor's risk scope. The dashboard and the board
 * pack both use it, so their "Top risks" are the same list for the same selection.
 */
export function organisationsRiskWhere(
  organisationIds: Iterable<string>,
  withSharedProgrammes: boolean,
): Prisma.RiskWhereInput {
  const ids = [...organisationIds];
  const inScope: Prisma.RiskWhereInput[] = [
    { scheme: { organisationId: { in: ids } } },
    { programme: { organisationId: { in: ids } } },
  ];
  if (withSharedProgrammes) inScope.push({ programme: { organisationId: null } });
  return { OR: inScope };
}

/** Highest current scores among open risks the actor can see (narrowed further by `where`, e.g. to some organisations). */
export async function findTopRisks(actor: Actor, limit = 5, where: Prisma.RiskWhereInput = {}) {
  const risks = await db().risk.findMany({
    where: { AND: [{ status: "OPEN", ...riskScope(actor) }, where] },
    orderBy: [{ currentScore: "desc" }, { reviewDate: "asc" }],
    take: limit,
    select: {
      id: true,
      title: true,
      currentScore: true,
      owner: { select: { name: true } },
      programme: { select: { name: true } },
      scheme: { select: { code: true, title: true } },
    },
  });
  return risks.map((r) => ({ ...r, registerName: registerName(r) }));
}

/** People who can own risks and actions on registers in the actor's systems. */
export async function findRiskOwnerCandidates(systemId: string) {
  return db().user.findMany({
    where: { active: true, memberships: { some: { organisation: { systemId }, role: { in: ["FINANCE", "LEAD"] } } } },
    orderBy: { name: "asc" },
    select: { id: true, name: true },
  });
}

/** Open risks on a scheme's register. */
export async function countOpenSchemeRisks(schemeId: string) {
  return db().risk.count({ where: { schemeId, status: "OPEN" } });
}

/** Open risks on a programme's register (workstreamId undefined: the programme and all its workstreams). */
export async function countOpenRisks(programmeId: string, workstreamId?: string) {
  return db().risk.count({ where: { programmeId, status: "OPEN", ...(workstreamId ? { workstreamId } : {}) } });
}
