import { z } from "zod";
import { optionalText, requiredText, uuidField } from "@/lib/form-fields";

const optionalUserId = z
  .string()
  .optional()
  .transform((v) => v || undefined)
  .pipe(z.string().uuid("Choose a person from the list").optional());

export const createLeadSchema = z.object({
  systemId: uuidField("a system"),
  title: requiredText("the lead's role title", 2, 120),
  description: optionalText("description", 200),
  userId: optionalUserId,
});
export type CreateLeadInput = z.infer<typeof createLeadSchema>;

export const linkLeadSchema = z.object({ leadId: uuidField("a lead"), userId: optionalUserId });
export type LinkLeadInput = z.infer<typeof linkLeadSchema>;
