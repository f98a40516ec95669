import { z } from "zod";
import { optionalText, uuidField } from "@/lib/form-fields";
import { versionField } from "@/modules/programmes/programme-schemas";
import type { ProtectedCharacteristic } from "@/generated/prisma/enums";
import { CHARACTERISTIC_LABELS, PROTECTED_CHARACTERISTICS } from "./eia-rules";
import { addFieldIssue } from "./flat-fields";

/** Inputs of the EIA use cases. */

const assessmentRef = { assessmentId: uuidField("an assessment"), version: versionField };

export const startEiaSchema = z.object({ schemeId: uuidField("a scheme") });
export type StartEiaInput = z.infer<typeof startEiaSchema>;

const impactField = (c: ProtectedCharacteristic) =>
  z.enum(["POSITIVE", "NONE", "NEGATIVE"], {
    error: `Choose the impact on ${CHARACTERISTIC_LABELS[c].toLowerCase()}: positive, none or negative`,
  });

/** Screening: "impact.<CHARACTERISTIC>" (all nine) and an optional "note.<CHARACTERISTIC>". */
const screeningShape = Object.fromEntries(
  PROTECTED_CHARACTERISTICS.flatMap((c) => [
    [`impact.${c}`, impactField(c)],
    [`note.${c}`, optionalText(`the note on ${CHARACTERISTIC_LABELS[c].toLowerCase()}`, 2000)],
  ]),
) as Record<string, z.ZodType>;

export const saveEiaScreeningSchema = z.object({ ...assessmentRef, ...screeningShape }).transform((raw) => ({
  assessmentId: raw.assessmentId,
  version: raw.version,
  screening: PROTECTED_CHARACTERISTICS.map((characteristic) => ({
    characteristic,
    impact: (raw as Record<string, unknown>)[`impact.${characteristic}`] as "POSITIVE" | "NONE" | "NEGATIVE",
    note: ((raw as Record<string, unknown>)[`note.${characteristic}`] as string | undefined) ?? null,
  })),
}));
export type SaveEiaScreeningInput = z.infer<typeof saveEiaScreeningSchema>;

export const saveFullEiaSchema = z.object({
  ...assessmentRef,
  analysis: optionalText("the analysis", 8000),
  mitigations: optionalText("the mitigations", 8000),
  engagement: optionalText("the engagement", 8000),
});
export type SaveFullEiaInput = z.infer<typeof saveFullEiaSchema>;

export const eiaVersionSchema = z.object(assessmentRef);
export type EiaVersionInput = z.infer<typeof eiaVersionSchema>;

export const signEiaSchema = z
  .object({
    ...assessmentRef,
    outcome: z.enum(["APPROVED", "REJECTED"], { error: "Choose approve or reject" }),
    comment: optionalText("the comment", 4000),
  })
  .superRefine((value, ctx) => {
    if (value.outcome === "REJECTED" && !value.comment) addFieldIssue(ctx, "comment", "Say why the EIA is rejected");
  });
export type SignEiaInput = z.infer<typeof signEiaSchema>;
