import { recordAudit } from "@/modules/audit/record-audit";
import type { Actor } from "@/server/auth/actor";
import { db } from "@/server/db";
import { DomainError, invalidField, isUniqueViolation, notFound, stale } from "@/server/errors";
import { createScheme } from "@/modules/schemes/scheme-writes";
import { MANAGE_REFUSAL, portfolioScope, wrongStatus, auditReview } from "./portfolio-access";
import { assertCan } from "@/server/auth/actor";
import { OPTION_LABELS, optionCreatesWork } from "./portfolio-rules";
import type { CreateSchemeFromDecisionInput, RecordDecisionInput } from "./portfolio-schemas";

/** Finance records (or revises) the decision on one service line while the review is scored. */
export async function recordDecision(actor: Actor, input: RecordDecisionInput) {
  try {
    return await writeDecision(actor, input);
  } catch (error) {
    if (isUniqueViolation(error)) throw stale("The decision");
    throw error;
  }
}

async function writeDecision(actor: Actor, input: RecordDecisionInput) {
  return db().$transaction(async (tx) => {
    const review = await tx.portfolioReview.findFirst({ where: { id: input.reviewId, ...portfolioScope(actor) } });
    if (!review) throw notFound("The portfolio review");
    assertCan(actor, "portfolio.manage", review.organisationId, MANAGE_REFUSAL);
    if (review.status !== "SCORING") {
      throw wrongStatus(
        review.status,
        review.status === "SETUP" ? "decide once scoring has started." : "decisions can no longer change.",
        "option",
      );
    }
    const onReview = await tx.portfolioReviewLine.findUnique({
      where: { reviewId_serviceLineId: { reviewId: review.id, serviceLineId: input.serviceLineId } },
    });
    if (!onReview) throw notFound("The service line on this review");
    const key = { reviewId_serviceLineId: { reviewId: review.id, serviceLineId: input.serviceLineId } };
    const before = await tx.portfolioDecision.findUnique({ where: key });
    if ((before?.version ?? 0) !== input.version) throw stale("The decision");
    if (before?.schemeId && before.option !== input.option) {
      throw invalidField("option", "This decision already became a scheme; withdraw the scheme's plan there instead");
    }
    const data = { option: input.option, rationale: input.rationale, decidedById: actor.userId, decidedAt: new Date() };
    let decision;
    if (before) {
      const { count } = await tx.portfolioDecision.updateMany({
        where: { id: before.id, version: input.version },
        data: { ...data, version: { increment: 1 } },
      });
      if (count === 0) throw stale("The decision");
      decision = await tx.portfolioDecision.findUniqueOrThrow({ where: { id: before.id } });
    } else {
      decision = await tx.portfolioDecision.create({
        data: { reviewId: review.id, serviceLineId: input.serviceLineId, ...data },
      });
    }
    await auditReview(tx, actor, review, "portfolio.decision", { before, after: decision });
    return decision;
  });
}

/**
 * A divest or reposition decision becomes a CIP scheme through the scheme form's own rules
 * (createScheme), linked to the decision in the same transaction: both or neither.
 */
export async function createSchemeFromDecision(actor: Actor, input: CreateSchemeFromDecisionInput) {
  const { decisionId, decisionVersion, ...schemeInput } = input;
  const decision = await db().portfolioDecision.findFirst({
    where: { id: decisionId, review: portfolioScope(actor) },
    include: { review: { select: { organisationId: true, status: true } } },
  });
  if (!decision) throw notFound("The decision");
  assertCan(actor, "portfolio.manage", decision.review.organisationId, MANAGE_REFUSAL);
  if (schemeInput.organisationId !== decision.review.organisationId) {
    throw invalidField("organisationId", "The scheme belongs to the review's organisation");
  }
  if (!optionCreatesWork(decision.option)) {
    throw new DomainError(
      "CONFLICT",
      `A decision to ${OPTION_LABELS[decision.option].toLowerCase()} does not create a scheme.`,
    );
  }
  if (decision.review.status === "CLOSED") throw wrongStatus("CLOSED", "its decisions can no longer create schemes.");
  const scheme = await createScheme(actor, schemeInput, {
    afterCreate: async (tx, scheme) => {
      const { count } = await tx.portfolioDecision.updateMany({
        where: { id: decision.id, version: decisionVersion, schemeId: null },
        data: { schemeId: scheme.id, version: { increment: 1 } },
      });
      if (count === 0) throw stale("The decision");
      await recordAudit(tx, actor, {
        action: "portfolio.decision.scheme",
        entityType: "portfolio_review",
        entityId: decision.reviewId,
        organisationId: decision.review.organisationId,
        after: { decisionId: decision.id, schemeId: scheme.id },
      });
    },
  });
  return { ...scheme, reviewId: decision.reviewId };
}
