"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { CheckboxField, FieldIdPrefix, SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { FormStatus, fieldErrors } from "@/components/ui/form-status";
import { useFormAction } from "@/components/forms/use-form-action";
import { CONSEQUENCE_LABELS, LIKELIHOOD_LABELS, type RiskRating } from "@/modules/risks/risk-scoring";
import { saveFullQiaAction } from "../quality-actions";

const RATINGS: RiskRating[] = [1, 2, 3, 4, 5];
const likelihoodOptions = RATINGS.map((r) => ({ value: String(r), label: `${r} – ${LIKELIHOOD_LABELS[r]}` }));
const consequenceOptions = RATINGS.map((r) => ({ value: String(r), label: `${r} – ${CONSEQUENCE_LABELS[r]}` }));
const directionOptions = [
  { value: "LOWER_IS_BETTER", label: "Lower is better" },
  { value: "HIGHER_IS_BETTER", label: "Higher is better" },
];

export interface FullQiaDimension {
  id: string;
  name: string;
  score: number;
  description: string;
  mitigations: string;
  residualLikelihood: string;
  residualConsequence: string;
}
export interface IndicatorValues {
  id: string;
  name: string;
  unit: string;
  direction: string;
  baseline: string;
  target: string;
}

/** The full QIA: each dimension above the threshold, the summary, the review date and the quality indicators. */
export function FullQiaForm({
  assessmentId,
  version,
  dimensions,
  impactSummary,
  reviewDate,
  indicators,
}: {
  assessmentId: string;
  version: number;
  dimensions: FullQiaDimension[];
  impactSummary: string;
  reviewDate: string;
  indicators: IndicatorValues[];
}) {
  const { state, formAction, pending, values, formKey } = useFormAction(saveFullQiaAction);
  const [newRows, setNewRows] = useState(1);
  const errors = (field: string) => fieldErrors(state, field);
  const value = (field: string, stored: string) => values[field] ?? stored;
  const indicatorRow = (n: number, stored?: IndicatorValues) => {
    const f = (name: string) => `indicators.${n}.${name}`;
    return (
      <fieldset key={n} className="mb-4 rounded border border-nhs-border p-4">
        <legend className="px-1 font-bold">
          {stored ? `Indicator: ${stored.name}` : `New indicator ${n - indicators.length + 1}`}
        </legend>
        {stored && <input type="hidden" name={f("id")} value={stored.id} />}
        <TextField
          name={f("name")}
          label="Name"
          defaultValue={value(f("name"), stored?.name ?? "")}
          errors={errors(f("name"))}
        />
        <div className="flex flex-wrap gap-4">
          <TextField
            name={f("unit")}
            label="Unit"
            hint="%, count, rate, days"
            defaultValue={value(f("unit"), stored?.unit ?? "")}
            errors={errors(f("unit"))}
          />
          <SelectField
            name={f("direction")}
            label="Which way is better"
            options={directionOptions}
            defaultValue={value(f("direction"), stored?.direction ?? "LOWER_IS_BETTER")}
            errors={errors(f("direction"))}
          />
          <TextField
            name={f("baseline")}
            label="Baseline"
            inputMode="decimal"
            defaultValue={value(f("baseline"), stored?.baseline ?? "")}
            errors={errors(f("baseline"))}
          />
          <TextField
            name={f("target")}
            label="Target (the guardrail)"
            inputMode="decimal"
            defaultValue={value(f("target"), stored?.target ?? "")}
            errors={errors(f("target"))}
          />
        </div>
        {stored && <CheckboxField name={f("remove")} label="Remove this indicator" />}
      </fieldset>
    );
  };
  return (
    <FieldIdPrefix value="full-qia">
      <form key={formKey} action={formAction} noValidate>
        <FormStatus state={state} />
        <input type="hidden" name="assessmentId" value={assessmentId} />
        <input type="hidden" name="version" value={String(state?.ok ? state.data.version : version)} />
        {dimensions.map((d) => (
          <fieldset key={d.id} className="mb-4 rounded border-4 border-nhs-red p-4">
            <legend className="px-1 text-lg font-bold">
              {d.name} (screening score {d.score})
            </legend>
            <TextAreaField
              name={`description.${d.id}`}
              label="Impact on quality"
              hint="What could happen to patients or staff, and to whom"
              rows={3}
              defaultValue={value(`description.${d.id}`, d.description)}
              errors={errors(`description.${d.id}`)}
            />
            <TextAreaField
              name={`mitigations.${d.id}`}
              label="Mitigations"
              rows={3}
              defaultValue={value(`mitigations.${d.id}`, d.mitigations)}
              errors={errors(`mitigations.${d.id}`)}
            />
            <div className="flex flex-wrap gap-4">
              <SelectField
                name={`residualLikelihood.${d.id}`}
                label="Residual likelihood"
                placeholder="Choose"
                options={likelihoodOptions}
                defaultValue={value(`residualLikelihood.${d.id}`, d.residualLikelihood)}
                errors={errors(`residualLikelihood.${d.id}`)}
              />
              <SelectField
                name={`residualConsequence.${d.id}`}
                label="Residual consequence"
                placeholder="Choose"
                options={consequenceOptions}
                defaultValue={value(`residualConsequence.${d.id}`, d.residualConsequence)}
                errors={errors(`residualConsequence.${d.id}`)}
              />
            </div>
          </fieldset>
        ))}
        <TextAreaField
          name="impactSummary"
          label="Impact summary"
          rows={3}
          defaultValue={value("impactSummary", impactSummary)}
          errors={errors("impactSummary")}
        />
        <TextField
          name="reviewDate"
          label="Post-implementation review date"
          type="date"
          defaultValue={value("reviewDate", reviewDate)}
          errors={errors("reviewDate")}
        />
        <h3 className="mb-2 text-lg font-bold">Quality indicators to monitor</h3>
        <p className="mb-2 text-nhs-secondary">
          Each indicator becomes a KPI of the scheme, so its trajectory and actuals are tracked with the scheme.
        </p>
        {errors("indicators") && <p className="font-semibold text-nhs-red">{errors("indicators")!.join(". ")}</p>}
        {indicators.map((ind, i) => indicatorRow(i, ind))}
        {Array.from({ length: newRows }, (_, i) => indicatorRow(indicators.length + i))}
        <div className="flex flex-wrap gap-4">
          <Button type="button" variant="secondary" onClick={() => setNewRows((n) => n + 1)}>
            Add another indicator
          </Button>
          <Button type="submit" disabled={pending}>
            Save full QIA
          </Button>
        </div>
      </form>
    </FieldIdPrefix>
  );
}
