"use server";

import { authedAction } from "@/server/action";
import { routes } from "@/server/routes";
import {
  addCriterionSchema,
  createReviewSchema,
  createSchemeFromDecisionSchema,
  createServiceLineSchema,
  matrixSettingsSchema,
  recordDecisionSchema,
  recordScoresSchema,
  removeCriterionSchema,
  reopenReviewSchema,
  reviewVersionSchema,
  setReviewMembersSchema,
  setServiceLineSizeSchema,
} from "./portfolio-schemas";
import { createSchemeFromDecision, recordDecision } from "./record-decision";
import { recordScores } from "./record-scores";
import {
  addCriterion,
  closeReview,
  createReview,
  removeCriterion,
  reopenReview,
  setReviewMembers,
  startScoring,
  updateMatrixSettings,
} from "./review-setup";
import { createServiceLine, setServiceLineSize } from "./service-line-writes";

const reviewPaths = (reviewId: string) => [routes.portfolio, routes.portfolioReview(reviewId)];

export const createServiceLineAction = authedAction(
  "createServiceLine",
  createServiceLineSchema,
  async (actor, input) => {
    const line = await createServiceLine(actor, input);
    return {
      data: { id: line.id },
      message: `Service line "${line.name}" added.`,
      revalidate: [routes.portfolioServiceLines],
    };
  },
);

export const setServiceLineSizeAction = authedAction(
  "setServiceLineSize",
  setServiceLineSizeSchema,
  async (actor, input) => {
    const size = await setServiceLineSize(actor, input);
    return { data: size, message: "Size saved.", revalidate: [routes.portfolioServiceLines] };
  },
);

export const createReviewAction = authedAction("createReview", createReviewSchema, async (actor, input) => {
  const review = await createReview(actor, input);
  return { data: { id: review.id }, message: `Review "${review.name}" created.`, revalidate: reviewPaths(review.id) };
});

export const addCriterionAction = authedAction("addCriterion", addCriterionSchema, async (actor, input) => {
  const criterion = await addCriterion(actor, input);
  return {
    data: { id: criterion.id },
    message: `Criterion "${criterion.name}" added.`,
    revalidate: reviewPaths(input.reviewId),
  };
});

export const removeCriterionAction = authedAction("removeCriterion", removeCriterionSchema, async (actor, input) => {
  const criterion = await removeCriterion(actor, input);
  return {
    data: { id: criterion.id },
    message: `Criterion "${criterion.name}" removed.`,
    revalidate: reviewPaths(input.reviewId),
  };
});

export const setReviewMembersAction = authedAction("setReviewMembers", setReviewMembersSchema, async (actor, input) => {
  await setReviewMembers(actor, input);
  return { data: null, message: "Service lines and scorers saved.", revalidate: reviewPaths(input.reviewId) };
});

export const updateMatrixSettingsAction = authedAction(
  "updateMatrixSettings",
  matrixSettingsSchema,
  async (actor, input) => {
    await updateMatrixSettings(actor, input);
    return { data: null, message: "Matrix settings saved.", revalidate: reviewPaths(input.reviewId) };
  },
);

export const startScoringAction = authedAction("startScoring", reviewVersionSchema, async (actor, input) => {
  await startScoring(actor, input);
  return { data: null, message: "Criteria locked: scoring has started.", revalidate: reviewPaths(input.reviewId) };
});

export const reopenReviewAction = authedAction("reopenReview", reopenReviewSchema, async (actor, input) => {
  await reopenReview(actor, input);
  return {
    data: null,
    message: "Criteria re-opened; the reason is recorded.",
    revalidate: reviewPaths(input.reviewId),
  };
});

export const closeReviewAction = authedAction("closeReview", reviewVersionSchema, async (actor, input) => {
  await closeReview(actor, input);
  return { data: null, message: "Review closed.", revalidate: reviewPaths(input.reviewId) };
});

export const recordScoresAction = authedAction("recordScores", recordScoresSchema, async (actor, input) => {
  const { changed } = await recordScores(actor, input);
  return {
    data: { changed },
    message: changed === 0 ? "No scores changed." : `${changed} score${changed === 1 ? "" : "s"} saved.`,
    revalidate: reviewPaths(input.reviewId),
  };
});

export const recordDecisionAction = authedAction("recordDecision", recordDecisionSchema, async (actor, input) => {
  const decision = await recordDecision(actor, input);
  return { data: { id: decision.id }, message: "Decision recorded.", revalidate: reviewPaths(input.reviewId) };
});

export const createSchemeFromDecisionAction = authedAction(
  "createSchemeFromDecision",
  createSchemeFromDecisionSchema,
  async (actor, input) => {
    const scheme = await createSchemeFromDecision(actor, input);
    return {
      data: { schemeId: scheme.id, version: scheme.version },
      message: `Scheme ${scheme.code} created and linked to the decision.`,
      revalidate: [...reviewPaths(scheme.reviewId), routes.schemes, routes.scheme(scheme.id), routes.dashboard],
    };
  },
);
