import { z } from "zod";
import { checkbox, optionalText, requiredText, uuidField } from "@/lib/form-fields";
import { newPasswordField, newPasswordProblem } from "./password-schemas";
import { CLINICAL_CAPACITIES, FINANCE_CAPACITIES, ROLES } from "./user-roles";

export { CLINICAL_CAPACITIES, FINANCE_CAPACITIES, ROLES };

const roleFields = z.object({
  organisationId: uuidField("an organisation"),
  role: z.enum(ROLES, { error: "Choose a role" }),
  clinicalCapacity: z
    .union([z.enum(CLINICAL_CAPACITIES), z.literal("")], { error: "Choose medical or nursing" })
    .optional()
    .transform((v) => (v ? v : undefined)),
  financeCapacity: z
    .union([z.enum(FINANCE_CAPACITIES), z.literal("")], { error: "Choose finance director or PMO" })
    .optional()
    .transform((v) => (v ? v : undefined)),
  systemWide: checkbox,
});

/** A clinical approver signs as medical or nursing; no other role carries a capacity. */
function checkCapacity(value: z.infer<typeof roleFields>, ctx: z.RefinementCtx) {
  if (value.role === "CLINICAL_APPROVER" && !value.clinicalCapacity) {
    ctx.addIssue({
      code: "custom",
      path: ["clinicalCapacity"],
      message: "Choose whether this clinical approver signs as medical or nursing",
    });
  }
  if (value.role !== "CLINICAL_APPROVER" && value.clinicalCapacity) {
    ctx.addIssue({
      code: "custom",
      path: ["clinicalCapacity"],
      message: "Only a clinical approver signs as medical or nursing",
    });
  }
  if (value.role !== "FINANCE" && value.financeCapacity) {
    ctx.addIssue({
      code: "custom",
      path: ["financeCapacity"],
      message: "Only a finance role is the finance director's or the PMO's",
    });
  }
}

export const createUserSchema = z
  .object({
    name: requiredText("the person's name", 2, 120),
    email: z
      .string({ error: "Enter an email address" })
      .trim()
      .toLowerCase()
      .max(254, "Email must be 254 characters or fewer")
      .pipe(z.email("Enter an email address like name@nhs.net")),
    jobTitle: optionalText("job title", 120),
    password: newPasswordField(),
  })
  .extend(roleFields.shape)
  .superRefine(checkCapacity)
  .superRefine((value, ctx) => {
    // A password made of the person's own name or email is easy to guess (NCSC).
    if (newPasswordProblem(value.password)) return; // already said at the field
    const personal = newPasswordProblem(value.password, [value.name, value.email]);
    if (personal) ctx.addIssue({ code: "custom", path: ["password"], message: personal });
  });
export type CreateUserInput = z.infer<typeof createUserSchema>;

export const grantRoleSchema = roleFields.extend({ userId: uuidField("a user") }).superRefine(checkCapacity);
export type GrantRoleInput = z.infer<typeof grantRoleSchema>;

export const revokeRoleSchema = z.object({ membershipId: uuidField("a role") });
export type RevokeRoleInput = z.infer<typeof revokeRoleSchema>;
