import { z } from "zod";
import { uuidField } from "@/lib/form-fields";
import { financialYearField, versionField } from "@/modules/programmes/programme-schemas";

/** A KPI value: a finite decimal with at most 4 decimal places (the column's scale). */
export const kpiValueField = z
  .string({ error: "Enter a number" })
  .trim()
  .min(1, "Enter a number")
  .regex(/^-?\d{1,14}(\.\d{1,4})?$/, "Enter a number with at most 4 decimal places, e.g. 12.5");

/** A financial month, 1 (April) to 12 (March), from a select. */
export const financialMonthField = z.coerce
  .number({ error: "Choose a month" })
  .int("Choose a month")
  .min(1, "Choose a month")
  .max(12, "Choose a month");

export const recordKpiActualSchema = z.object({
  kpiId: uuidField("a KPI"),
  version: versionField,
  financialYear: financialYearField,
  month: financialMonthField,
  actual: kpiValueField,
});
export type RecordKpiActualInput = z.infer<typeof recordKpiActualSchema>;
