import { z } from "zod";
import { uuidField } from "@/lib/form-fields";
import { MAPPABLE_ROLES } from "./sso-group-rules";

/** No control characters, so an id cannot hide a line break or a NUL byte. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;

export const createSsoGroupRoleSchema = z.object({
  organisationId: uuidField("an organisation"),
  groupId: z
    .string({ error: "Enter the group's id" })
    .trim()
    .min(1, { message: "Enter the group's id", abort: true })
    .max(200, "The group's id must be 200 characters or fewer")
    .refine((v) => !CONTROL.test(v), "The group's id cannot contain control characters")
    .transform((v) => v.toLowerCase()),
  role: z.enum(MAPPABLE_ROLES, {
    error: "Choose finance (PMO), programme / scheme lead or board member; other roles are granted by hand",
  }),
});
export type CreateSsoGroupRoleInput = z.infer<typeof createSsoGroupRoleSchema>;

export const deleteSsoGroupRoleSchema = z.object({ ssoGroupRoleId: uuidField("a group mapping") });
export type DeleteSsoGroupRoleInput = z.infer<typeof deleteSsoGroupRoleSchema>;
