"use client";

import { Button } from "@/components/ui/button";
import { CheckboxField, FieldIdPrefix, TextAreaField } from "@/components/ui/field";
import { FormStatus, fieldErrors } from "@/components/ui/form-status";
import { useFormAction } from "@/components/forms/use-form-action";
import {
  markQiaConditionMetAction,
  recordQiaReviewAction,
  recordQualityCommitteeOverrideAction,
  reviseQiaAction,
  startQiaAction,
  submitQiaAction,
} from "../quality-actions";

/** One-button commands on a QIA: start it, send it for sign-off, start a new version. */
const COMMANDS = {
  start: { action: startQiaAction, label: "Start the QIA" },
  submit: { action: submitQiaAction, label: "Send for sign-off" },
  revise: { action: reviseQiaAction, label: "Start a new version to edit" },
} as const;

export function QiaCommandForm({
  command,
  fields,
}: {
  command: keyof typeof COMMANDS;
  fields: Record<string, string | number>;
}) {
  const { action, label } = COMMANDS[command];
  const { state, formAction, pending } = useFormAction(action);
  return (
    <form action={formAction} className="mb-4">
      <FormStatus state={state} />
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <Button type="submit" variant={command === "revise" ? "secondary" : "primary"} disabled={pending}>
        {label}
      </Button>
    </form>
  );
}

export function MarkConditionMetForm({ conditionId, description }: { conditionId: string; description: string }) {
  const { state, formAction, pending, values, formKey } = useFormAction(markQiaConditionMetAction);
  return (
    <FieldIdPrefix value={`condition-${conditionId}`}>
      <form key={formKey} action={formAction} noValidate className="mt-2">
        <FormStatus state={state} />
        <input type="hidden" name="conditionId" value={conditionId} />
        <TextAreaField
          name="note"
          label={`How was “${description}” met?`}
          rows={2}
          defaultValue={values.note}
          errors={fieldErrors(state, "note")}
        />
        <Button type="submit" variant="secondary" disabled={pending}>
          Mark met
        </Button>
      </form>
    </FieldIdPrefix>
  );
}

export function RecordQiaReviewForm({ assessmentId, version }: { assessmentId: string; version: number }) {
  const { state, formAction, pending, values, formKey } = useFormAction(recordQiaReviewAction);
  return (
    <FieldIdPrefix value="qia-review">
      <form key={formKey} action={formAction} noValidate>
        <FormStatus state={state} />
        <input type="hidden" name="assessmentId" value={assessmentId} />
        <input type="hidden" name="version" value={version} />
        <TextAreaField
          name="findings"
          label="Findings of the post-implementation review"
          rows={4}
          defaultValue={values.findings}
          errors={fieldErrors(state, "findings")}
        />
        <CheckboxField
          name="reopen"
          label="Reopen the QIA"
          hint="Starts a new draft version that needs screening and signing again"
          defaultChecked={values.reopen === "on"}
        />
        <Button type="submit" disabled={pending}>
          Record review
        </Button>
      </form>
    </FieldIdPrefix>
  );
}

export function CommitteeOverrideForm({ assessmentId, version }: { assessmentId: string; version: number }) {
  const { state, formAction, pending, values, formKey } = useFormAction(recordQualityCommitteeOverrideAction);
  return (
    <FieldIdPrefix value="qia-override">
      <form key={formKey} action={formAction} noValidate>
        <FormStatus state={state} />
        <input type="hidden" name="assessmentId" value={assessmentId} />
        <input type="hidden" name="version" value={version} />
        <TextAreaField
          name="reason"
          label="Quality committee decision and reason"
          hint="The meeting, its date and why the residual risk is accepted"
          rows={3}
          defaultValue={values.reason}
          errors={fieldErrors(state, "reason")}
        />
        <Button type="submit" variant="secondary" disabled={pending}>
          Record override
        </Button>
      </form>
    </FieldIdPrefix>
  );
}
