"use client";

import { Button } from "@/components/ui/button";
import { FieldIdPrefix, SelectField, TextField } from "@/components/ui/field";
import { FormStatus, fieldErrors } from "@/components/ui/form-status";
import { useFormAction } from "@/components/forms/use-form-action";
import { recordKpiActualAction } from "../kpi-actions";

export function RecordActualForm({
  kpiId,
  version,
  years,
  defaultYear,
  months,
}: {
  kpiId: string;
  version: number;
  years: { value: string; label: string }[];
  /** Preselected until the user chooses: the current financial year ("2026/27"). */
  defaultYear: string;
  months: { value: string; label: string }[];
}) {
  const { state, formAction, pending, values, formKey } = useFormAction(recordKpiActualAction);
  return (
    <FieldIdPrefix value="kpi-actual">
      <form key={formKey} action={formAction} noValidate>
        <FormStatus state={state} />
        <input type="hidden" name="kpiId" value={kpiId} />
        <input type="hidden" name="version" value={state?.ok ? state.data.version : version} />
        <SelectField
          name="financialYear"
          label="Financial year"
          options={years}
          defaultValue={values.financialYear ?? defaultYear}
          errors={fieldErrors(state, "financialYear")}
        />
        <SelectField
          name="month"
          label="Month"
          options={months}
          defaultValue={values.month}
          errors={fieldErrors(state, "month")}
        />
        <TextField
          name="actual"
          label="Actual"
          inputMode="decimal"
          defaultValue={values.actual}
          errors={fieldErrors(state, "actual")}
        />
        <Button type="submit" disabled={pending}>
          Record actual
        </Button>
      </form>
    </FieldIdPrefix>
  );
}
