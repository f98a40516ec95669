"use client";

import { SelectField } from "@/components/ui/field";
import { fieldErrors } from "@/components/ui/form-status";
import type { ActionState } from "@/server/action";

type Option = { value: string; label: string };

/** A financial year and a month (1-12) chosen from selects, as the monthly forms ask for them. */
export function YearMonthFields({
  years,
  months,
  state,
  values,
  monthLabel = "Month",
}: {
  years: Option[];
  months: Option[];
  state: ActionState | null;
  values: Record<string, string>;
  monthLabel?: string;
}) {
  return (
    <>
      <SelectField
        name="financialYear"
        label="Financial year"
        options={years}
        defaultValue={values.financialYear}
        errors={fieldErrors(state, "financialYear")}
      />
      <SelectField
        name="month"
        label={monthLabel}
        options={months}
        defaultValue={values.month}
        errors={fieldErrors(state, "month")}
      />
    </>
  );
}
