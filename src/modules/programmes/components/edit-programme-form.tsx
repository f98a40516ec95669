"use client";

import { Button } from "@/components/ui/button";
import { FieldIdPrefix, TextAreaField, TextField } from "@/components/ui/field";
import { FormStatus, fieldErrors } from "@/components/ui/form-status";
import { useFormAction } from "@/components/forms/use-form-action";
import { updateProgrammeAction } from "../programme-actions";

export function EditProgrammeForm({
  programme,
}: {
  programme: { id: string; version: number; theme: string; name: string; objective: string; sro: string | null };
}) {
  const { state, formAction, pending, values: submitted, formKey } = useFormAction(updateProgrammeAction);
  const values: Record<string, string | undefined> = {
    theme: programme.theme,
    name: programme.name,
    objective: programme.objective,
    sro: programme.sro ?? "",
    ...submitted,
  };
  return (
    <FieldIdPrefix value="edit-programme">
      <form key={`${formKey}-${programme.version}`} action={formAction} noValidate>
        <FormStatus state={state} />
        <input type="hidden" name="programmeId" value={programme.id} />
        <input type="hidden" name="version" value={String(state?.ok ? state.data.version : programme.version)} />
        <TextField name="theme" label="Theme" defaultValue={values.theme} errors={fieldErrors(state, "theme")} />
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
          Save programme
        </Button>
      </form>
    </FieldIdPrefix>
  );
}
