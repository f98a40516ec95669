"use client";

import { Button } from "@/components/ui/button";
import { FieldIdPrefix, SelectField, TextAreaField } from "@/components/ui/field";
import { FormStatus, fieldErrors } from "@/components/ui/form-status";
import { useFormAction } from "@/components/forms/use-form-action";
import { signQiaAction } from "../quality-actions";
import { CAPACITY_LABELS, SIGN_OFF_OUTCOME_LABELS } from "../qia-rules";

const outcomeOptions = (["APPROVED", "APPROVED_WITH_CONDITIONS", "REJECTED"] as const).map((o) => ({
  value: o,
  label: SIGN_OFF_OUTCOME_LABELS[o],
}));

/** A signatory's sign-off, offered only in the capacities still open to them. */
export function QiaSignOffForm({
  assessmentId,
  version,
  capacities,
}: {
  assessmentId: string;
  version: number;
  capacities: ("MEDICAL" | "NURSING")[];
}) {
  const { state, formAction, pending, values, formKey } = useFormAction(signQiaAction);
  const errors = (field: string) => fieldErrors(state, field);
  const only = capacities.length === 1 ? capacities[0] : undefined;
  return (
    <FieldIdPrefix value="sign-qia">
      <form key={formKey} action={formAction} noValidate>
        <FormStatus state={state} />
        <input type="hidden" name="assessmentId" value={assessmentId} />
        <input type="hidden" name="version" value={version} />
        {only ? (
          <>
            <input type="hidden" name="capacity" value={only} />
            <p className="mb-4">
              You sign as the <strong>{CAPACITY_LABELS[only].toLowerCase()} signatory</strong>.
            </p>
          </>
        ) : (
          <SelectField
            name="capacity"
            label="Capacity you sign in"
            placeholder="Choose"
            options={capacities.map((c) => ({ value: c, label: `${CAPACITY_LABELS[c]} signatory` }))}
            defaultValue={values.capacity ?? ""}
            errors={errors("capacity")}
          />
        )}
        <SelectField
          name="outcome"
          label="Outcome"
          placeholder="Choose"
          options={outcomeOptions}
          defaultValue={values.outcome ?? ""}
          errors={errors("outcome")}
        />
        <TextAreaField
          name="comment"
          label="Comment"
          hint="Required when you reject the QIA"
          rows={3}
          defaultValue={values.comment}
          errors={errors("comment")}
        />
        <TextAreaField
          name="conditions"
          label="Conditions"
          hint="Only with “approved with conditions”: one condition a line; each is tracked until met"
          rows={3}
          defaultValue={values.conditions}
          errors={errors("conditions")}
        />
        <Button type="submit" disabled={pending}>
          Record my sign-off
        </Button>
      </form>
    </FieldIdPrefix>
  );
}
