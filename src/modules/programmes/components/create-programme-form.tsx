"use client";

import { Button } from "@/components/ui/button";
import { SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { FormStatus, fieldErrors } from "@/components/ui/form-status";
import { useFormAction } from "@/components/forms/use-form-action";
import { createProgrammeAction } from "../programme-actions";

export function CreateProgrammeForm({
  owners,
  themes,
}: {
  owners: { value: string; label: string }[];
  themes: string[];
}) {
  const { state, formAction, pending, values, formKey } = useFormAction(createProgrammeAction);
  return (
    <form key={formKey} action={formAction} noValidate>
      <FormStatus state={state} />
      <SelectField
        name="owner"
        label="Owned by"
        options={owners}
        defaultValue={values.owner}
        errors={fieldErrors(state, "owner")}
      />
      <TextField
        name="theme"
        label="Theme"
        hint={themes.length ? `For example: ${themes.slice(0, 3).join(", ")}` : "For example: Workforce"}
        defaultValue={values.theme}
        errors={fieldErrors(state, "theme")}
      />
      <TextField name="name" label="Programme name" defaultValue={values.name} errors={fieldErrors(state, "name")} />
      <TextAreaField
        name="objective"
        label="Objective"
        defaultValue={values.objective}
        errors={fieldErrors(state, "objective")}
      />
      <TextField
        name="sro"
        label="Senior responsible owner (optional)"
        defaultValue={values.sro}
        errors={fieldErrors(state, "sro")}
      />
      <Button type="submit" disabled={pending}>
        Create programme
      </Button>
    </form>
  );
}
