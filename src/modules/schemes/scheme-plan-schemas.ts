import { z } from "zod";
import { optionalText, requiredText, uuidField } from "@/lib/form-fields";
import { ACTIVITY_STATUSES } from "@/modules/activities/activity-status";
import { kpiValueField } from "@/modules/kpis/kpi-schemas";

/** Milestones and KPIs of a scheme: what gateway 2 asks for besides the plan. */

const optionalDate = z
  .string()
  .optional()
  .transform((v) => v || undefined)
  .pipe(z.iso.date("Enter the due date as a date, e.g. 2025-09-30").optional());

export const addMilestoneSchema = z.object({
  schemeId: uuidField("a scheme"),
  description: requiredText("the milestone", 3, 300),
  dueDate: optionalDate,
});
export type AddMilestoneInput = z.infer<typeof addMilestoneSchema>;

export const setMilestoneStatusSchema = z.object({
  milestoneId: uuidField("a milestone"),
  status: z.enum(ACTIVITY_STATUSES, { error: "Choose a status" }),
});
export type SetMilestoneStatusInput = z.infer<typeof setMilestoneStatusSchema>;

const optionalKpiValue = z
  .string()
  .optional()
  .transform((v) => (v ?? "").trim() || undefined)
  .pipe(kpiValueField.optional());

export const addSchemeKpiSchema = z.object({
  schemeId: uuidField("a scheme"),
  name: requiredText("the KPI's name", 3, 300),
  unit: requiredText("the unit, e.g. %, £, count or days", 1, 20),
  direction: z.enum(["HIGHER_IS_BETTER", "LOWER_IS_BETTER"], { error: "Say whether higher or lower is better" }),
  baseline: optionalKpiValue,
  target: optionalKpiValue,
  targetNote: optionalText("target note", 500),
});
export type AddSchemeKpiInput = z.infer<typeof addSchemeKpiSchema>;
