"use client";

import { Button } from "@/components/ui/button";
import { CheckboxField, FieldIdPrefix, TextField } from "@/components/ui/field";
import { FormStatus, InlineFormStatus, fieldErrors } from "@/components/ui/form-status";
import { useFormAction } from "@/components/forms/use-form-action";
import { YearMonthFields } from "@/components/forms/year-month-fields";
import { recordChangePointAction, removeChangePointAction, saveSpcSettingsAction } from "../spc-actions";

type Option = { value: string; label: string };

interface ChartRef {
  subject: "KPI" | "ORGANISATION_SAVINGS" | "SYSTEM_SAVINGS";
  subjectId: string;
}

/** Screening and baseline of one chart: finance/PMO of its owner only (the page decides). */
export function SpcSettingsForm({
  chart,
  version,
  screenMovingRanges,
  baselinePoints,
  idPrefix,
}: {
  chart: ChartRef;
  version: number;
  screenMovingRanges: boolean;
  baselinePoints: number | null;
  idPrefix: string;
}) {
  const { state, formAction, pending, values, formKey } = useFormAction(saveSpcSettingsAction);
  const refused = state !== null && !state.ok;
  return (
    <FieldIdPrefix value={`${idPrefix}-settings`}>
      <form key={formKey} action={formAction} noValidate>
        <FormStatus state={state} />
        <input type="hidden" name="subject" value={chart.subject} />
        <input type="hidden" name="subjectId" value={chart.subjectId} />
        <input type="hidden" name="version" value={state?.ok ? state.data.version : version} />
        <CheckboxField
          name="screenMovingRanges"
          label="Screen out unusually large moving ranges"
          hint="Ranges above 3.267 times their mean are left out of the limits (Making Data Count). Recommended."
          defaultChecked={refused ? values.screenMovingRanges === "on" : screenMovingRanges}
          errors={fieldErrors(state, "screenMovingRanges")}
        />
        <TextField
          name="baselinePoints"
          label="Baseline: calculate the limits from the first N points"
          hint="At least 12. Leave blank to use all points. Later points are then judged against frozen limits."
          inputMode="numeric"
          defaultValue={refused ? values.baselinePoints : (baselinePoints?.toString() ?? "")}
          errors={fieldErrors(state, "baselinePoints")}
        />
        <Button type="submit" disabled={pending}>
          Save chart settings
        </Button>
      </form>
    </FieldIdPrefix>
  );
}

/** Record a change in the process: the chart is rebased from that month with new limits. */
export function ChangePointForm({
  chart,
  years,
  months,
  idPrefix,
}: {
  chart: ChartRef;
  years: Option[];
  months: Option[];
  idPrefix: string;
}) {
  const { state, formAction, pending, values, formKey } = useFormAction(recordChangePointAction);
  return (
    <FieldIdPrefix value={`${idPrefix}-change`}>
      <form key={formKey} action={formAction} noValidate>
        <FormStatus state={state} />
        <input type="hidden" name="subject" value={chart.subject} />
        <input type="hidden" name="subjectId" value={chart.subjectId} />
        <YearMonthFields
          years={years}
          months={months}
          state={state}
          values={values}
          monthLabel="First month of the new process"
        />
        <TextField
          name="reason"
          label="What changed"
          hint="For example: new e-rostering from April."
          defaultValue={values.reason}
          errors={fieldErrors(state, "reason")}
        />
        <Button type="submit" disabled={pending}>
          Record change point
        </Button>
      </form>
    </FieldIdPrefix>
  );
}

/** One recorded change point's remove button, with the reason asked for the audit log. */
export function RemoveChangePointForm({ changePointId, label }: { changePointId: string; label: string }) {
  const { state, formAction, pending, formKey } = useFormAction(removeChangePointAction);
  return (
    <FieldIdPrefix value={`remove-${changePointId}`}>
      <form key={formKey} action={formAction} noValidate className="mt-1 flex flex-wrap items-end gap-2">
        <input type="hidden" name="changePointId" value={changePointId} />
        <TextField
          name="reason"
          label={`Why remove the change point at ${label}`}
          errors={fieldErrors(state, "reason")}
        />
        <Button type="submit" variant="secondary" disabled={pending} className="mb-4">
          Remove
        </Button>
        <InlineFormStatus state={state} />
      </form>
    </FieldIdPrefix>
  );
}
