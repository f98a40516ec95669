import { z } from "zod";
import { checkbox, optionalText, plainString, requiredText, uuidField } from "@/lib/form-fields";

export const ROLES = ["FINANCE", "LEAD", "CLINICAL_APPROVER", "BOARD", "ADMIN"] as const;
export const CLINICAL_CAPACITIES = ["MEDICAL", "NURSING"] as const;
export const FINANCE_CAPACITIES = ["DIRECTOR", "PMO"] as const;

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
    password: plainString({ error: "Enter a password" })
      .min(12, "Password must be at least 12 characters")
      .max(200, "Password must be 200 characters or fewer"),
  })
  .extend(roleFields.shape)
  .superRefine(checkCapacity);
export type CreateUserInput = z.infer<typeof createUserSchema>;

export const grantRoleSchema = roleFields.extend({ userId: uuidField("a user") }).superRefine(checkCapacity);
export type GrantRoleInput = z.infer<typeof grantRoleSchema>;

export const revokeRoleSchema = z.object({ membershipId: uuidField("a role") });
export type RevokeRoleInput = z.infer<typeof revokeRoleSchema>;
