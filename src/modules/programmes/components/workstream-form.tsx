"use client";

import { Button } from "@/components/ui/button";
import { FieldIdPrefix, TextAreaField, TextField } from "@/components/ui/field";
import { FormStatus, fieldErrors } from "@/components/ui/form-status";
import { useFormAction } from "@/components/forms/use-form-action";
import { createWorkstreamAction, updateWorkstreamAction } from "../programme-actions";

export interface WorkstreamFormValues {
  workstreamId: string;
  version: number;
  name: string;
  vision: string;
  caseForChange: string;
  objectives: string;
  sro: string;
  deliveryLeads: string;
  baseline: string;
  target: string;
}

/** Creates a workstream (programmeId) or edits one (existing). */
export function WorkstreamForm({ programmeId, existing }: { programmeId?: string; existing?: WorkstreamFormValues }) {
  const {
    state,
    formAction,
    pending,
    values: submitted,
    formKey,
  } = useFormAction(existing ? updateWorkstreamAction : createWorkstreamAction);
  const values: Partial<Record<keyof WorkstreamFormValues, string>> = {
    ...(existing ? { ...existing, version: String(existing.version) } : {}),
    ...submitted,
  };
  const errors = (field: string) => fieldErrors(state, field);
  return (
    <FieldIdPrefix value={existing ? "edit-workstream" : "new-workstream"}>
      <form key={`${formKey}-${existing?.version ?? ""}`} action={formAction} noValidate>
        <FormStatus state={state} />
        {programmeId && <input type="hidden" name="programmeId" value={programmeId} />}
        {existing && <input type="hidden" name="workstreamId" value={existing.workstreamId} />}
        {existing && (
          <input type="hidden" name="version" value={String(state?.ok ? state.data.version : existing.version)} />
        )}
        <TextField name="name" label="Workstream name" defaultValue={values.name} errors={errors("name")} />
        <TextAreaField name="vision" label="Vision (optional)" defaultValue={values.vision} errors={errors("vision")} />
        <TextAreaField
          name="caseForChange"
          label="Case for change (optional)"
          defaultValue={values.caseForChange}
          errors={errors("caseForChange")}
        />
        <TextAreaField
          name="objectives"
          label="Objectives (one per line)"
          defaultValue={values.objectives}
          errors={errors("objectives")}
        />
        <TextField
          name="sro"
          label="Senior responsible owner (optional)"
          defaultValue={values.sro}
          errors={errors("sro")}
        />
        <TextAreaField
          name="deliveryLeads"
          label="Delivery leads (one per line)"
          rows={2}
          defaultValue={values.deliveryLeads}
          errors={errors("deliveryLeads")}
        />
        <TextField
          name="baseline"
          label="Baseline spend in £ (optional)"
          inputMode="decimal"
          defaultValue={values.baseline}
          errors={errors("baseline")}
        />
        <TextField
          name="target"
          label="Savings target in £ (optional)"
          inputMode="decimal"
          defaultValue={values.target}
          errors={errors("target")}
        />
        <Button type="submit" disabled={pending}>
          {existing ? "Save workstream" : "Add workstream"}
        </Button>
      </form>
    </FieldIdPrefix>
  );
}
