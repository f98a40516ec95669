"use client";

import { Button } from "@/components/ui/button";
import { FieldIdPrefix, SelectField, TextField } from "@/components/ui/field";
import { FormStatus, fieldErrors } from "@/components/ui/form-status";
import { InlineStatusForm } from "@/components/forms/inline-status-form";
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
        <TextField
          name="description"
          label="Milestone"
          defaultValue={values.description}
          errors={fieldErrors(state, "description")}
        />
        <TextField
          name="dueDate"
          label="Due date (optional)"
          type="date"
          defaultValue={values.dueDate}
          errors={fieldErrors(state, "dueDate")}
        />
        <Button type="submit" variant="secondary" disabled={pending}>
          Add milestone
        </Button>
      </form>
    </FieldIdPrefix>
  );
}

export function MilestoneStatusForm({
  milestoneId,
  status,
  description,
}: {
  milestoneId: string;
  status: (typeof ACTIVITY_STATUSES)[number];
  description: string;
}) {
  return (
    <InlineStatusForm
      action={setMilestoneStatusAction}
      record={{ name: "milestoneId", value: milestoneId }}
      status={status}
      statuses={ACTIVITY_STATUSES}
      labels={ACTIVITY_STATUS_LABELS}
      what={`milestone: ${description}`}
    />
  );
}

export function AddSchemeKpiForm({ schemeId }: { schemeId: string }) {
  const { state, formAction, pending, values, formKey } = useFormAction(addSchemeKpiAction);
  return (
    <FieldIdPrefix value="new-scheme-kpi">
      <form key={formKey} action={formAction} noValidate>
        <FormStatus state={state} />
        <input type="hidden" name="schemeId" value={schemeId} />
        <TextField
          name="name"
          label="KPI"
          hint="E.g. agency spend as a share of the pay bill"
          defaultValue={values.name}
          errors={fieldErrors(state, "name")}
        />
        <TextField
          name="unit"
          label="Unit"
          hint="%, £, count or days"
          defaultValue={values.unit}
          errors={fieldErrors(state, "unit")}
        />
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
        <TextField
          name="baseline"
          label="Baseline (optional)"
          inputMode="decimal"
          defaultValue={values.baseline}
          errors={fieldErrors(state, "baseline")}
        />
        <TextField
          name="target"
          label="Target (optional)"
          inputMode="decimal"
          defaultValue={values.target}
          errors={fieldErrors(state, "target")}
        />
        <Button type="submit" variant="secondary" disabled={pending}>
          Add KPI
        </Button>
      </form>
    </FieldIdPrefix>
  );
}
