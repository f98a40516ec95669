"use client";

import { Button } from "@/components/ui/button";
import { FormStatus } from "@/components/ui/form-status";
import { useFormAction } from "@/components/forms/use-form-action";
import { requirePasswordChangeAction } from "../password-actions";

/** The administrator's "force a reset": ends the person's sessions; their next sign-in sets a new password. */
export function RequirePasswordChangeForm({ userId, name }: { userId: string; name: string }) {
  const { state, formAction, pending, formKey } = useFormAction(requirePasswordChangeAction);
  return (
    <form key={formKey} action={formAction} noValidate>
      <FormStatus state={state} />
      <p className="mb-4">
        Signs {name} out everywhere at once. At their next sign-in they must choose a new password before they can do
        anything else. Use it when a password may be known to someone else.
      </p>
      <input type="hidden" name="userId" value={userId} />
      <Button type="submit" disabled={pending}>
        Require a new password
      </Button>
    </form>
  );
}
