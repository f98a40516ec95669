"use client";

import Link from "next/link";
import { Button } from "@/components/ui/button";
import { routes } from "@/server/routes";
import { FieldIdPrefix, SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { FormStatus, fieldErrors } from "@/components/ui/form-status";
import { useFormAction } from "@/components/forms/use-form-action";
import { createRiskAction, updateRiskAction } from "../risk-actions";
import { RISK_CATEGORY_LABELS } from "../risk-labels";
import { RISK_CATEGORIES } from "../risk-schemas";
import { CONSEQUENCE_LABELS, LIKELIHOOD_LABELS, type RiskRating } from "../risk-scoring";

const RATINGS: RiskRating[] = [1, 2, 3, 4, 5];
const likelihoodOptions = RATINGS.map((r) => ({ value: String(r), label: `${r} – ${LIKELIHOOD_LABELS[r]}` }));
const consequenceOptions = RATINGS.map((r) => ({ value: String(r), label: `${r} – ${CONSEQUENCE_LABELS[r]}` }));

export type RiskFormValues = Record<
  | "title"
  | "cause"
  | "event"
  | "effect"
  | "ownerId"
  | "category"
  | "reviewDate"
  | "inherentLikelihood"
  | "inherentConsequence"
  | "currentLikelihood"
  | "currentConsequence"
  | "targetLikelihood"
  | "targetConsequence",
  string
>;

/** Raise a risk on a programme register (programmeId) or edit one (existing). */
export function RiskForm({
  programmeId,
  schemeId,
  workstreams = [],
  defaultWorkstreamId,
  defaultOwnerId,
  owners,
  existing,
}: {
  programmeId?: string;
  schemeId?: string;
  workstreams?: { id: string; name: string }[];
  defaultWorkstreamId?: string;
  defaultOwnerId?: string;
  owners: { id: string; name: string }[];
  existing?: { riskId: string; version: number; values: RiskFormValues };
}) {
  const {
    state,
    formAction,
    pending,
    values: submitted,
    formKey,
  } = useFormAction(existing ? updateRiskAction : createRiskAction);
  const values: Partial<Record<string, string>> = { ...existing?.values, ...submitted };
  const errors = (field: string) => fieldErrors(state, field);
  const pair = (prefix: "inherent" | "current" | "target", legend: string, hint: string) => (
    <fieldset className="mb-4">
      <legend className="font-semibold">{legend}</legend>
      <p className="mb-2 text-sm text-nhs-secondary">{hint}</p>
      <div className="flex flex-wrap gap-4">
        <SelectField
          name={`${prefix}Likelihood`}
          label="Likelihood"
          placeholder="Choose"
          options={likelihoodOptions}
          defaultValue={values[`${prefix}Likelihood`] ?? ""}
          errors={errors(`${prefix}Likelihood`)}
        />
        <SelectField
          name={`${prefix}Consequence`}
          label="Consequence"
          placeholder="Choose"
          options={consequenceOptions}
          defaultValue={values[`${prefix}Consequence`] ?? ""}
          errors={errors(`${prefix}Consequence`)}
        />
      </div>
    </fieldset>
  );
  return (
    <FieldIdPrefix value={existing ? "edit-risk" : "new-risk"}>
      <form key={`${formKey}-${existing?.version ?? ""}`} action={formAction} noValidate>
        <FormStatus state={state} />
        {!existing && state?.ok && (
          <p className="mb-4">
            <Link href={routes.risk(state.data.riskId)} className="font-semibold">
              Open the risk you raised
            </Link>
          </p>
        )}
        {programmeId && <input type="hidden" name="programmeId" value={programmeId} />}
        {schemeId && <input type="hidden" name="schemeId" value={schemeId} />}
        {existing && <input type="hidden" name="riskId" value={existing.riskId} />}
        {existing && (
          <input type="hidden" name="version" value={String(state?.ok ? state.data.version : existing.version)} />
        )}
        {!existing && workstreams.length > 0 && (
          <SelectField
            name="workstreamId"
            label="Register"
            placeholder="The programme's register"
            options={workstreams.map((w) => ({ value: w.id, label: `Workstream: ${w.name}` }))}
            defaultValue={values.workstreamId ?? defaultWorkstreamId ?? ""}
            errors={errors("workstreamId")}
          />
        )}
        <TextField name="title" label="Title" defaultValue={values.title} errors={errors("title")} />
        <TextAreaField
          name="cause"
          label="Cause"
          hint="Because of…"
          rows={2}
          defaultValue={values.cause}
          errors={errors("cause")}
        />
        <TextAreaField
          name="event"
          label="Event"
          hint="…there is a risk that…"
          rows={2}
          defaultValue={values.event}
          errors={errors("event")}
        />
        <TextAreaField
          name="effect"
          label="Effect"
          hint="…which would lead to…"
          rows={2}
          defaultValue={values.effect}
          errors={errors("effect")}
        />
        <SelectField
          name="ownerId"
          label="Owner"
          placeholder="Choose"
          options={owners.map((o) => ({ value: o.id, label: o.name }))}
          defaultValue={values.ownerId ?? defaultOwnerId ?? ""}
          errors={errors("ownerId")}
        />
        <SelectField
          name="category"
          label="Category"
          placeholder="Choose"
          options={RISK_CATEGORIES.map((c) => ({ value: c, label: RISK_CATEGORY_LABELS[c] }))}
          defaultValue={values.category ?? ""}
          errors={errors("category")}
        />
        {pair("inherent", "Inherent risk", "Before any controls")}
        {pair("current", "Current risk", "With the controls in place today")}
        {pair("target", "Target risk", "Where the mitigating actions should bring it; no worse than current")}
        <TextField
          name="reviewDate"
          label="Next review date"
          type="date"
          defaultValue={values.reviewDate}
          errors={errors("reviewDate")}
        />
        <Button type="submit" disabled={pending}>
          {existing ? "Save risk" : "Raise risk"}
        </Button>
      </form>
    </FieldIdPrefix>
  );
}
