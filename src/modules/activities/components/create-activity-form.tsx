"use client";

import { Button } from "@/components/ui/button";
import { FieldIdPrefix, SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { FormStatus, fieldErrors } from "@/components/ui/form-status";
import { useFormAction } from "@/components/forms/use-form-action";
import { createActivityAction } from "../activity-actions";
import { ACTIVITY_STATUSES, ACTIVITY_STATUS_LABELS } from "../activity-status";

export function CreateActivityForm({
  programmeId,
  workstreams,
  leads,
  fixedWorkstreamId,
}: {
  programmeId: string;
  workstreams: { id: string; name: string }[];
  leads: { id: string; title: string; description: string | null }[];
  fixedWorkstreamId?: string;
}) {
  const { state, formAction, pending, values, allValues, formKey } = useFormAction(createActivityAction);
  const leadErrors = fieldErrors(state, "leadIds");
  return (
    <FieldIdPrefix value="new-activity">
      <form key={formKey} action={formAction} noValidate>
        <FormStatus state={state} />
        <input type="hidden" name="programmeId" value={programmeId} />
        {fixedWorkstreamId ? (
          <input type="hidden" name="workstreamId" value={fixedWorkstreamId} />
        ) : (
          workstreams.length > 0 && (
            <SelectField
              name="workstreamId"
              label="Workstream (optional)"
              placeholder="The whole programme"
              options={workstreams.map((w) => ({ value: w.id, label: w.name }))}
              defaultValue={values.workstreamId ?? ""}
              errors={fieldErrors(state, "workstreamId")}
            />
          )
        )}
        <TextField
          name="number"
          label="Number (optional)"
          hint="As your plan numbers it, e.g. 4 or 2.3"
          defaultValue={values.number}
          errors={fieldErrors(state, "number")}
        />
        <TextAreaField
          name="description"
          label="Activity or milestone"
          defaultValue={values.description}
          errors={fieldErrors(state, "description")}
        />
        <TextField
          name="timescale"
          label="Timescale"
          hint='A quarter like "Q4 2025/26" or "Q4 25-26", a range like "Q1 2025/26 – Q3 2025/26", or "Ongoing"'
          defaultValue={values.timescale}
          errors={fieldErrors(state, "timescale")}
        />
        <fieldset
          className={`mb-4 ${leadErrors ? "border-l-4 border-nhs-red pl-3" : ""}`}
          aria-describedby={leadErrors ? "new-activity-leadIds-error" : undefined}
        >
          <legend className="font-semibold">Leads</legend>
          {leadErrors && (
            <p id="new-activity-leadIds-error" className="font-semibold text-nhs-red">
              {leadErrors.join(". ")}
            </p>
          )}
          <div className="grid max-h-56 gap-1 overflow-y-auto sm:grid-cols-2">
            {leads.map((l) => (
              <label key={l.id} className="flex items-start gap-2">
                <input
                  type="checkbox"
                  name="leadIds"
                  value={l.id}
                  defaultChecked={allValues("leadIds").includes(l.id)}
                  className="mt-1 h-4 w-4"
                />
                <span>
                  {l.title}
                  {l.description && <span className="text-nhs-secondary"> ({l.description})</span>}
                </span>
              </label>
            ))}
          </div>
        </fieldset>
        <SelectField
          name="status"
          label="Status"
          options={ACTIVITY_STATUSES.map((s) => ({ value: s, label: ACTIVITY_STATUS_LABELS[s] }))}
          defaultValue={values.status ?? "NOT_STARTED"}
          errors={fieldErrors(state, "status")}
        />
        <TextAreaField
          name="deliverables"
          label="Deliverables (one per line, optional)"
          rows={3}
          defaultValue={values.deliverables}
          errors={fieldErrors(state, "deliverables")}
        />
        <Button type="submit" disabled={pending}>
          Add activity
        </Button>
      </form>
    </FieldIdPrefix>
  );
}
