"use client";

import { Button } from "@/components/ui/button";
import { FormStatus } from "@/components/ui/form-status";
import { useFormAction } from "@/components/forms/use-form-action";
import { grantRoleAction } from "../user-actions";
import { RoleFields } from "./role-fields";

export function GrantRoleForm({
  userId,
  organisations,
}: {
  userId: string;
  organisations: { id: string; name: string }[];
}) {
  const { state, formAction, pending, values, formKey } = useFormAction(grantRoleAction);
  return (
    <form key={formKey} action={formAction} noValidate>
      <FormStatus state={state} />
      <input type="hidden" name="userId" value={userId} />
      <RoleFields organisations={organisations} state={state} values={values} />
      <Button type="submit" disabled={pending}>
        Grant role
      </Button>
    </form>
  );
}
