"use client";

import { Button } from "@/components/ui/button";
import { FieldIdPrefix, SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { FormStatus, fieldErrors } from "@/components/ui/form-status";
import { useFormAction } from "@/components/forms/use-form-action";
import { formatFinancialYear, type FinancialMonth } from "@/lib/financial-year";
import { submitMonthlyUpdateAction } from "../financials-actions";
import { MAX_COMMENTARY } from "../financials-schemas";
import { cellKey, cellLabel, monthName } from "../month-grid";

const PREFIX = "monthly-update";

export interface MonthlyUpdateFormProps {
  schemeId: string;
  version: number;
  financialYear: number;
  month: FinancialMonth;
  /** Stored figures as cell texts: the month's actual and forecasts by month. */
  actual: string;
  forecasts: Record<number, string>;
  rag: "RED" | "AMBER" | "GREEN" | null;
  monthClosed: boolean;
  mayAmendClosed: boolean;
}

/**
 * The lead's monthly update: the month's actual, forecasts for the rest of the year, RAG and
 * commentary, submitted together (the server keeps every update as history).
 */
export function MonthlyUpdateForm(props: MonthlyUpdateFormProps) {
  const { state, formAction, pending, values: submitted, formKey } = useFormAction(submitMonthlyUpdateAction);
  const version = Math.max(props.version, state?.ok ? state.data.version : 0);
  const name = monthName(props.financialYear, props.month);
  const remaining = Array.from({ length: 12 - props.month }, (_, i) => (props.month + i + 1) as FinancialMonth);
  const value = (field: string, stored: string) => submitted[field] ?? stored;
  const errors = (field: string) => fieldErrors(state, field);
  const actualLocked = props.monthClosed && !props.mayAmendClosed;
  return (
    <FieldIdPrefix value={PREFIX}>
      {/* Keyed by version too, so figures saved elsewhere on the page show here at once. */}
      <form key={`${formKey}-${props.version}`} action={formAction} noValidate>
        <FormStatus state={state} />
        <input type="hidden" name="schemeId" value={props.schemeId} />
        <input type="hidden" name="version" value={version} />
        <input type="hidden" name="financialYear" value={formatFinancialYear(props.financialYear)} />
        <input type="hidden" name="month" value={props.month} />
        <TextField
          name="actual"
          label={`Actual saving in ${name} (£)`}
          hint={
            actualLocked ? `${name} is closed: only finance can change its actual.` : "Enter 0 if nothing was saved."
          }
          inputMode="decimal"
          readOnly={actualLocked}
          defaultValue={value("actual", props.actual)}
          errors={errors("actual")}
        />
        {remaining.length > 0 && (
          <fieldset className="mb-4">
            <legend className="mb-2 font-semibold">
              Forecast for the rest of {formatFinancialYear(props.financialYear)} (£)
            </legend>
            <div className="grid gap-x-4 sm:grid-cols-2 lg:grid-cols-4">
              {remaining.map((m) => {
                const key = cellKey("forecast", m);
                return (
                  <TextField
                    key={key}
                    name={key}
                    label={cellLabel("forecast", props.financialYear, m)}
                    inputMode="decimal"
                    defaultValue={value(key, props.forecasts[m] ?? "")}
                    errors={errors(key)}
                  />
                );
              })}
            </div>
          </fieldset>
        )}
        <SelectField
          name="rag"
          label="Delivery RAG"
          placeholder="Choose"
          options={[
            { value: "RED", label: "Red" },
            { value: "AMBER", label: "Amber" },
            { value: "GREEN", label: "Green" },
          ]}
          defaultValue={value("rag", props.rag ?? "")}
          errors={errors("rag")}
        />
        <TextAreaField
          name="commentary"
          label="Commentary"
          hint={`Progress, issues and next steps; up to ${MAX_COMMENTARY.toLocaleString("en-GB")} characters.`}
          maxLength={MAX_COMMENTARY}
          defaultValue={submitted.commentary}
          errors={errors("commentary")}
        />
        {props.monthClosed && props.mayAmendClosed && (
          <TextAreaField
            name="reason"
            label={`Reason for changing the actual of ${name}, a closed month`}
            hint="Needed only if you change the actual; it is kept in the audit log."
            rows={2}
            defaultValue={submitted.reason}
            errors={errors("reason")}
          />
        )}
        <Button type="submit" disabled={pending}>
          Submit the update for {name}
        </Button>
      </form>
    </FieldIdPrefix>
  );
}
