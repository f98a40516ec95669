import { z } from "zod";
import { env } from "@/env";
import { plainString, uuidField } from "@/lib/form-fields";
import { PASSWORD_MAX_LENGTH, passwordProblem } from "./password-rules";

/** A new password: the NCSC rules of password-rules.ts, with the demo's password allowed only in the demo. */
export const newPasswordField = () =>
  plainString({ error: "Enter a password" }).superRefine((password, ctx) => {
    const problem = newPasswordProblem(password);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });

/** The rules with this deployment's setting; `userInputs` (the person's name and email) where known. */
export function newPasswordProblem(password: string, userInputs: string[] = []): string | null {
  return passwordProblem(password, { demoPasswordAllowed: env().DEMO_DATA, userInputs });
}

const SAME_AS_CURRENT = "Choose a password different from your current one";

export const changePasswordSchema = z
  .object({
    currentPassword: plainString({ error: "Enter your current password" })
      .min(1, "Enter your current password")
      .max(PASSWORD_MAX_LENGTH, "Enter your current password"),
    newPassword: newPasswordField(),
    confirmPassword: plainString({ error: "Enter the new password again" }).min(1, "Enter the new password again"),
  })
  .superRefine((value, ctx) => {
    if (value.confirmPassword !== value.newPassword) {
      ctx.addIssue({ code: "custom", path: ["confirmPassword"], message: "The two new passwords are not the same" });
    }
    if (value.newPassword === value.currentPassword) {
      ctx.addIssue({ code: "custom", path: ["newPassword"], message: SAME_AS_CURRENT });
    }
  });
export type ChangePasswordInput = z.infer<typeof changePasswordSchema>;

export const requirePasswordChangeSchema = z.object({ userId: uuidField("a user") });
export type RequirePasswordChangeInput = z.infer<typeof requirePasswordChangeSchema>;
