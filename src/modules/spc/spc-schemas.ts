import { z } from "zod";
import { checkbox, requiredText, uuidField } from "@/lib/form-fields";
import { financialMonthField } from "@/modules/kpis/kpi-schemas";
import { financialYearField } from "@/modules/programmes/programme-schemas";
import { MIN_POINTS_FOR_FIRM_LIMITS } from "./xmr-limits";

/** The longest baseline accepted: 50 years of months, far beyond any series here. */
export const MAX_BASELINE_POINTS = 600;

export const spcSubjectField = z.enum(["KPI", "ORGANISATION_SAVINGS", "SYSTEM_SAVINGS"], {
  error: "Choose a chart",
});

const chartFields = {
  subject: spcSubjectField,
  subjectId: uuidField("a chart"),
};

/** Blank: all points. Otherwise a whole number of at least 12 (MDC: firm limits need 12). */
const baselineField = z
  .string()
  .trim()
  .optional()
  .transform((v, ctx) => {
    if (!v) return null;
    if (!/^\d+$/.test(v)) {
      ctx.addIssue({ code: "custom", message: "Enter a whole number of points, or leave blank to use all points" });
      return z.NEVER;
    }
    const n = Number(v);
    if (n < MIN_POINTS_FOR_FIRM_LIMITS || n > MAX_BASELINE_POINTS) {
      ctx.addIssue({
        code: "custom",
        message: `Enter between ${MIN_POINTS_FOR_FIRM_LIMITS} and ${MAX_BASELINE_POINTS} points, or leave blank to use all points`,
      });
      return z.NEVER;
    }
    return n;
  });

export const saveSpcSettingsSchema = z.object({
  ...chartFields,
  /** 0 when the chart still has its default settings (no row yet). */
  version: z.coerce.number({ error: "Reload the page and try again" }).int().min(0),
  screenMovingRanges: checkbox,
  baselinePoints: baselineField,
});
export type SaveSpcSettingsInput = z.infer<typeof saveSpcSettingsSchema>;

export const recordChangePointSchema = z.object({
  ...chartFields,
  financialYear: financialYearField,
  month: financialMonthField,
  reason: requiredText("the reason for the change", 3, 500),
});
export type RecordChangePointInput = z.infer<typeof recordChangePointSchema>;

export const removeChangePointSchema = z.object({
  changePointId: uuidField("a change point"),
  reason: requiredText("why the change point is removed", 3, 500),
});
export type RemoveChangePointInput = z.infer<typeof removeChangePointSchema>;
