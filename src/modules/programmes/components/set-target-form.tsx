"use client";

import { Button } from "@/components/ui/button";
import { FieldIdPrefix, SelectField, TextField } from "@/components/ui/field";
import { FormStatus, fieldErrors } from "@/components/ui/form-status";
import { useFormAction } from "@/components/forms/use-form-action";
import { setProgrammeTargetAction } from "../programme-actions";

export function SetTargetForm({
  programmeId,
  years,
  defaultYear,
}: {
  programmeId: string;
  years: { value: string; label: string }[];
  /** Preselected until the user chooses: the current financial year ("2026/27"). */
  defaultYear: string;
}) {
  const { state, formAction, pending, values, formKey } = useFormAction(setProgrammeTargetAction);
  return (
    <FieldIdPrefix value="target">
      <form key={formKey} action={formAction} noValidate>
        <FormStatus state={state} />
        <input type="hidden" name="programmeId" value={programmeId} />
        <SelectField
          name="financialYear"
          label="Financial year"
          options={years}
          defaultValue={values.financialYear ?? defaultYear}
          errors={fieldErrors(state, "financialYear")}
        />
        <TextField
          name="target"
          label="Savings target in £"
          inputMode="decimal"
          hint="For example 1,250,000"
          defaultValue={values.target}
          errors={fieldErrors(state, "target")}
        />
        <Button type="submit" disabled={pending}>
          Save target
        </Button>
      </form>
    </FieldIdPrefix>
  );
}
