"use client";

import { Button } from "@/components/ui/button";
import { FieldIdPrefix, TextField } from "@/components/ui/field";
import { FormStatus, fieldErrors } from "@/components/ui/form-status";
import { useFormAction } from "@/components/forms/use-form-action";
import { penceToPoundsString } from "@/lib/money";
import { setGatewaySettingsAction } from "../gateway-actions";

export function GatewaySettingsForm({
  organisationId,
  directorThresholdPence,
  qiaThreshold,
}: {
  organisationId: string;
  directorThresholdPence: number;
  qiaThreshold: number;
}) {
  const { state, formAction, pending, values, formKey } = useFormAction(setGatewaySettingsAction);
  return (
    <FieldIdPrefix value="gateway-settings">
      <form key={formKey} action={formAction} noValidate>
        <FormStatus state={state} />
        <input type="hidden" name="organisationId" value={organisationId} />
        <TextField
          name="directorThreshold"
          label="Full-year effect from which gateways 2 and 3 need the finance director (£)"
          hint="Smaller schemes can be approved by the PMO."
          inputMode="decimal"
          defaultValue={values.directorThreshold ?? penceToPoundsString(directorThresholdPence)}
          errors={fieldErrors(state, "directorThreshold")}
        />
        <TextField
          name="qiaThreshold"
          label="QIA screening threshold"
          hint="A negative impact scoring more than this (likelihood × consequence) needs the full QIA. New QIAs use it."
          inputMode="numeric"
          defaultValue={values.qiaThreshold ?? String(qiaThreshold)}
          errors={fieldErrors(state, "qiaThreshold")}
        />
        <Button type="submit" disabled={pending}>
          Save thresholds
        </Button>
      </form>
    </FieldIdPrefix>
  );
}
