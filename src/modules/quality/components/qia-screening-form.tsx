"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/field";
import { FormStatus, fieldErrors } from "@/components/ui/form-status";
import { useFormAction } from "@/components/forms/use-form-action";
import { CONSEQUENCE_LABELS, LIKELIHOOD_LABELS, type RiskRating } from "@/modules/risks/risk-scoring";
import { saveQiaScreeningAction } from "../quality-actions";
import { IMPACT_LABELS, SCREENED_OUT_REASON, isAboveThreshold, screeningScore } from "../qia-rules";

const RATINGS: RiskRating[] = [1, 2, 3, 4, 5];
const impactOptions = (["POSITIVE", "NONE", "NEGATIVE"] as const).map((i) => ({ value: i, label: IMPACT_LABELS[i] }));
const likelihoodOptions = RATINGS.map((r) => ({ value: String(r), label: `${r} – ${LIKELIHOOD_LABELS[r]}` }));
const consequenceOptions = RATINGS.map((r) => ({ value: String(r), label: `${r} – ${CONSEQUENCE_LABELS[r]}` }));

export interface ScreeningDimension {
  id: string;
  name: string;
  description: string;
}
type Row = { impact: string; likelihood: string; consequence: string };

/** Live verdict of one row, from what is chosen so far (the server decides again on save). */
function verdict(row: Row, threshold: number): { score: number | null; above: boolean } {
  const l = Number(row.likelihood);
  const c = Number(row.consequence);
  if (!row.impact || !l || !c) return { score: null, above: false };
  return {
    score: screeningScore(l, c),
    above: isAboveThreshold({ impact: row.impact as "NEGATIVE", likelihood: l, consequence: c }, threshold),
  };
}

/** Screening: one fieldset per dimension, with its score worked out as the user chooses. */
export function QiaScreeningForm({
  assessmentId,
  version,
  threshold,
  dimensions,
  answers,
}: {
  assessmentId: string;
  version: number;
  threshold: number;
  dimensions: ScreeningDimension[];
  answers: Record<string, Row>;
}) {
  const { state, formAction, pending } = useFormAction(saveQiaScreeningAction);
  const [rows, setRows] = useState<Record<string, Row>>(() =>
    Object.fromEntries(dimensions.map((d) => [d.id, answers[d.id] ?? { impact: "", likelihood: "", consequence: "" }])),
  );
  const set = (id: string, field: keyof Row, value: string) =>
    setRows((r) => ({ ...r, [id]: { ...r[id]!, [field]: value } }));
  const above = dimensions.filter((d) => verdict(rows[d.id]!, threshold).above);
  const unanswered = dimensions.filter((d) => verdict(rows[d.id]!, threshold).score === null).length;
  return (
    <form action={formAction} noValidate>
      <FormStatus state={state} />
      <input type="hidden" name="assessmentId" value={assessmentId} />
      <input type="hidden" name="version" value={String(state?.ok ? state.data.version : version)} />
      <p className="mb-4 text-nhs-secondary">
        Score each dimension: likelihood × consequence. A negative impact scoring more than {threshold} needs the full
        QIA; a positive or no impact never does. Leave a dimension blank to answer it later.
      </p>
      {dimensions.map((d) => {
        const row = rows[d.id]!;
        const v = verdict(row, threshold);
        return (
          <fieldset
            key={d.id}
            className={`mb-4 rounded border p-4 ${v.above ? "border-4 border-nhs-red" : "border-nhs-border"}`}
          >
            <legend className="px-1 text-lg font-bold">{d.name}</legend>
            <p className="mb-2 text-sm text-nhs-secondary">{d.description}</p>
            <div className="flex flex-wrap gap-4">
              <SelectField
                name={`impact.${d.id}`}
                label={`Impact on ${d.name.toLowerCase()}`}
                placeholder="Choose"
                options={impactOptions}
                value={row.impact}
                onChange={(e) => set(d.id, "impact", e.target.value)}
                errors={fieldErrors(state, `impact.${d.id}`)}
              />
              <SelectField
                name={`likelihood.${d.id}`}
                label="Likelihood"
                placeholder="Choose"
                options={likelihoodOptions}
                value={row.likelihood}
                onChange={(e) => set(d.id, "likelihood", e.target.value)}
                errors={fieldErrors(state, `likelihood.${d.id}`)}
              />
              <SelectField
                name={`consequence.${d.id}`}
                label="Consequence"
                placeholder="Choose"
                options={consequenceOptions}
                value={row.consequence}
                onChange={(e) => set(d.id, "consequence", e.target.value)}
                errors={fieldErrors(state, `consequence.${d.id}`)}
              />
            </div>
            <p className="font-semibold" data-testid={`score-${d.id}`}>
              {v.score === null
                ? "Not scored yet"
                : `Score ${v.score}${v.above ? ` — above ${threshold}: full QIA required` : ""}`}
            </p>
          </fieldset>
        );
      })}
      <div
        role="status"
        aria-live="polite"
        className={`mb-4 p-3 font-semibold ${above.length ? "border-4 border-nhs-red bg-white" : "border-l-4 border-nhs-blue bg-white"}`}
      >
        {above.length > 0
          ? `Full QIA required: ${above.map((d) => d.name).join(", ")} ${above.length === 1 ? "scores" : "score"} above ${threshold} with a negative impact.`
          : unanswered > 0
            ? `${unanswered} of ${dimensions.length} dimensions still to answer.`
            : SCREENED_OUT_REASON}
      </div>
      <Button type="submit" disabled={pending}>
        Save screening
      </Button>
    </form>
  );
}
