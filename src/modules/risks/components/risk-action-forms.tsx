"use client";

import { Button } from "@/components/ui/button";
import { FieldIdPrefix, SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { FormStatus, fieldErrors } from "@/components/ui/form-status";
import { InlineStatusForm } from "@/components/forms/inline-status-form";
import { useFormAction } from "@/components/forms/use-form-action";
import { addRiskActionAction, closeRiskAction, setRiskActionStatusAction } from "../risk-actions";
import { RISK_ACTION_STATUS_LABELS } from "../risk-labels";
import { RISK_ACTION_STATUSES } from "../risk-schemas";

export function AddRiskActionForm({ riskId, owners }: { riskId: string; owners: { id: string; name: string }[] }) {
  const { state, formAction, pending, values, formKey } = useFormAction(addRiskActionAction);
  return (
    <FieldIdPrefix value="new-action">
      <form key={formKey} action={formAction} noValidate>
        <FormStatus state={state} />
        <input type="hidden" name="riskId" value={riskId} />
        <TextAreaField
          name="description"
          label="Mitigating action"
          rows={2}
          defaultValue={values.description}
          errors={fieldErrors(state, "description")}
        />
        <SelectField
          name="ownerId"
          label="Action owner"
          placeholder="Choose"
          options={owners.map((o) => ({ value: o.id, label: o.name }))}
          defaultValue={values.ownerId ?? ""}
          errors={fieldErrors(state, "ownerId")}
        />
        <TextField
          name="dueDate"
          label="Due date"
          type="date"
          defaultValue={values.dueDate}
          errors={fieldErrors(state, "dueDate")}
        />
        <Button type="submit" disabled={pending}>
          Add action
        </Button>
      </form>
    </FieldIdPrefix>
  );
}

export function RiskActionStatusForm({
  actionId,
  status,
  description,
}: {
  actionId: string;
  status: (typeof RISK_ACTION_STATUSES)[number];
  description: string;
}) {
  return (
    <InlineStatusForm
      action={setRiskActionStatusAction}
      record={{ name: "actionId", value: actionId }}
      status={status}
      statuses={RISK_ACTION_STATUSES}
      labels={RISK_ACTION_STATUS_LABELS}
      what={`action: ${description}`}
    />
  );
}

export function CloseRiskForm({ riskId, version }: { riskId: string; version: number }) {
  const { state, formAction, pending, values, formKey } = useFormAction(closeRiskAction);
  return (
    <FieldIdPrefix value="close-risk">
      <form key={formKey} action={formAction} noValidate>
        <FormStatus state={state} />
        <input type="hidden" name="riskId" value={riskId} />
        <input type="hidden" name="version" value={version} />
        <TextAreaField
          name="closureReason"
          label="Why is the risk being closed?"
          rows={2}
          defaultValue={values.closureReason}
          errors={fieldErrors(state, "closureReason")}
        />
        <Button type="submit" variant="danger" disabled={pending}>
          Close risk
        </Button>
      </form>
    </FieldIdPrefix>
  );
}
