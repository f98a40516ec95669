import { z } from "zod";
import { safeParseTimescale } from "@/lib/financial-year";
import { plainString, requiredText, uuidField } from "@/lib/form-fields";
import { linesField, versionField } from "@/modules/programmes/programme-schemas";
import { ACTIVITY_STATUSES } from "./activity-status";

export const timescaleField = z.string({ error: "Enter a timescale" }).transform((text, ctx) => {
  const parsed = safeParseTimescale(text);
  if (!parsed.ok) {
    ctx.addIssue({ code: "custom", message: parsed.error });
    return z.NEVER;
  }
  return parsed.value;
});

const statusField = z.enum(ACTIVITY_STATUSES, { error: "Choose a status" });

/** Lead ids from a multi-select or checkboxes: one value or several. */
const leadIdsField = z
  .union([z.string(), z.array(z.string())], { error: "Choose at least one lead" })
  .transform((v) => (Array.isArray(v) ? v : [v]).filter(Boolean))
  .pipe(
    z
      .array(z.string().uuid("Choose leads from the list"))
      .min(1, "Choose at least one lead")
      .max(10, "At most 10 leads"),
  );

export const createActivitySchema = z.object({
  programmeId: uuidField("a programme"),
  workstreamId: z
    .string()
    .optional()
    .transform((v) => v || undefined)
    .pipe(z.string().uuid("Choose a workstream").optional()),
  number: plainString()
    .trim()
    .max(12, "Number must be 12 characters or fewer")
    .regex(/^[0-9A-Za-z.]*$/, "Use digits, letters and dots only, e.g. 3 or 1.2")
    .optional()
    .transform((v) => v || undefined),
  description: requiredText("a description", 3, 4000),
  timescale: timescaleField,
  leadIds: leadIdsField,
  status: statusField.default("NOT_STARTED"),
  deliverables: linesField("deliverables", 20, 1000),
});
export type CreateActivityInput = z.infer<typeof createActivitySchema>;

/** What a lead may change on their own activity. */
export const updateActivityProgressSchema = z.object({
  activityId: uuidField("an activity"),
  version: versionField,
  status: statusField,
  deliverables: linesField("deliverables", 20, 1000),
});
export type UpdateActivityProgressInput = z.infer<typeof updateActivityProgressSchema>;
