import { z } from "zod";
import { dateField } from "@/lib/dates";
import { optionalText, plainString, requiredText, uuidField } from "@/lib/form-fields";
import { poundsField, versionField } from "@/modules/programmes/programme-schemas";

const gateField = z.coerce
  .number({ error: "Choose a gateway" })
  .int()
  .min(1, "Choose a gateway")
  .max(3, "Choose a gateway");
const reasonField = requiredText("the reason", 3, 2000);

/** Conditions arrive as one per line from a textarea, or as a list from code. */
const conditionsField = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => (Array.isArray(v) ? v : (v ?? "").split("\n")).map((c) => c.trim()).filter(Boolean))
  .pipe(
    z
      .array(plainString().max(500, "Each condition must be 500 characters or fewer"))
      .max(20, "Record at most 20 conditions"),
  );

const schemeRef = { schemeId: uuidField("a scheme"), version: versionField };

export const submitForGatewaySchema = z.object({ ...schemeRef, gate: gateField });
export type SubmitForGatewayInput = z.infer<typeof submitForGatewaySchema>;

export const GATEWAY_DECISIONS = ["APPROVE", "REJECT", "DEFER"] as const;
export type GatewayDecisionChoice = (typeof GATEWAY_DECISIONS)[number];

export const decideGatewaySchema = z
  .object({
    ...schemeRef,
    gate: gateField,
    decision: z.enum(GATEWAY_DECISIONS, { error: "Choose approve, reject or defer" }),
    reason: optionalText("the reason", 2000),
    conditions: conditionsField,
    /** When the conditions are due (YYYY-MM-DD), optional; checked against today by decideGateway. */
    // Not a union: zod words a union failing on both sides "Invalid input", hiding the date hint.
    conditionsDueOn: z.preprocess(
      (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
      dateField("the date the conditions are due by").optional(),
    ),
  })
  .superRefine((input, ctx) => {
    if (input.conditionsDueOn && input.conditions.length === 0) {
      ctx.addIssue({
        code: "custom",
        path: ["conditionsDueOn"],
        message: "A due date needs conditions to apply to: write them above, or clear the date",
      });
    }
    // A rejection or deferral must say why; an approval's comment is optional.
    if (input.decision !== "APPROVE" && (!input.reason || input.reason.length < 3)) {
      ctx.addIssue({
        code: "custom",
        path: ["reason"],
        message: `Give the reason for ${input.decision === "REJECT" ? "rejecting" : "deferring"} (at least 3 characters)`,
      });
    }
    if (input.decision !== "APPROVE" && input.conditions.length > 0) {
      ctx.addIssue({ code: "custom", path: ["conditions"], message: "Only an approval carries conditions" });
    }
  });
export type DecideGatewayInput = z.infer<typeof decideGatewaySchema>;

export const returnSchemeSchema = z.object({
  ...schemeRef,
  toStage: z.enum(["OPPORTUNITY", "PLANNING", "DELIVERY"], { error: "Choose the stage to return the scheme to" }),
  reason: reasonField,
});
export type ReturnSchemeInput = z.infer<typeof returnSchemeSchema>;

export const STAGE_MOVES = ["HOLD", "RESUME", "WITHDRAW"] as const;
export const moveSchemeSchema = z.object({
  ...schemeRef,
  move: z.enum(STAGE_MOVES, { error: "Choose hold, resume or withdraw" }),
  reason: reasonField,
});
export type MoveSchemeInput = z.infer<typeof moveSchemeSchema>;

const monthPlanField = poundsField("plan");
export const rebaselinePlanSchema = z.object({
  ...schemeRef,
  reason: reasonField,
  plan: z
    .array(monthPlanField, { error: "Enter the plan for every month" })
    .length(12, "Enter the plan for all 12 months"),
});
export type RebaselinePlanInput = z.infer<typeof rebaselinePlanSchema>;

export const validateBenefitSchema = z.object({ ...schemeRef, note: optionalText("the note", 2000) });
export type ValidateBenefitInput = z.infer<typeof validateBenefitSchema>;

export const meetConditionSchema = z.object({
  conditionId: uuidField("a condition"),
  note: optionalText("the note", 2000),
});
export type MeetConditionInput = z.infer<typeof meetConditionSchema>;
