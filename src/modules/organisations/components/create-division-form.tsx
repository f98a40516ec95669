"use client";

import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { FormStatus, fieldErrors } from "@/components/ui/form-status";
import { useFormAction } from "@/components/forms/use-form-action";
import { createDivisionAction } from "../organisation-actions";

export function CreateDivisionForm({ organisationId }: { organisationId: string }) {
  const { state, formAction, pending, values, formKey } = useFormAction(createDivisionAction);
  return (
    <form key={formKey} action={formAction} noValidate>
      <FormStatus state={state} />
      <input type="hidden" name="organisationId" value={organisationId} />
      <TextField name="name" label="Division name" defaultValue={values.name} errors={fieldErrors(state, "name")} />
      <Button type="submit" disabled={pending}>
        Add division
      </Button>
    </form>
  );
}
