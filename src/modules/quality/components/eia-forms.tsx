"use client";

import { Button } from "@/components/ui/button";
import { FieldIdPrefix, SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { FormStatus, fieldErrors } from "@/components/ui/form-status";
import { useFormAction } from "@/components/forms/use-form-action";
import {
  saveEiaScreeningAction,
  saveFullEiaAction,
  signEiaAction,
  startEiaAction,
  submitEiaAction,
} from "../equality-actions";
import { CHARACTERISTIC_LABELS, PROTECTED_CHARACTERISTICS } from "../eia-rules";
import { IMPACT_LABELS } from "../qia-rules";

const impactOptions = (["POSITIVE", "NONE", "NEGATIVE"] as const).map((i) => ({ value: i, label: IMPACT_LABELS[i] }));

const COMMANDS = {
  start: { action: startEiaAction, label: "Start the EIA" },
  submit: { action: submitEiaAction, label: "Send for sign-off" },
} as const;

export function EiaCommandForm({
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
      <Button type="submit" disabled={pending}>
        {label}
      </Button>
    </form>
  );
}

/** Screening of the nine protected characteristics; saving an approved EIA returns it to draft. */
export function EiaScreeningForm({
  assessmentId,
  version,
  answers,
  signed,
}: {
  assessmentId: string;
  version: number;
  answers: Record<string, { impact: string; note: string }>;
  signed: boolean;
}) {
  const { state, formAction, pending, values, formKey } = useFormAction(saveEiaScreeningAction);
  return (
    <FieldIdPrefix value="eia-screening">
      <form key={formKey} action={formAction} noValidate>
        <FormStatus state={state} />
        <input type="hidden" name="assessmentId" value={assessmentId} />
        <input type="hidden" name="version" value={String(state?.ok ? state.data.version : version)} />
        {signed && (
          <p className="mb-4 border-l-4 border-nhs-warm-yellow bg-white p-3">
            Saving changes returns the EIA to draft: it will need signing off again.
          </p>
        )}
        {PROTECTED_CHARACTERISTICS.map((c) => (
          <fieldset key={c} className="mb-4 rounded border border-nhs-border p-4">
            <legend className="px-1 text-lg font-bold">{CHARACTERISTIC_LABELS[c]}</legend>
            <div className="flex flex-wrap gap-4">
              <SelectField
                name={`impact.${c}`}
                label="Impact"
                placeholder="Choose"
                options={impactOptions}
                defaultValue={values[`impact.${c}`] ?? answers[c]?.impact ?? ""}
                errors={fieldErrors(state, `impact.${c}`)}
              />
              <TextField
                name={`note.${c}`}
                label="Note"
                defaultValue={values[`note.${c}`] ?? answers[c]?.note ?? ""}
                errors={fieldErrors(state, `note.${c}`)}
              />
            </div>
          </fieldset>
        ))}
        <Button type="submit" disabled={pending}>
          Save screening
        </Button>
      </form>
    </FieldIdPrefix>
  );
}

export function FullEiaForm({
  assessmentId,
  version,
  analysis,
  mitigations,
  engagement,
}: {
  assessmentId: string;
  version: number;
  analysis: string;
  mitigations: string;
  engagement: string;
}) {
  const { state, formAction, pending, values, formKey } = useFormAction(saveFullEiaAction);
  return (
    <FieldIdPrefix value="full-eia">
      <form key={formKey} action={formAction} noValidate>
        <FormStatus state={state} />
        <input type="hidden" name="assessmentId" value={assessmentId} />
        <input type="hidden" name="version" value={String(state?.ok ? state.data.version : version)} />
        <TextAreaField
          name="analysis"
          label="Analysis of the impact"
          hint="Who is affected, how, and the evidence"
          defaultValue={values.analysis ?? analysis}
          errors={fieldErrors(state, "analysis")}
        />
        <TextAreaField
          name="mitigations"
          label="Mitigations"
          defaultValue={values.mitigations ?? mitigations}
          errors={fieldErrors(state, "mitigations")}
        />
        <TextAreaField
          name="engagement"
          label="Engagement"
          hint="Patients, staff and groups consulted"
          defaultValue={values.engagement ?? engagement}
          errors={fieldErrors(state, "engagement")}
        />
        <Button type="submit" disabled={pending}>
          Save full EIA
        </Button>
      </form>
    </FieldIdPrefix>
  );
}

export function SignEiaForm({ assessmentId, version }: { assessmentId: string; version: number }) {
  const { state, formAction, pending, values, formKey } = useFormAction(signEiaAction);
  return (
    <FieldIdPrefix value="sign-eia">
      <form key={formKey} action={formAction} noValidate>
        <FormStatus state={state} />
        <input type="hidden" name="assessmentId" value={assessmentId} />
        <input type="hidden" name="version" value={version} />
        <SelectField
          name="outcome"
          label="Outcome"
          placeholder="Choose"
          options={[
            { value: "APPROVED", label: "Approve" },
            { value: "REJECTED", label: "Reject" },
          ]}
          defaultValue={values.outcome ?? ""}
          errors={fieldErrors(state, "outcome")}
        />
        <TextAreaField
          name="comment"
          label="Comment"
          hint="Required when you reject the EIA"
          rows={3}
          defaultValue={values.comment}
          errors={fieldErrors(state, "comment")}
        />
        <Button type="submit" disabled={pending}>
          Record sign-off
        </Button>
      </form>
    </FieldIdPrefix>
  );
}
