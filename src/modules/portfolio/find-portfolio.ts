import type { Actor } from "@/server/auth/actor";
import { db } from "@/server/db";
import { portfolioScope } from "./portfolio-access";
import { SCORER_ROLES } from "./review-setup";

/** Reviews the actor can read, newest cohort first. */
export async function findPortfolioReviews(actor: Actor) {
  return db().portfolioReview.findMany({
    where: portfolioScope(actor),
    orderBy: [{ cohortYear: "desc" }, { cohortQuarter: "desc" }, { name: "asc" }],
    include: {
      organisation: { select: { name: true, code: true } },
      _count: { select: { lines: true, criteria: true, scorers: true, decisions: true } },
    },
  });
}

/** Service lines of the organisations the actor can read, meso before its micro lines. */
export async function findServiceLines(actor: Actor, organisationId?: string) {
  const scope = portfolioScope(actor);
  return db().serviceLine.findMany({
    where: organisationId ? { AND: [scope, { organisationId }] } : scope,
    orderBy: [{ organisation: { name: "asc" } }, { name: "asc" }],
    include: {
      organisation: { select: { name: true, code: true } },
      parent: { select: { name: true } },
      division: { select: { name: true } },
      sizes: { orderBy: { financialYear: "desc" } },
    },
  });
}

/** People finance may name as scorers: finance, leads and clinicians of the organisation. */
export async function findEligibleScorers(organisationId: string) {
  return db().user.findMany({
    where: { active: true, memberships: { some: { organisationId, role: { in: [...SCORER_ROLES] } } } },
    orderBy: { name: "asc" },
    select: { id: true, name: true, jobTitle: true },
  });
}

/** For a scheme page: the decision it arose from, if any. */
export async function findDecisionForScheme(schemeId: string) {
  return db().portfolioDecision.findUnique({
    where: { schemeId },
    select: { option: true, review: { select: { id: true, name: true } }, serviceLine: { select: { name: true } } },
  });
}

/** A decision with what the scheme form pre-fills from it, in the actor's scope. */
export async function findDecision(actor: Actor, decisionId: string) {
  return db().portfolioDecision.findFirst({
    where: { id: decisionId, review: portfolioScope(actor) },
    include: {
      review: {
        select: { id: true, name: true, organisationId: true, cohortYear: true, cohortQuarter: true, status: true },
      },
      serviceLine: { select: { name: true, divisionId: true } },
      scheme: { select: { id: true, code: true } },
    },
  });
}

export async function findDivisions(organisationId: string) {
  return db().division.findMany({
    where: { organisationId },
    orderBy: { name: "asc" },
    select: { id: true, name: true },
  });
}
