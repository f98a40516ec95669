import { z } from "zod";
import { PROGRAMME_TYPES } from "@/modules/organisations/programme-types";
import { checkbox, optionalText, requiredText, uuidField } from "@/lib/form-fields";
import { financialYearField, poundsField, versionField } from "@/modules/programmes/programme-schemas";

const optionalUuid = (what: string) =>
  z
    .string()
    .optional()
    .transform((v) => v || undefined)
    .pipe(z.string().uuid(`Choose ${what} from the list`).optional());

/** Whole-time equivalents to two decimal places; negative means posts added. */
const wteField = (label: string) =>
  z
    .string()
    .optional()
    .transform((v) => (v ?? "").trim() || "0")
    .pipe(
      z
        .string()
        .regex(
          /^-?\d{1,5}(\.\d{1,2})?$/,
          `Enter the ${label} as a number of WTE with at most 2 decimal places, e.g. 4.5`,
        ),
    );

const schemeFields = z.object({
  title: requiredText("a title", 3, 200),
  description: requiredText("a description", 3, 8000),
  divisionId: optionalUuid("a division"),
  workstreamId: optionalUuid("a workstream"),
  leadId: optionalUuid("a lead"),
  category: z.enum(["PAY", "NON_PAY", "INCOME"], { error: "Choose pay, non-pay or income" }),
  subCategory: optionalText("sub-category", 60),
  recurrent: z.enum(["true", "false"], { error: "Say whether the saving is recurrent" }).transform((v) => v === "true"),
  cashReleasing: checkbox,
  financialYear: financialYearField,
  fullYearEffect: poundsField("full-year effect"),
  inYearValue: poundsField("in-year value"),
  startMonth: z
    .string()
    .optional()
    .transform((v) => (v ? Number(v) : undefined))
    .pipe(z.number().int().min(1, "Choose a start month").max(12, "Choose a start month").optional()),
  wteSubstantive: wteField("substantive WTE change"),
  wteBank: wteField("bank WTE change"),
  wteAgency: wteField("agency WTE change"),
  rag: z
    .union([z.enum(["RED", "AMBER", "GREEN"]), z.literal("")], { error: "Choose red, amber or green" })
    .optional()
    .transform((v) => v || undefined),
});

export const createSchemeSchema = schemeFields.extend({
  organisationId: uuidField("an organisation"),
  /** CIP or QIPP where the organisation holds both (delegated QIPP); absent = its own programme. */
  programmeType: z
    .union([z.enum(PROGRAMME_TYPES), z.literal("")], { error: "Choose CIP or QIPP" })
    .optional()
    .transform((v) => v || undefined),
});
export type CreateSchemeInput = z.infer<typeof createSchemeSchema>;

export const updateSchemeSchema = schemeFields.extend({ schemeId: uuidField("a scheme"), version: versionField });
export type UpdateSchemeInput = z.infer<typeof updateSchemeSchema>;
export type SchemeFieldsInput = z.infer<typeof schemeFields>;
