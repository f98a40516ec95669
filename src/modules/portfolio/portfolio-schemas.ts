import { z } from "zod";
import {
  CONTROL_CHARACTER_MESSAGE,
  hasControlCharacter,
  optionalText,
  requiredText,
  uuidField,
} from "@/lib/form-fields";
import { safeParseQuarter } from "@/lib/financial-year";
import { financialYearField, optionalPoundsField } from "@/modules/programmes/programme-schemas";
import { createSchemeSchema } from "@/modules/schemes/scheme-schemas";
import { MAX_CRITERIA, PORTFOLIO_OPTIONS } from "./portfolio-rules";

const version = z.coerce
  .number({ error: "Reload the page and try again" })
  .int()
  .min(1, "Reload the page and try again");
/** 0 for "not written yet", else the version the form loaded. */
const versionOrNew = z.coerce.number({ error: "Reload the page and try again" }).int().min(0);

const wholeNumber = (label: string, min: number, max: number) =>
  z.coerce
    .number({ error: `Enter ${label} as a whole number` })
    .int(`Enter ${label} as a whole number`)
    .min(min, `${label[0]!.toUpperCase()}${label.slice(1)} must be at least ${min}`)
    .max(max, `${label[0]!.toUpperCase()}${label.slice(1)} must be at most ${max}`);

// Not a union: zod reports a union that fails on both sides as "Invalid input", hiding the hint.
const optionalWhole = (label: string, max: number) =>
  z
    .string()
    .optional()
    .transform((v) => (v ?? "").replace(/,/g, "").trim())
    .refine((v) => v === "" || /^\d+$/.test(v), `Enter ${label} as a whole number, e.g. 12000`)
    .transform((v) => (v === "" ? undefined : Number(v)))
    .pipe(
      z
        .number()
        .max(max, `Enter ${label} of at most ${max.toLocaleString("en-GB")}`)
        .optional(),
    );

/** Repeated form fields arrive as an array, a single one as a string, none as undefined. */
const idList = (what: string) =>
  z.preprocess(
    (v) => (v === undefined || v === "" ? [] : Array.isArray(v) ? v : [v]),
    z.array(z.string().uuid(`Choose ${what} from the list`)).max(200),
  );

export const createServiceLineSchema = z
  .object({
    organisationId: uuidField("an organisation"),
    name: requiredText("the service line's name", 2, 120),
    level: z.enum(["MESO", "MICRO"], { error: "Choose divisional / specialty or sub-specialty / department" }),
    parentId: z
      .string()
      .optional()
      .transform((v) => v || undefined)
      .pipe(z.string().uuid("Choose the division or specialty it belongs to").optional()),
    divisionId: z
      .string()
      .optional()
      .transform((v) => v || undefined)
      .pipe(z.string().uuid("Choose a division from the list").optional()),
  })
  .superRefine((v, ctx) => {
    if (v.level === "MICRO" && !v.parentId) {
      ctx.addIssue({ code: "custom", path: ["parentId"], message: "Choose the division or specialty it belongs to" });
    }
    if (v.level === "MESO" && v.parentId) {
      ctx.addIssue({ code: "custom", path: ["parentId"], message: "A divisional service line has no parent" });
    }
  });
export type CreateServiceLineInput = z.infer<typeof createServiceLineSchema>;

export const setServiceLineSizeSchema = z.object({
  serviceLineId: uuidField("a service line"),
  financialYear: financialYearField,
  budget: optionalPoundsField("budget"),
  patients: optionalWhole("the number of patients", 10_000_000),
  staffWte: z
    .string()
    .optional()
    .transform((v) => (v ?? "").trim())
    .pipe(
      z.union([
        z.literal("").transform(() => undefined),
        z.string().regex(/^\d{1,6}(\.\d{1,2})?$/, "Enter staff as WTE with at most 2 decimal places, e.g. 125.5"),
      ]),
    ),
});
export type SetServiceLineSizeInput = z.infer<typeof setServiceLineSizeSchema>;

const cohortField = z
  .string({ error: 'Enter the cohort quarter, e.g. "Q2 2026/27"' })
  .trim()
  .transform((text, ctx) => {
    const parsed = safeParseQuarter(text);
    if (!parsed.ok) {
      ctx.addIssue({ code: "custom", message: 'Enter the cohort quarter, e.g. "Q2 2026/27"' });
      return z.NEVER;
    }
    return parsed.value;
  });

export const createReviewSchema = z
  .object({
    organisationId: uuidField("an organisation"),
    name: requiredText("the review's name", 3, 160),
    cohort: cohortField,
    pointsPool: wholeNumber("the points pool", 1, 1000).default(100),
    scaleMin: wholeNumber("the lowest score", 0, 99).default(0),
    scaleMax: wholeNumber("the highest score", 1, 100).default(10),
  })
  .superRefine((v, ctx) => {
    if (v.scaleMax <= v.scaleMin) {
      ctx.addIssue({ code: "custom", path: ["scaleMax"], message: "The highest score must be above the lowest" });
    }
  });
export type CreateReviewInput = z.infer<typeof createReviewSchema>;

const reviewRef = { reviewId: uuidField("a review"), version };
export const reviewVersionSchema = z.object(reviewRef);
export type ReviewVersionInput = z.infer<typeof reviewVersionSchema>;

export const addCriterionSchema = z.object({
  ...reviewRef,
  domain: z.enum(["CLINICAL", "ECONOMIC"], { error: "Choose the criterion's domain" }),
  name: requiredText("the criterion's name", 3, 120),
  description: optionalText("description", 2000),
  weight: wholeNumber("the weight", 1, 1000),
});
export type AddCriterionInput = z.infer<typeof addCriterionSchema>;

export const removeCriterionSchema = z.object({ ...reviewRef, criterionId: uuidField("a criterion") });
export type RemoveCriterionInput = z.infer<typeof removeCriterionSchema>;

export const setReviewMembersSchema = z.object({
  ...reviewRef,
  serviceLineIds: idList("a service line"),
  scorerIds: idList("a scorer"),
});
export type SetReviewMembersInput = z.infer<typeof setReviewMembersSchema>;

const optionField = z.enum(PORTFOLIO_OPTIONS, { error: "Choose invest, divest, reposition or maintain" });

export const matrixSettingsSchema = z.object({
  ...reviewRef,
  clinicalName: requiredText("the clinical domain's name", 3, 80),
  economicName: requiredText("the economic domain's name", 3, 80),
  clinicalThreshold: wholeNumber("the clinical threshold", 0, 100),
  economicThreshold: wholeNumber("the economic threshold", 0, 100),
  sizeMeasure: z.enum(["BUDGET", "PATIENTS", "STAFF"], { error: "Choose budget, patients or staff" }),
  optionHighHigh: optionField,
  optionHighLow: optionField,
  optionLowHigh: optionField,
  optionLowLow: optionField,
});
export type MatrixSettingsInput = z.infer<typeof matrixSettingsSchema>;

export const reopenReviewSchema = z.object({
  ...reviewRef,
  reason: requiredText("the reason for re-opening the criteria", 10, 2000),
});
export type ReopenReviewInput = z.infer<typeof reopenReviewSchema>;

/**
 * One scorer's scores for one service line, as the form sends them: `score:<criterionId>`,
 * `rationale:<criterionId>` and `version:<criterionId>` (0 for a new score). Range checks
 * need the review's scale, so the use case does them, naming the same fields.
 */
export const recordScoresSchema = z
  .looseObject({ reviewId: uuidField("a review"), serviceLineId: uuidField("a service line") })
  .transform((raw, ctx) => {
    const entries: { criterionId: string; score: number | null; rationale?: string; version: number }[] = [];
    const ids = Object.keys(raw)
      .filter((k) => k.startsWith("score:"))
      .map((k) => k.slice("score:".length));
    if (ids.length > MAX_CRITERIA) {
      ctx.addIssue({ code: "custom", message: `A review has at most ${MAX_CRITERIA} criteria` });
      return z.NEVER;
    }
    for (const criterionId of ids) {
      if (!z.uuid().safeParse(criterionId).success) {
        ctx.addIssue({ code: "custom", path: [`score:${criterionId}`], message: "Unknown criterion" });
        continue;
      }
      const text = String(raw[`score:${criterionId}`] ?? "").trim();
      const rationale = String(raw[`rationale:${criterionId}`] ?? "").trim();
      const loaded = Number(raw[`version:${criterionId}`] ?? 0);
      if (!Number.isInteger(loaded) || loaded < 0) {
        ctx.addIssue({ code: "custom", path: [`score:${criterionId}`], message: "Reload the page and try again" });
        continue;
      }
      if (hasControlCharacter(rationale)) {
        ctx.addIssue({ code: "custom", path: [`rationale:${criterionId}`], message: CONTROL_CHARACTER_MESSAGE });
        continue;
      }
      if (rationale.length > 1000) {
        ctx.addIssue({
          code: "custom",
          path: [`rationale:${criterionId}`],
          message: "The rationale must be 1000 characters or fewer",
        });
        continue;
      }
      if (text === "") {
        entries.push({ criterionId, score: null, version: loaded });
        continue;
      }
      if (!/^-?\d+$/.test(text)) {
        ctx.addIssue({ code: "custom", path: [`score:${criterionId}`], message: "Enter the score as a whole number" });
        continue;
      }
      entries.push({ criterionId, score: Number(text), rationale: rationale || undefined, version: loaded });
    }
    return { reviewId: raw.reviewId, serviceLineId: raw.serviceLineId, entries };
  });
export type RecordScoresInput = z.infer<typeof recordScoresSchema>;

export const recordDecisionSchema = z.object({
  reviewId: uuidField("a review"),
  serviceLineId: uuidField("a service line"),
  option: optionField,
  rationale: requiredText("the rationale for the decision", 10, 4000),
  version: versionOrNew,
});
export type RecordDecisionInput = z.infer<typeof recordDecisionSchema>;

/** The scheme form's own fields, plus the decision it comes from. */
export const createSchemeFromDecisionSchema = createSchemeSchema.extend({
  decisionId: uuidField("a decision"),
  decisionVersion: version,
});
export type CreateSchemeFromDecisionInput = z.infer<typeof createSchemeFromDecisionSchema>;
