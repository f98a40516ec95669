import { z } from "zod";
import { checkbox, requiredText, uuidField } from "@/lib/form-fields";

export const createOrganisationSchema = z.object({
  name: requiredText("the organisation's name", 3, 200),
  code: z
    .string({ error: "Enter a short code" })
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9]{2,12}$/, "Use 2 to 12 letters or digits, for example LTH"),
  type: z.enum(["TRUST", "ICB"], { error: "Choose trust or ICB" }),
  systemId: uuidField("the system"),
});
export type CreateOrganisationInput = z.infer<typeof createOrganisationSchema>;

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
