import { z } from "zod";
import { dateField } from "@/lib/dates";
import { requiredText, uuidField } from "@/lib/form-fields";
import { versionField } from "@/modules/programmes/programme-schemas";
import { isRiskRating, isTargetWorseThan } from "./risk-scoring";

export const RISK_CATEGORIES = ["FINANCIAL", "QUALITY", "WORKFORCE", "DELIVERY", "REPUTATIONAL"] as const;
export const RISK_ACTION_STATUSES = ["OPEN", "IN_PROGRESS", "DONE"] as const;

const rating = (label: string) =>
  z.coerce
    .number({ error: `Choose the ${label} (1 to 5)` })
    .int(`Choose the ${label} (1 to 5)`)
    .min(1, `The ${label} must be between 1 and 5`)
    .max(5, `The ${label} must be between 1 and 5`);

const riskFields = z.object({
  title: requiredText("a short title", 3, 200),
  cause: requiredText("the cause", 3, 4000),
  event: requiredText("the event", 3, 4000),
  effect: requiredText("the effect", 3, 4000),
  ownerId: uuidField("who owns the risk"),
  category: z.enum(RISK_CATEGORIES, { error: "Choose a category" }),
  inherentLikelihood: rating("inherent likelihood"),
  inherentConsequence: rating("inherent consequence"),
  currentLikelihood: rating("current likelihood"),
  currentConsequence: rating("current consequence"),
  targetLikelihood: rating("target likelihood"),
  targetConsequence: rating("target consequence"),
  reviewDate: dateField("the next review date"),
});

/** A target is where mitigation should take the risk: never worse than where it is now. */
function targetNotWorse(value: z.infer<typeof riskFields>, ctx: z.RefinementCtx) {
  // A rating outside 1-5 already has its own field error; compare only real ratings.
  const ratings = [value.currentLikelihood, value.currentConsequence, value.targetLikelihood, value.targetConsequence];
  if (!ratings.every(isRiskRating)) return;
  const current = { likelihood: value.currentLikelihood, consequence: value.currentConsequence };
  const target = { likelihood: value.targetLikelihood, consequence: value.targetConsequence };
  if (isTargetWorseThan(target, current)) {
    const message = `The target score (${target.likelihood * target.consequence}) cannot be worse than the current score (${current.likelihood * current.consequence})`;
    ctx.addIssue({ code: "custom", path: ["targetLikelihood"], message });
  }
}

const optionalId = (what: string) =>
  z
    .string()
    .optional()
    .transform((v) => v || undefined)
    .pipe(z.string().uuid(`Choose ${what}`).optional());

/** A risk goes on one register: a programme's (optionally one workstream's) or a scheme's. */
function oneRegister(value: { programmeId?: string; schemeId?: string; workstreamId?: string }, ctx: z.RefinementCtx) {
  if (Boolean(value.programmeId) === Boolean(value.schemeId)) {
    ctx.addIssue({ code: "custom", path: ["programmeId"], message: "Choose the register: a programme or a scheme" });
  }
  if (value.schemeId && value.workstreamId)
    ctx.addIssue({
      code: "custom",
      path: ["workstreamId"],
      message: "A scheme's risk is not on a workstream register",
    });
}

export const createRiskSchema = riskFields
  .extend({
    programmeId: optionalId("a programme"),
    schemeId: optionalId("a scheme"),
    workstreamId: z
      .string()
      .optional()
      .transform((v) => v || undefined)
      .pipe(z.string().uuid("Choose a workstream").optional()),
  })
  .superRefine(targetNotWorse)
  .superRefine(oneRegister);
export type CreateRiskInput = z.infer<typeof createRiskSchema>;

export const updateRiskSchema = riskFields
  .extend({ riskId: uuidField("a risk"), version: versionField })
  .superRefine(targetNotWorse);
export type UpdateRiskInput = z.infer<typeof updateRiskSchema>;

export const closeRiskSchema = z.object({
  riskId: uuidField("a risk"),
  version: versionField,
  closureReason: requiredText("why the risk is being closed", 3, 2000),
});
export type CloseRiskInput = z.infer<typeof closeRiskSchema>;

export const addRiskActionSchema = z.object({
  riskId: uuidField("a risk"),
  description: requiredText("what will be done", 3, 2000),
  ownerId: uuidField("who owns this action"),
  dueDate: dateField("the due date"),
});
export type AddRiskActionInput = z.infer<typeof addRiskActionSchema>;

export const setRiskActionStatusSchema = z.object({
  actionId: uuidField("an action"),
  status: z.enum(RISK_ACTION_STATUSES, { error: "Choose a status" }),
});
export type SetRiskActionStatusInput = z.infer<typeof setRiskActionStatusSchema>;
