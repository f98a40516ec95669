import { z } from "zod";
import { dateField } from "@/lib/dates";
import {
  CONTROL_CHARACTER_MESSAGE,
  checkbox,
  hasControlCharacter,
  optionalText,
  requiredText,
  uuidField,
} from "@/lib/form-fields";
import { linesField, versionField } from "@/modules/programmes/programme-schemas";
import { addFieldIssue, groupFlatFields, parseRating, text } from "./flat-fields";

/** Inputs of the QIA use cases; forms and server actions share them. */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const IMPACTS = ["POSITIVE", "NONE", "NEGATIVE"] as const;
const assessmentRef = { assessmentId: uuidField("an assessment"), version: versionField };

export const startQiaSchema = z.object({ schemeId: uuidField("a scheme") });
export type StartQiaInput = z.infer<typeof startQiaSchema>;

export interface ScreeningRow {
  dimensionId: string;
  impact: (typeof IMPACTS)[number];
  likelihood: number;
  consequence: number;
}

/**
 * Screening: per dimension "impact.<id>", "likelihood.<id>", "consequence.<id>". A row left
 * wholly blank is not answered yet (screening can be saved part done); a row half filled is an
 * error on each missing field.
 */
export const saveQiaScreeningSchema = z.looseObject(assessmentRef).transform((raw, ctx) => {
  const answers: ScreeningRow[] = [];
  for (const [dimensionId, row] of groupFlatFields(raw, ["impact", "likelihood", "consequence"], UUID)) {
    const impact = text(row.impact);
    const likelihood = text(row.likelihood);
    const consequence = text(row.consequence);
    if (!impact && !likelihood && !consequence) continue;
    let ok = true;
    if (!IMPACTS.includes(impact as ScreeningRow["impact"])) {
      addFieldIssue(ctx, `impact.${dimensionId}`, "Choose the impact: positive, none or negative");
      ok = false;
    }
    const l = parseRating(likelihood, "likelihood");
    const c = parseRating(consequence, "consequence");
    if (!l.ok) addFieldIssue(ctx, `likelihood.${dimensionId}`, l.message);
    if (!c.ok) addFieldIssue(ctx, `consequence.${dimensionId}`, c.message);
    if (ok && l.ok && c.ok)
      answers.push({
        dimensionId,
        impact: impact as ScreeningRow["impact"],
        likelihood: l.value,
        consequence: c.value,
      });
  }
  return { assessmentId: raw.assessmentId, version: raw.version, answers };
});
export type SaveQiaScreeningInput = z.infer<typeof saveQiaScreeningSchema>;

export interface FullDimensionRow {
  dimensionId: string;
  description: string | null;
  mitigations: string | null;
  residualLikelihood: number | null;
  residualConsequence: number | null;
}

export interface IndicatorRow {
  /** The row's number in the form, so an error names the right field. */
  index: number;
  /** The KPI being changed; absent for a new indicator. */
  id: string | null;
  remove: boolean;
  name: string;
  unit: string;
  direction: "HIGHER_IS_BETTER" | "LOWER_IS_BETTER";
  baseline: string | null;
  target: string | null;
}

const KPI_VALUE = /^-?\d{1,14}(\.\d{1,4})?$/;
const longText = (value: string, max: number, field: string, label: string, ctx: z.RefinementCtx) => {
  if (hasControlCharacter(value)) addFieldIssue(ctx, field, CONTROL_CHARACTER_MESSAGE);
  else if (value.length > max) addFieldIssue(ctx, field, `${label} must be ${max} characters or fewer`);
  return value || null;
};

function fullDimensions(raw: Record<string, unknown>, ctx: z.RefinementCtx): FullDimensionRow[] {
  const rows: FullDimensionRow[] = [];
  for (const [dimensionId, row] of groupFlatFields(
    raw,
    ["description", "mitigations", "residualLikelihood", "residualConsequence"],
    UUID,
  )) {
    const rl = text(row.residualLikelihood);
    const rc = text(row.residualConsequence);
    let residualLikelihood: number | null = null;
    let residualConsequence: number | null = null;
    // Both residual ratings or neither: a residual score needs the pair.
    if (rl || rc) {
      const l = parseRating(rl, "residual likelihood");
      const c = parseRating(rc, "residual consequence");
      if (l.ok) residualLikelihood = l.value;
      else addFieldIssue(ctx, `residualLikelihood.${dimensionId}`, l.message);
      if (c.ok) residualConsequence = c.value;
      else addFieldIssue(ctx, `residualConsequence.${dimensionId}`, c.message);
    }
    rows.push({
      dimensionId,
      description: longText(text(row.description), 8000, `description.${dimensionId}`, "The impact description", ctx),
      mitigations: longText(text(row.mitigations), 8000, `mitigations.${dimensionId}`, "The mitigations", ctx),
      residualLikelihood,
      residualConsequence,
    });
  }
  return rows;
}

/** Indicator rows "indicators.<n>.<field>"; a new row left blank is ignored. */
function indicators(raw: Record<string, unknown>, ctx: z.RefinementCtx): IndicatorRow[] {
  const flat: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(raw)) {
    const match = /^indicators\.(\d{1,3})\.(id|remove|name|unit|direction|baseline|target)$/.exec(name);
    if (match) flat[`${match[2]}.${match[1]}`] = value;
  }
  const rows: IndicatorRow[] = [];
  const grouped = [
    ...groupFlatFields(flat, ["id", "remove", "name", "unit", "direction", "baseline", "target"], /^\d{1,3}$/),
  ].sort((a, b) => Number(a[0]) - Number(b[0]));
  for (const [n, row] of grouped) {
    const field = (f: string) => `indicators.${n}.${f}`;
    const id = text(row.id) || null;
    if (id && !UUID.test(id)) {
      addFieldIssue(ctx, field("name"), "Reload the page and try again");
      continue;
    }
    const remove = checkbox.safeParse(row.remove).data ?? false;
    const [name, unit, direction, baseline, target] = [
      text(row.name),
      text(row.unit),
      text(row.direction),
      text(row.baseline),
      text(row.target),
    ];
    if (!id && !name && !unit && !baseline && !target) continue;
    if (id && remove) {
      rows.push({
        index: Number(n),
        id,
        remove: true,
        name,
        unit,
        direction: "HIGHER_IS_BETTER",
        baseline: null,
        target: null,
      });
      continue;
    }
    let ok = true;
    const problem = (f: string, message: string) => {
      addFieldIssue(ctx, field(f), message);
      ok = false;
    };
    if (hasControlCharacter(name)) problem("name", CONTROL_CHARACTER_MESSAGE);
    else if (name.length < 3) problem("name", "Enter the indicator's name (at least 3 characters)");
    else if (name.length > 300) problem("name", "The indicator's name must be 300 characters or fewer");
    if (hasControlCharacter(unit)) problem("unit", CONTROL_CHARACTER_MESSAGE);
    else if (!unit) problem("unit", "Enter the unit, e.g. %, count or days");
    else if (unit.length > 20) problem("unit", "The unit must be 20 characters or fewer");
    if (direction !== "HIGHER_IS_BETTER" && direction !== "LOWER_IS_BETTER")
      problem("direction", "Choose whether higher or lower is better");
    if (baseline && !KPI_VALUE.test(baseline))
      problem("baseline", "Enter the baseline as a number with at most 4 decimal places, e.g. 12.5");
    if (target && !KPI_VALUE.test(target))
      problem("target", "Enter the target as a number with at most 4 decimal places, e.g. 12.5");
    if (ok)
      rows.push({
        index: Number(n),
        id,
        remove: false,
        name,
        unit,
        direction: direction as IndicatorRow["direction"],
        baseline: baseline || null,
        target: target || null,
      });
  }
  if (rows.length > 30) addFieldIssue(ctx, "indicators", "At most 30 quality indicators");
  return rows;
}

const optionalDate = z
  .string()
  .optional()
  .transform((v) => (v ?? "").trim() || undefined)
  .pipe(dateField("the post-implementation review date").optional());

/**
 * The full QIA: per dimension above the threshold its impact description, mitigations and
 * residual score; the impact summary, the review date and the quality indicators. Saving may
 * be partial; completeness is checked when the QIA goes for sign-off.
 */
export const saveFullQiaSchema = z
  .looseObject({ ...assessmentRef, impactSummary: optionalText("the impact summary", 8000) })
  .transform((raw, ctx) => {
    // Parsed here rather than in the object so its error comes with the rows' errors, all at once.
    const reviewDate = optionalDate.safeParse(raw.reviewDate);
    if (!reviewDate.success)
      addFieldIssue(ctx, "reviewDate", reviewDate.error.issues[0]?.message ?? "Enter the review date as a date");
    return {
      assessmentId: raw.assessmentId,
      version: raw.version,
      impactSummary: raw.impactSummary ?? null,
      reviewDate: reviewDate.data ?? null,
      dimensions: fullDimensions(raw, ctx),
      indicators: indicators(raw, ctx),
    };
  });
export type SaveFullQiaInput = z.infer<typeof saveFullQiaSchema>;

export const qiaVersionSchema = z.object(assessmentRef);
export type QiaVersionInput = z.infer<typeof qiaVersionSchema>;

export const signQiaSchema = z
  .object({
    ...assessmentRef,
    capacity: z.enum(["MEDICAL", "NURSING"], { error: "Choose the capacity you sign in: medical or nursing" }),
    outcome: z.enum(["APPROVED", "APPROVED_WITH_CONDITIONS", "REJECTED"], { error: "Choose the outcome" }),
    comment: optionalText("the comment", 4000),
    conditions: linesField("conditions", 20, 500),
  })
  .superRefine((value, ctx) => {
    if (value.outcome === "APPROVED_WITH_CONDITIONS" && value.conditions.length === 0)
      addFieldIssue(ctx, "conditions", "List the conditions, one a line");
    if (value.outcome !== "APPROVED_WITH_CONDITIONS" && value.conditions.length > 0)
      addFieldIssue(ctx, "conditions", "Conditions go with the outcome “approved with conditions”");
    if (value.outcome === "REJECTED" && !value.comment) addFieldIssue(ctx, "comment", "Say why the QIA is rejected");
  });
export type SignQiaInput = z.infer<typeof signQiaSchema>;

export const markConditionMetSchema = z.object({
  conditionId: uuidField("a condition"),
  note: requiredText("how the condition was met", 3, 2000),
});
export type MarkConditionMetInput = z.infer<typeof markConditionMetSchema>;

export const recordQiaReviewSchema = z.object({
  ...assessmentRef,
  findings: requiredText("the review's findings", 3, 8000),
  reopen: checkbox,
});
export type RecordQiaReviewInput = z.infer<typeof recordQiaReviewSchema>;

export const recordCommitteeOverrideSchema = z.object({
  ...assessmentRef,
  reason: requiredText("the quality committee's decision and reason", 10, 4000),
});
export type RecordCommitteeOverrideInput = z.infer<typeof recordCommitteeOverrideSchema>;
