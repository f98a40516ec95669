import { z } from "zod";
import { plainString, uuidField } from "@/lib/form-fields";
import { MAPPABLE_ROLES } from "./sso-group-rules";

/** No control characters and no line breaks, so an id cannot hide a NUL byte or a new line. */
const LINE_BREAK = /[\r\n\t]/;

export const createSsoGroupRoleSchema = z.object({
  organisationId: uuidField("an organisation"),
  groupId: plainString({ error: "Enter the group's id" })
    .trim()
    .min(1, { message: "Enter the group's id", abort: true })
    .max(200, "The group's id must be 200 characters or fewer")
    .refine((v) => !LINE_BREAK.test(v), "The group's id cannot contain line breaks or tabs")
    .transform((v) => v.toLowerCase()),
  role: z.enum(MAPPABLE_ROLES, {
    error: "Choose finance (PMO), programme / scheme lead or board member; other roles are granted by hand",
  }),
});
export type CreateSsoGroupRoleInput = z.infer<typeof createSsoGroupRoleSchema>;

export const deleteSsoGroupRoleSchema = z.object({ ssoGroupRoleId: uuidField("a group mapping") });
export type DeleteSsoGroupRoleInput = z.infer<typeof deleteSsoGroupRoleSchema>;
