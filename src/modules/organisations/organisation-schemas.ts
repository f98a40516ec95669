import { z } from "zod";
import { checkbox, plainString, requiredText, uuidField } from "@/lib/form-fields";
import { ORGANISATION_KINDS, normaliseOdsCode, odsCodeError } from "./organisation-kinds";

const shortCode = plainString({ error: "Enter a short code" })
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9]{2,12}$/, "Use 2 to 12 letters or digits, for example LTH");

const odsCodeText = plainString({ error: "Enter the organisation's ODS code" }).transform(normaliseOdsCode);

export const createOrganisationSchema = z
  .object({
    name: requiredText("the organisation's name", 3, 200),
    code: shortCode,
    odsCode: odsCodeText,
    kind: z.enum(ORGANISATION_KINDS, { error: "Choose the kind of organisation" }),
    systemId: uuidField("the system"),
  })
  .superRefine((input, ctx) => {
    const error = odsCodeError(input.kind, input.odsCode);
    if (error) ctx.addIssue({ code: "custom", path: ["odsCode"], message: error });
  });
export type CreateOrganisationInput = z.infer<typeof createOrganisationSchema>;

/** A new integrated care system: its name and its ICB (issue 11 item 2). */
export const createSystemSchema = z
  .object({
    name: requiredText("the system's name", 3, 200),
    icbName: requiredText("the ICB's name", 3, 200),
    icbCode: shortCode,
    icbOdsCode: odsCodeText,
  })
  .superRefine((input, ctx) => {
    const error = odsCodeError("ICB", input.icbOdsCode);
    if (error) ctx.addIssue({ code: "custom", path: ["icbOdsCode"], message: error });
  });
export type CreateSystemInput = z.infer<typeof createSystemSchema>;

export const createDivisionSchema = z.object({
  organisationId: uuidField("the organisation"),
  name: requiredText("the division's name", 2, 120),
});
export type CreateDivisionInput = z.infer<typeof createDivisionSchema>;

export const setDelegatedQippSchema = z.object({
  organisationId: uuidField("the organisation"),
  holdsDelegatedQipp: checkbox,
});
export type SetDelegatedQippInput = z.infer<typeof setDelegatedQippSchema>;
