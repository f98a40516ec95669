"use client";

import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { FormStatus, fieldErrors } from "@/components/ui/form-status";
import { useFormAction } from "@/components/forms/use-form-action";
import { RowActionButton } from "@/components/forms/row-action-button";
import { createSsoGroupRoleAction, deleteSsoGroupRoleAction } from "../sso-group-actions";

export function MapGroupForm({
  organisationId,
  roles,
}: {
  organisationId: string;
  roles: { value: string; label: string }[];
}) {
  const { state, formAction, pending, values, formKey } = useFormAction(createSsoGroupRoleAction);
  return (
    <form key={formKey} action={formAction} noValidate>
      <FormStatus state={state} />
      <input type="hidden" name="organisationId" value={organisationId} />
      <TextField
        name="groupId"
        label="Group id"
        hint="The group's object id in Microsoft Entra ID (as sent in the ID token's groups claim)."
        defaultValue={values.groupId}
        errors={fieldErrors(state, "groupId")}
        autoComplete="off"
        spellCheck={false}
      />
      <SelectField
        name="role"
        label="Role"
        options={roles}
        placeholder="Choose a role"
        defaultValue={values.role}
        errors={fieldErrors(state, "role")}
      />
      <Button type="submit" disabled={pending}>
        Map group
      </Button>
    </form>
  );
}

export function RemoveMappingButton({ id, description }: { id: string; description: string }) {
  return (
    <RowActionButton
      action={deleteSsoGroupRoleAction}
      record={{ name: "ssoGroupRoleId", value: id }}
      label="Remove"
      what={description}
    />
  );
}
