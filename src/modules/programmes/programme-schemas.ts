import { z } from "zod";
import { optionalText, plainString, requiredText, uuidField } from "@/lib/form-fields";
import { parsePounds } from "@/lib/money";
import { safeParseFinancialYear } from "@/lib/financial-year";
import { isInYearRange, outOfRangeMessage } from "@/lib/financial-year-range";
import { configuredYearRange } from "@/server/financial-year-range";

/** Optimistic concurrency: the version the user loaded. */
export const versionField = z.coerce.number({ error: "Reload the page and try again" }).int().min(1);

/** Money typed in pounds ("£1,200,000.50") -> integer pence, exact; never negative here. */
function penceFrom(label: string, text: string, ctx: z.RefinementCtx): number | typeof z.NEVER {
  const parsed = parsePounds(text);
  if (!parsed.ok) {
    ctx.addIssue({ code: "custom", message: parsed.error });
    return z.NEVER;
  }
  if (parsed.pence < 0) {
    ctx.addIssue({ code: "custom", message: `The ${label} cannot be negative` });
    return z.NEVER;
  }
  return parsed.pence;
}

/** `label` reads inside a sentence: "savings target". */
export const poundsField = (label: string) =>
  z
    .string({ error: `Enter the ${label}` })
    .trim()
    .min(1, `Enter the ${label}`)
    .transform((text, ctx) => penceFrom(label, text, ctx));

export const optionalPoundsField = (label: string) =>
  z
    .string()
    .optional()
    .transform((text, ctx) => (text?.trim() ? penceFrom(label, text, ctx) : undefined));

/** A financial year typed or chosen ("2016/17"), within the service's year range. */
export const financialYearField = z.string({ error: "Choose a financial year" }).transform((text, ctx) => {
  const parsed = safeParseFinancialYear(text);
  if (!parsed.ok) {
    ctx.addIssue({ code: "custom", message: parsed.error });
    return z.NEVER;
  }
  const range = configuredYearRange();
  if (!isInYearRange(parsed.value, range)) {
    ctx.addIssue({
      code: "custom",
      message: `${outOfRangeMessage(parsed.value, range)}. Choose a year in that range.`,
    });
    return z.NEVER;
  }
  return parsed.value;
});

/** One item per line, blank lines dropped. */
export const linesField = (label: string, maxItems: number, maxLength: number) =>
  plainString()
    .optional()
    .transform((text) =>
      (text ?? "")
        .split(/\r?\n/)
        .map((l) => l.trim())
        .filter(Boolean),
    )
    .pipe(
      z
        .array(z.string().max(maxLength, `Each line of ${label} must be ${maxLength} characters or fewer`))
        .max(maxItems, `At most ${maxItems} lines of ${label}`),
    );

const programmeFields = {
  theme: requiredText("a theme", 2, 120),
  name: requiredText("the programme's name", 3, 200),
  objective: requiredText("the objective", 3, 4000),
  sro: optionalText("SRO", 200),
};

/** owner: an organisation id, or "system:<systemId>" for a programme of the whole system. */
export const createProgrammeSchema = z.object({
  owner: z
    .string({ error: "Choose who owns the programme" })
    .regex(/^(system:)?[0-9a-f-]{36}$/i, "Choose who owns the programme"),
  ...programmeFields,
});
export type CreateProgrammeInput = z.infer<typeof createProgrammeSchema>;

export const updateProgrammeSchema = z.object({
  programmeId: uuidField("a programme"),
  version: versionField,
  ...programmeFields,
});
export type UpdateProgrammeInput = z.infer<typeof updateProgrammeSchema>;

export const setProgrammeTargetSchema = z.object({
  programmeId: uuidField("a programme"),
  financialYear: financialYearField,
  target: poundsField("savings target"),
});
export type SetProgrammeTargetInput = z.infer<typeof setProgrammeTargetSchema>;

const workstreamFields = {
  name: requiredText("the workstream's name", 3, 200),
  vision: optionalText("vision", 4000),
  caseForChange: optionalText("case for change", 8000),
  objectives: linesField("objectives", 30, 1000),
  sro: optionalText("SRO", 200),
  deliveryLeads: linesField("delivery leads", 10, 200),
  baseline: optionalPoundsField("baseline"),
  target: optionalPoundsField("savings target"),
};

export const createWorkstreamSchema = z.object({ programmeId: uuidField("a programme"), ...workstreamFields });
export type CreateWorkstreamInput = z.infer<typeof createWorkstreamSchema>;

export const updateWorkstreamSchema = z.object({
  workstreamId: uuidField("a workstream"),
  version: versionField,
  ...workstreamFields,
});
export type UpdateWorkstreamInput = z.infer<typeof updateWorkstreamSchema>;
