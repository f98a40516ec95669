"use client";

import { Button } from "@/components/ui/button";
import { FieldIdPrefix, SelectField, TextField } from "@/components/ui/field";
import { FormStatus, fieldErrors } from "@/components/ui/form-status";
import { useFormAction } from "@/components/forms/use-form-action";
import { setSavingsTargetAction } from "../financials-actions";

/** Finance sets the organisation's savings target for a financial year (replacing any earlier one). */
export function SavingsTargetForm({
  organisationId,
  years,
  defaultYear,
  programmeTypes,
}: {
  organisationId: string;
  years: { value: string; label: string }[];
  defaultYear: string;
  /** The programme types the organisation holds; a choice is offered only when it holds both. */
  programmeTypes: { value: string; label: string }[];
}) {
  const { state, formAction, pending, values, formKey } = useFormAction(setSavingsTargetAction);
  return (
    <FieldIdPrefix value="savings-target">
      <form key={formKey} action={formAction} noValidate>
        <FormStatus state={state} />
        <input type="hidden" name="organisationId" value={organisationId} />
        <SelectField
          name="financialYear"
          label="Financial year"
          options={years}
          defaultValue={values.financialYear ?? defaultYear}
          errors={fieldErrors(state, "financialYear")}
        />
        {programmeTypes.length > 1 ? (
          <SelectField
            name="programmeType"
            label="Programme"
            options={programmeTypes}
            defaultValue={values.programmeType}
            errors={fieldErrors(state, "programmeType")}
          />
        ) : (
          <input type="hidden" name="programmeType" value={programmeTypes[0]?.value ?? "CIP"} />
        )}
        <TextField
          name="target"
          label="Savings target (£)"
          inputMode="decimal"
          hint={`The organisation's ${programmeTypes.length > 1 ? "CIP or QIPP" : (programmeTypes[0]?.value ?? "CIP")} target for the year, e.g. 24,500,000`}
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
