"use server";

import { authedAction } from "@/server/action";
import { routes } from "@/server/routes";
import { markQiaConditionMet } from "./mark-condition-met";
import { recordQualityCommitteeOverride } from "./record-committee-override";
import { recordQiaReview } from "./record-qia-review";
import { reviseQia } from "./revise-qia";
import { saveFullQia } from "./save-full-qia";
import { saveQiaScreening } from "./save-qia-screening";
import { signQia } from "./sign-qia";
import { startQia } from "./start-qia";
import { submitQiaForSignOff } from "./submit-qia";
import {
  markConditionMetSchema,
  qiaVersionSchema,
  recordCommitteeOverrideSchema,
  recordQiaReviewSchema,
  saveFullQiaSchema,
  saveQiaScreeningSchema,
  signQiaSchema,
  startQiaSchema,
} from "./quality-schemas";

/** Every QIA write changes what the QIA page, the scheme page, the QIA list and the dashboard show. */
const pathsOf = (schemeId: string) => [
  routes.schemeQia(schemeId),
  routes.scheme(schemeId),
  routes.qias,
  routes.dashboard,
];

export const startQiaAction = authedAction("startQia", startQiaSchema, async (actor, input) => {
  const qia = await startQia(actor, input);
  return {
    data: { version: qia.version },
    message: "QIA started: answer the screening.",
    revalidate: pathsOf(qia.schemeId),
  };
});

export const saveQiaScreeningAction = authedAction("saveQiaScreening", saveQiaScreeningSchema, async (actor, input) => {
  const qia = await saveQiaScreening(actor, input);
  const message = !qia.screeningComplete
    ? "Screening saved; some dimensions are still to answer."
    : qia.fullRequired
      ? "Screening saved: a full QIA is required."
      : "Screening saved: no full QIA is required.";
  return { data: { version: qia.version }, message, revalidate: pathsOf(qia.schemeId) };
});

export const saveFullQiaAction = authedAction("saveFullQia", saveFullQiaSchema, async (actor, input) => {
  const qia = await saveFullQia(actor, input);
  return { data: { version: qia.version }, message: "Full QIA saved.", revalidate: pathsOf(qia.schemeId) };
});

export const submitQiaAction = authedAction("submitQiaForSignOff", qiaVersionSchema, async (actor, input) => {
  const qia = await submitQiaForSignOff(actor, input);
  return {
    data: { version: qia.version },
    message: "QIA sent to the medical and nursing signatories.",
    revalidate: pathsOf(qia.schemeId),
  };
});

export const signQiaAction = authedAction("signQia", signQiaSchema, async (actor, input) => {
  const { status, schemeId } = await signQia(actor, input);
  return { data: { status }, message: "Your sign-off is recorded.", revalidate: pathsOf(schemeId) };
});

export const reviseQiaAction = authedAction("reviseQia", qiaVersionSchema, async (actor, input) => {
  const qia = await reviseQia(actor, input);
  return {
    data: { version: qia.version },
    message: `Version ${qia.number} started as a draft; it needs signing again.`,
    revalidate: pathsOf(qia.schemeId),
  };
});

export const markQiaConditionMetAction = authedAction(
  "markQiaConditionMet",
  markConditionMetSchema,
  async (actor, input) => {
    const condition = await markQiaConditionMet(actor, input);
    return { data: null, message: "Condition marked met.", revalidate: pathsOf(condition.schemeId) };
  },
);

export const recordQiaReviewAction = authedAction("recordQiaReview", recordQiaReviewSchema, async (actor, input) => {
  const { next, schemeId } = await recordQiaReview(actor, input);
  return {
    data: null,
    message: next ? `Review recorded; the QIA is reopened as version ${next.number}.` : "Review recorded.",
    revalidate: pathsOf(schemeId),
  };
});

export const recordQualityCommitteeOverrideAction = authedAction(
  "recordQualityCommitteeOverride",
  recordCommitteeOverrideSchema,
  async (actor, input) => {
    const qia = await recordQualityCommitteeOverride(actor, input);
    return {
      data: { version: qia.version },
      message: "Quality committee override recorded.",
      revalidate: pathsOf(qia.schemeId),
    };
  },
);
