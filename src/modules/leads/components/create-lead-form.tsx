"use client";

import { Button } from "@/components/ui/button";
import { FieldIdPrefix, SelectField, TextField } from "@/components/ui/field";
import { FormStatus, fieldErrors } from "@/components/ui/form-status";
import { useFormAction } from "@/components/forms/use-form-action";
import { createLeadAction } from "../lead-actions";

export function CreateLeadForm({ systemId, people }: { systemId: string; people: { id: string; name: string }[] }) {
  const { state, formAction, pending, values, formKey } = useFormAction(createLeadAction);
  return (
    <FieldIdPrefix value={`new-lead-${systemId}`}>
      <form key={formKey} action={formAction} noValidate>
        <FormStatus state={state} />
        <input type="hidden" name="systemId" value={systemId} />
        <TextField
          name="title"
          label="Role title"
          hint='As your plans write it, e.g. "DoF" or "Director of Service Development"'
          defaultValue={values.title}
          errors={fieldErrors(state, "title")}
        />
        <TextField
          name="description"
          label="What it stands for (optional)"
          hint='e.g. "Director of Finance"'
          defaultValue={values.description}
          errors={fieldErrors(state, "description")}
        />
        <SelectField
          name="userId"
          label="Person (optional)"
          placeholder="Not linked to anyone"
          options={people.map((p) => ({ value: p.id, label: p.name }))}
          defaultValue={values.userId ?? ""}
          errors={fieldErrors(state, "userId")}
        />
        <Button type="submit" disabled={pending}>
          Add lead
        </Button>
      </form>
    </FieldIdPrefix>
  );
}
