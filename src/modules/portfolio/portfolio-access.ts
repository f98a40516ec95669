import { recordAudit } from "@/modules/audit/record-audit";
import type { Prisma } from "@/generated/prisma/client";
import type { PortfolioReviewStatus } from "@/generated/prisma/enums";
import { assertCan, can, visibleOrganisationIds, type Actor } from "@/server/auth/actor";
import type { Tx } from "@/server/db";
import { DomainError, notFound, stale } from "@/server/errors";

/** Reviews and service lines are read by everyone who sees the organisation's dashboard. */
export function portfolioScope(actor: Actor): { organisationId: { in: string[] } } {
  return {
    organisationId: {
      in: visibleOrganisationIds(actor).filter((id) => can(actor, "dashboard.view", id)),
    },
  };
}

export function canManagePortfolio(actor: Actor, organisationId: string): boolean {
  return can(actor, "portfolio.manage", organisationId);
}

const STATUS_WORDS: Record<PortfolioReviewStatus, string> = {
  SETUP: "being set up",
  SCORING: "being scored",
  CLOSED: "closed",
};

/** A state rule refused the change: a conflict with the review's status, so it is audited. */
export function wrongStatus(status: PortfolioReviewStatus, what: string, field?: string): DomainError {
  const message = `This review is ${STATUS_WORDS[status]}: ${what}`;
  return new DomainError("CONFLICT", message, field ? { [field]: [message] } : undefined);
}

export const MANAGE_REFUSAL = "Only finance or the PMO of this organisation can change a portfolio review.";

/**
 * The start of every finance write to a review: load it in the actor's scope, check the
 * authority and the status, and claim the version the form loaded (a stale form fails).
 */
export async function claimReviewForChange(
  tx: Tx,
  actor: Actor,
  input: { reviewId: string; version: number },
  allowed: readonly PortfolioReviewStatus[],
  what: string,
  data: Prisma.PortfolioReviewUpdateManyMutationInput = {},
) {
  const review = await tx.portfolioReview.findFirst({ where: { id: input.reviewId, ...portfolioScope(actor) } });
  if (!review) throw notFound("The portfolio review");
  assertCan(actor, "portfolio.manage", review.organisationId, MANAGE_REFUSAL);
  if (!allowed.includes(review.status)) throw wrongStatus(review.status, what);
  const { count } = await tx.portfolioReview.updateMany({
    where: { id: review.id, version: input.version },
    data: { ...data, version: { increment: 1 } },
  });
  if (count === 0) throw stale("The portfolio review");
  return review;
}

/** Every change to a review is audited against the review and its organisation. */
export async function auditReview(
  tx: Tx,
  actor: Actor,
  review: { id: string; organisationId: string },
  action: string,
  change: { before?: unknown; after?: unknown } = {},
) {
  await recordAudit(tx, actor, {
    action,
    entityType: "portfolio_review",
    entityId: review.id,
    organisationId: review.organisationId,
    ...change,
  });
}
