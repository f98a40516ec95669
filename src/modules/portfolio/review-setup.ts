import { assertCan, type Actor } from "@/server/auth/actor";
import { db } from "@/server/db";
import { DomainError, invalidField, isUniqueViolation, notFound } from "@/server/errors";
import { claimReviewForChange, MANAGE_REFUSAL, auditReview } from "./portfolio-access";
import { MAX_CRITERIA, criteriaProblems, weightRemaining } from "./portfolio-rules";
import type {
  AddCriterionInput,
  CreateReviewInput,
  MatrixSettingsInput,
  RemoveCriterionInput,
  ReopenReviewInput,
  ReviewVersionInput,
  SetReviewMembersInput,
} from "./portfolio-schemas";

/** Roles that may be named to score: finance, leads and clinicians of the organisation. */
export const SCORER_ROLES = ["FINANCE", "LEAD", "CLINICAL_APPROVER"] as const;

export async function createReview(actor: Actor, input: CreateReviewInput) {
  assertCan(actor, "portfolio.manage", input.organisationId, MANAGE_REFUSAL);
  try {
    return await db().$transaction(async (tx) => {
      const review = await tx.portfolioReview.create({
        data: {
          organisationId: input.organisationId,
          name: input.name,
          cohortYear: input.cohort.fy,
          cohortQuarter: input.cohort.q,
          pointsPool: input.pointsPool,
          scaleMin: input.scaleMin,
          scaleMax: input.scaleMax,
          createdById: actor.userId,
        },
      });
      await auditReview(tx, actor, review, "portfolio.review.create", { after: review });
      return review;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw invalidField("name", "This organisation already has a review of that name");
    throw error;
  }
}

const LOCKED = "its criteria are locked. Re-open it, with a reason, to change them.";

export async function addCriterion(actor: Actor, input: AddCriterionInput) {
  try {
    return await db().$transaction(async (tx) => {
      const review = await claimReviewForChange(tx, actor, input, ["SETUP"], LOCKED);
      const existing = await tx.portfolioCriterion.findMany({ where: { reviewId: review.id } });
      if (existing.length >= MAX_CRITERIA) {
        throw new DomainError("CONFLICT", `A review has at most ${MAX_CRITERIA} criteria: focus on the critical few.`, {
          name: [`A review has at most ${MAX_CRITERIA} criteria`],
        });
      }
      const left = weightRemaining(existing, review.pointsPool);
      if (input.weight > left) {
        throw invalidField("weight", `Only ${left} of the pool of ${review.pointsPool} points is left to allocate`);
      }
      const criterion = await tx.portfolioCriterion.create({
        data: {
          reviewId: review.id,
          domain: input.domain,
          name: input.name,
          description: input.description ?? null,
          weight: input.weight,
          position: existing.reduce((max, c) => Math.max(max, c.position), 0) + 1,
        },
      });
      await auditReview(tx, actor, review, "portfolio.criterion.add", { after: criterion });
      return criterion;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw invalidField("name", "This review already has a criterion of that name");
    throw error;
  }
}

export async function removeCriterion(actor: Actor, input: RemoveCriterionInput) {
  return db().$transaction(async (tx) => {
    const review = await claimReviewForChange(tx, actor, input, ["SETUP"], LOCKED);
    const criterion = await tx.portfolioCriterion.findFirst({ where: { id: input.criterionId, reviewId: review.id } });
    if (!criterion) throw notFound("The criterion");
    await tx.portfolioCriterion.delete({ where: { id: criterion.id } });
    await auditReview(tx, actor, review, "portfolio.criterion.remove", { before: criterion });
    return criterion;
  });
}

/** The service lines under review and the people named to score them (not once closed). */
export async function setReviewMembers(actor: Actor, input: SetReviewMembersInput) {
  return db().$transaction(async (tx) => {
    const review = await claimReviewForChange(
      tx,
      actor,
      input,
      ["SETUP", "SCORING"],
      "its service lines and scorers can no longer change.",
    );
    const lines = await tx.serviceLine.findMany({
      where: { id: { in: input.serviceLineIds }, organisationId: review.organisationId },
      select: { id: true },
    });
    if (lines.length !== new Set(input.serviceLineIds).size) {
      throw invalidField("serviceLineIds", "Choose service lines of this review's organisation");
    }
    const scorers = await tx.membership.findMany({
      where: {
        userId: { in: input.scorerIds },
        organisationId: review.organisationId,
        role: { in: [...SCORER_ROLES] },
        user: { active: true },
      },
      select: { userId: true },
      distinct: ["userId"],
    });
    if (scorers.length !== new Set(input.scorerIds).size) {
      throw invalidField("scorerIds", "Scorers must be finance, leads or clinicians of this organisation");
    }
    const before = {
      serviceLineIds: (await tx.portfolioReviewLine.findMany({ where: { reviewId: review.id } })).map(
        (l) => l.serviceLineId,
      ),
      scorerIds: (await tx.portfolioScorer.findMany({ where: { reviewId: review.id } })).map((s) => s.userId),
    };
    const removedLines = before.serviceLineIds.filter((id) => !input.serviceLineIds.includes(id));
    const scored = await tx.portfolioScore.count({
      where: { reviewId: review.id, serviceLineId: { in: removedLines } },
    });
    if (scored > 0) {
      throw invalidField("serviceLineIds", "A service line that has been scored cannot leave the review");
    }
    await tx.portfolioReviewLine.deleteMany({ where: { reviewId: review.id } });
    await tx.portfolioReviewLine.createMany({
      data: [...new Set(input.serviceLineIds)].map((serviceLineId) => ({ reviewId: review.id, serviceLineId })),
    });
    await tx.portfolioScorer.deleteMany({ where: { reviewId: review.id } });
    await tx.portfolioScorer.createMany({
      data: [...new Set(input.scorerIds)].map((userId) => ({ reviewId: review.id, userId })),
    });
    await auditReview(tx, actor, review, "portfolio.review.members", {
      before,
      after: { serviceLineIds: input.serviceLineIds, scorerIds: input.scorerIds },
    });
    return review;
  });
}

/** Domain names, thresholds, dot size and the option each quadrant suggests: changeable until closed. */
export async function updateMatrixSettings(actor: Actor, input: MatrixSettingsInput) {
  return db().$transaction(async (tx) => {
    const { reviewId, version, ...settings } = input;
    const before = await claimReviewForChange(
      tx,
      actor,
      { reviewId, version },
      ["SETUP", "SCORING"],
      "it can no longer change.",
      settings,
    );
    await auditReview(tx, actor, before, "portfolio.review.settings", { before, after: settings });
    return before;
  });
}

/** Locks the criteria: only with weights that spend the pool, service lines and scorers named. */
export async function startScoring(actor: Actor, input: ReviewVersionInput) {
  return db().$transaction(async (tx) => {
    const review = await claimReviewForChange(tx, actor, input, ["SETUP"], "scoring has already started.", {
      status: "SCORING",
      scoringStartedAt: new Date(),
    });
    const criteria = await tx.portfolioCriterion.findMany({ where: { reviewId: review.id } });
    const problems = criteriaProblems(criteria, review.pointsPool);
    if ((await tx.portfolioReviewLine.count({ where: { reviewId: review.id } })) === 0) {
      problems.push("Choose the service lines to be scored");
    }
    if ((await tx.portfolioScorer.count({ where: { reviewId: review.id } })) === 0) {
      problems.push("Name at least one scorer");
    }
    if (problems.length > 0) {
      throw new DomainError("CONFLICT", `Scoring cannot start yet: ${problems.join("; ")}.`, { criteria: problems });
    }
    await auditReview(tx, actor, review, "portfolio.review.start-scoring", { after: { criteria } });
    return review;
  });
}

/**
 * Changing criteria after scoring started is a recorded re-opening with a reason: the scores
 * stay, the criteria can be edited again, and scoring restarts when finance locks them again.
 */
export async function reopenReview(actor: Actor, input: ReopenReviewInput) {
  return db().$transaction(async (tx) => {
    const review = await claimReviewForChange(
      tx,
      actor,
      input,
      ["SCORING"],
      "only a review being scored can be re-opened.",
      {
        status: "SETUP",
      },
    );
    const reopening = await tx.portfolioReopening.create({
      data: { reviewId: review.id, reason: input.reason, reopenedById: actor.userId },
    });
    await auditReview(tx, actor, review, "portfolio.review.reopen", { after: reopening });
    return reopening;
  });
}

export async function closeReview(actor: Actor, input: ReviewVersionInput) {
  return db().$transaction(async (tx) => {
    const review = await claimReviewForChange(
      tx,
      actor,
      input,
      ["SCORING"],
      "only a review being scored can be closed.",
      {
        status: "CLOSED",
        closedAt: new Date(),
      },
    );
    await auditReview(tx, actor, review, "portfolio.review.close");
    return review;
  });
}
