"use client";

import { Button } from "@/components/ui/button";
import { FieldIdPrefix, TextField } from "@/components/ui/field";
import { FormStatus, fieldErrors } from "@/components/ui/form-status";
import { useFormAction } from "@/components/forms/use-form-action";
import type { ReminderSettings } from "../reminder-settings";
import { setReminderSettingsAction } from "../reminder-actions";

export function ReminderSettingsForm(props: ReminderSettings & { organisationId: string; version: number }) {
  const { state, formAction, pending, values, formKey } = useFormAction(setReminderSettingsAction);
  const version = state?.ok ? state.data.version : props.version;
  const field = (name: keyof ReminderSettings, label: string, hint: string) => (
    <TextField
      name={name}
      label={label}
      hint={hint}
      inputMode="numeric"
      defaultValue={values[name] ?? String(props[name])}
      errors={fieldErrors(state, name)}
    />
  );
  return (
    <FieldIdPrefix value="reminder-settings">
      <form key={`${formKey}-${version}`} action={formAction} noValidate>
        <FormStatus state={state} />
        <input type="hidden" name="organisationId" value={props.organisationId} />
        <input type="hidden" name="version" value={version} />
        {field(
          "updateDueWorkingDay",
          "Monthly updates are due by working day",
          "Counted after month end, skipping weekends and England and Wales bank holidays. Default 3.",
        )}
        {field(
          "escalateAfterWorkingDays",
          "Escalate an update overdue by more than this many working days",
          "It then also reaches the finance director and the programme SRO. Default 5.",
        )}
        {field(
          "monthCloseWorkingDay",
          "Finance closes the month by working day",
          "After it, finance is reminded until the month is closed. Default 8.",
        )}
        <Button type="submit" disabled={pending}>
          Save reminder settings
        </Button>
      </form>
    </FieldIdPrefix>
  );
}
