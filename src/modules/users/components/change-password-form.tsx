"use client";

import Link from "next/link";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { FormStatus, fieldErrors } from "@/components/ui/form-status";
import { useFormAction } from "@/components/forms/use-form-action";
import { changePasswordAction } from "../password-actions";

const NEW_PASSWORD_HINT =
  "At least 12 characters. No capitals, numbers or symbols are needed: three or four random words work well. Do not use a password you use anywhere else.";

/** Current password, new password twice. After a required change, `continueTo` links on into the app. */
export function ChangePasswordForm({ continueTo }: { continueTo?: string }) {
  const { state, formAction, pending, formKey } = useFormAction(changePasswordAction);
  return (
    <form key={formKey} action={formAction} noValidate>
      <FormStatus state={state} />
      {state?.ok && continueTo && (
        <p className="mb-4">
          <Link href={continueTo} className="font-semibold">
            Continue to Recovery Tracker
          </Link>
        </p>
      )}
      <TextField
        name="currentPassword"
        label="Current password"
        type="password"
        autoComplete="current-password"
        errors={fieldErrors(state, "currentPassword")}
      />
      <TextField
        name="newPassword"
        label="New password"
        type="password"
        autoComplete="new-password"
        hint={NEW_PASSWORD_HINT}
        errors={fieldErrors(state, "newPassword")}
      />
      <TextField
        name="confirmPassword"
        label="New password again"
        type="password"
        autoComplete="new-password"
        errors={fieldErrors(state, "confirmPassword")}
      />
      <Button type="submit" disabled={pending}>
        Change password
      </Button>
    </form>
  );
}
