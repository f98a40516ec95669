"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { FieldIdPrefix, SelectField, TextField } from "@/components/ui/field";
import { FormStatus, fieldErrors } from "@/components/ui/form-status";
import { useFormAction } from "@/components/forms/use-form-action";
import { ACTIVITY_STATUSES, ACTIVITY_STATUS_LABELS } from "@/modules/activities/activity-status";
import { addSchemeKpiAction, addSchemeMilestoneAction, setMilestoneStatusAction } from "../scheme-plan-actions";

export function AddMilestoneForm({ schemeId }: { schemeId: string }) {
  const { state, formAction, pending, values, formKey } = useFormAction(addSchemeMilestoneAction);
  return (
    <FieldIdPrefix value="new-milestone">
      <form key={formKey} action={formAction} noValidate>
        <FormStatus state={state} />
        <input type="hidden" name="schemeId" value={schemeId} />
        <TextField name="description" label="Milestone" defaultValue={values.description} errors={fieldErrors(state, "description")} />
        <TextField name="dueDate" label="Due date (optional)" type="date" defaultValue={values.dueDate} errors={fieldErrors(state, "dueDate")} />
        <Button type="submit" variant="secondary" disabled={pending}>
          Add milestone
        </Button>
      </form>
    </FieldIdPrefix>
  );
}

export function MilestoneStatusForm({ milestoneId, status, description }: { milestoneId: string; status: string; description: string }) {
  const [state, action, pending] = useActionState(setMilestoneStatusAction, null);
  const id = `milestone-status-${milestoneId}`;
  return (
    <form action={action} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="milestoneId" value={milestoneId} />
      <label htmlFor={id} className="sr-only">
        Status of milestone: {description}
      </label>
      <select id={id} name="status" defaultValue={status} className="rounded border-2 border-nhs-text bg-white px-2 py-1">
        {ACTIVITY_STATUSES.map((s) => (
          <option key={s} value={s}>
            {ACTIVITY_STATUS_LABELS[s]}
          </option>
        ))}
      </select>
      <button type="submit" disabled={pending} className="rounded border-2 border-nhs-blue px-2 py-1 font-semibold text-nhs-blue">
        Save<span className="sr-only"> status of milestone: {description}</span>
      </button>
      {state && (
        <span role={state.ok ? "status" : "alert"} className={state.ok ? "text-nhs-green" : "text-nhs-red"}>
          {state.message}
        </span>
      )}
    </form>
  );
}

export function AddSchemeKpiForm({ schemeId }: { schemeId: string }) {
  const { state, formAction, pending, values, formKey } = useFormAction(addSchemeKpiAction);
  return (
    <FieldIdPrefix value="new-scheme-kpi">
      <form key={formKey} action={formAction} noValidate>
        <FormStatus state={state} />
        <input type="hidden" name="schemeId" value={schemeId} />
        <TextField name="name" label="KPI" hint="E.g. agency spend as a share of the pay bill" defaultValue={values.name} errors={fieldErrors(state, "name")} />
        <TextField name="unit" label="Unit" hint="%, £, count or days" defaultValue={values.unit} errors={fieldErrors(state, "unit")} />
        <SelectField
          name="direction"
          label="Which direction is better?"
          placeholder="Choose"
          options={[
            { value: "LOWER_IS_BETTER", label: "Lower is better" },
            { value: "HIGHER_IS_BETTER", label: "Higher is better" },
          ]}
          defaultValue={values.direction ?? ""}
          errors={fieldErrors(state, "direction")}
        />
        <TextField name="baseline" label="Baseline (optional)" inputMode="decimal" defaultValue={values.baseline} errors={fieldErrors(state, "baseline")} />
        <TextField name="target" label="Target (optional)" inputMode="decimal" defaultValue={values.target} errors={fieldErrors(state, "target")} />
        <Button type="submit" variant="secondary" disabled={pending}>
          Add KPI
        </Button>
      </form>
    </FieldIdPrefix>
  );
}
