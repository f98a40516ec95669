"use client";

import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { FieldIdPrefix, SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { FormStatus, fieldErrors } from "@/components/ui/form-status";
import { useFormAction } from "@/components/forms/use-form-action";
import type { ActionState } from "@/server/action";
import {
  addCriterionAction,
  closeReviewAction,
  createReviewAction,
  createServiceLineAction,
  recordDecisionAction,
  recordScoresAction,
  removeCriterionAction,
  reopenReviewAction,
  setReviewMembersAction,
  setServiceLineSizeAction,
  startScoringAction,
  updateMatrixSettingsAction,
} from "../portfolio-actions";
import { OPTION_LABELS, PORTFOLIO_OPTIONS, QUADRANT_LABELS, type Quadrant } from "../portfolio-rules";

type Option = { value: string; label: string };
type AnyAction = (previous: ActionState<never> | null, formData: FormData) => Promise<ActionState<unknown>>;
type FieldProps = { values: Record<string, string | undefined>; errors: (field: string) => string[] | undefined };

/** One form: the action's status above, hidden fields, the fields, one submit button. */
function ActionForm({
  action,
  prefix,
  hidden,
  submit,
  variant,
  children,
}: {
  action: AnyAction;
  prefix: string;
  hidden: Record<string, string>;
  submit: string;
  variant?: "primary" | "secondary" | "danger";
  children?: (props: FieldProps) => ReactNode;
}) {
  const { state, formAction, pending, values, formKey } = useFormAction(action as never);
  const s = state as ActionState | null;
  return (
    <FieldIdPrefix value={prefix}>
      <form key={formKey} action={formAction} noValidate>
        <FormStatus state={s} />
        {Object.entries(hidden).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        {children?.({ values, errors: (field) => fieldErrors(s, field) })}
        <Button type="submit" variant={variant} disabled={pending}>
          {submit}
        </Button>
      </form>
    </FieldIdPrefix>
  );
}

export function NewServiceLineForm({
  organisationId,
  parents,
  divisions,
}: {
  organisationId: string;
  parents: Option[];
  divisions: Option[];
}) {
  return (
    <ActionForm
      action={createServiceLineAction as AnyAction}
      prefix="new-line"
      hidden={{ organisationId }}
      submit="Add service line"
    >
      {({ values, errors }) => (
        <>
          <TextField name="name" label="Name" defaultValue={values.name} errors={errors("name")} />
          <SelectField
            name="level"
            label="Level"
            hint="Board to Ward: meso is the division or specialty; micro a sub-specialty or department within it"
            options={[
              { value: "MESO", label: "Division / specialty (meso)" },
              { value: "MICRO", label: "Sub-specialty / department (micro)" },
            ]}
            defaultValue={values.level ?? "MESO"}
            errors={errors("level")}
          />
          <SelectField
            name="parentId"
            label="Part of (micro level only)"
            placeholder="None"
            options={parents}
            defaultValue={values.parentId ?? ""}
            errors={errors("parentId")}
          />
          <SelectField
            name="divisionId"
            label="Division"
            placeholder="None"
            options={divisions}
            defaultValue={values.divisionId ?? ""}
            errors={errors("divisionId")}
          />
        </>
      )}
    </ActionForm>
  );
}

export function ServiceLineSizeForm({
  serviceLineId,
  lineName,
  years,
  defaultYear,
}: {
  serviceLineId: string;
  lineName: string;
  years: Option[];
  defaultYear: string;
}) {
  return (
    <ActionForm
      action={setServiceLineSizeAction as AnyAction}
      prefix={`size-${serviceLineId}`}
      hidden={{ serviceLineId }}
      submit={`Save size of ${lineName}`}
      variant="secondary"
    >
      {({ values, errors }) => (
        <div className="grid gap-x-4 sm:grid-cols-4">
          <SelectField
            name="financialYear"
            label="Financial year"
            options={years}
            defaultValue={values.financialYear ?? defaultYear}
            errors={errors("financialYear")}
          />
          <TextField name="budget" label="Budget (£)" defaultValue={values.budget} errors={errors("budget")} />
          <TextField
            name="patients"
            label="Patients a year"
            inputMode="numeric"
            defaultValue={values.patients}
            errors={errors("patients")}
          />
          <TextField
            name="staffWte"
            label="Staff (WTE)"
            inputMode="decimal"
            defaultValue={values.staffWte}
            errors={errors("staffWte")}
          />
        </div>
      )}
    </ActionForm>
  );
}

export function NewReviewForm({ organisations, defaultCohort }: { organisations: Option[]; defaultCohort: string }) {
  return (
    <ActionForm action={createReviewAction as AnyAction} prefix="new-review" hidden={{}} submit="Create review">
      {({ values, errors }) => (
        <>
          <SelectField
            name="organisationId"
            label="Organisation"
            options={organisations}
            defaultValue={values.organisationId ?? organisations[0]?.value}
            errors={errors("organisationId")}
          />
          <TextField name="name" label="Review name" defaultValue={values.name} errors={errors("name")} />
          <TextField
            name="cohort"
            label="Cohort quarter"
            hint='The quarter of the financial year, e.g. "Q2 2026/27"'
            defaultValue={values.cohort ?? defaultCohort}
            errors={errors("cohort")}
          />
          <div className="grid gap-x-4 sm:grid-cols-3">
            <TextField
              name="pointsPool"
              label="Points pool"
              hint="The criteria's weights must add up to it"
              inputMode="numeric"
              defaultValue={values.pointsPool ?? "100"}
              errors={errors("pointsPool")}
            />
            <TextField
              name="scaleMin"
              label="Lowest score"
              inputMode="numeric"
              defaultValue={values.scaleMin ?? "0"}
              errors={errors("scaleMin")}
            />
            <TextField
              name="scaleMax"
              label="Highest score"
              inputMode="numeric"
              defaultValue={values.scaleMax ?? "10"}
              errors={errors("scaleMax")}
            />
          </div>
        </>
      )}
    </ActionForm>
  );
}

interface ReviewRef {
  reviewId: string;
  version: number;
}
const refFields = (r: ReviewRef) => ({ reviewId: r.reviewId, version: String(r.version) });

export function AddCriterionForm({
  review,
  domainNames,
  remaining,
}: {
  review: ReviewRef;
  domainNames: { CLINICAL: string; ECONOMIC: string };
  remaining: number;
}) {
  return (
    <ActionForm
      action={addCriterionAction as AnyAction}
      prefix="criterion"
      hidden={refFields(review)}
      submit="Add criterion"
    >
      {({ values, errors }) => (
        <>
          <SelectField
            name="domain"
            label="Domain"
            options={[
              { value: "CLINICAL", label: domainNames.CLINICAL },
              { value: "ECONOMIC", label: domainNames.ECONOMIC },
            ]}
            defaultValue={values.domain ?? "CLINICAL"}
            errors={errors("domain")}
          />
          <TextField name="name" label="Criterion" defaultValue={values.name} errors={errors("name")} />
          <TextAreaField
            name="description"
            label="What it measures (optional)"
            rows={2}
            defaultValue={values.description}
            errors={errors("description")}
          />
          <TextField
            name="weight"
            label="Weight (points)"
            hint={`${remaining} point${remaining === 1 ? "" : "s"} of the pool left to allocate`}
            inputMode="numeric"
            defaultValue={values.weight}
            errors={errors("weight")}
          />
        </>
      )}
    </ActionForm>
  );
}

export function RemoveCriterionButton({
  review,
  criterionId,
  name,
}: {
  review: ReviewRef;
  criterionId: string;
  name: string;
}) {
  return (
    <ActionForm
      action={removeCriterionAction as AnyAction}
      prefix={`remove-${criterionId}`}
      hidden={{ ...refFields(review), criterionId }}
      submit={`Remove ${name}`}
      variant="secondary"
    />
  );
}

/** One of a list of checkboxes sharing a name; ids from the value keep labels linked. */
function Checkbox({ name, option }: { name: string; option: Option & { checked: boolean } }) {
  const id = `${name}-${option.value}`;
  return (
    <div className="mb-2 flex items-start gap-2">
      <input
        id={id}
        type="checkbox"
        name={name}
        value={option.value}
        defaultChecked={option.checked}
        className="mt-1 h-5 w-5"
      />
      <label htmlFor={id}>{option.label}</label>
    </div>
  );
}

export function ReviewMembersForm({
  review,
  lines,
  people,
}: {
  review: ReviewRef;
  lines: (Option & { checked: boolean })[];
  people: (Option & { checked: boolean })[];
}) {
  return (
    <ActionForm
      action={setReviewMembersAction as AnyAction}
      prefix="members"
      hidden={refFields(review)}
      submit="Save service lines and scorers"
    >
      {({ errors }) => (
        <div className="grid gap-6 md:grid-cols-2">
          <fieldset>
            <legend className="mb-2 font-semibold">Service lines to score</legend>
            {errors("serviceLineIds") && (
              <p className="font-semibold text-nhs-red">{errors("serviceLineIds")!.join(". ")}</p>
            )}
            {lines.map((l) => (
              <Checkbox key={l.value} name="serviceLineIds" option={l} />
            ))}
          </fieldset>
          <fieldset>
            <legend className="mb-2 font-semibold">Scorers</legend>
            {errors("scorerIds") && <p className="font-semibold text-nhs-red">{errors("scorerIds")!.join(". ")}</p>}
            {people.map((p) => (
              <Checkbox key={p.value} name="scorerIds" option={p} />
            ))}
          </fieldset>
        </div>
      )}
    </ActionForm>
  );
}

export function MatrixSettingsForm({
  review,
  current,
}: {
  review: ReviewRef;
  current: Record<
    | "clinicalName"
    | "economicName"
    | "clinicalThreshold"
    | "economicThreshold"
    | "sizeMeasure"
    | "optionHighHigh"
    | "optionHighLow"
    | "optionLowHigh"
    | "optionLowLow",
    string
  >;
}) {
  const options = PORTFOLIO_OPTIONS.map((o) => ({ value: o, label: OPTION_LABELS[o] }));
  const quadrants: [keyof typeof current, Quadrant][] = [
    ["optionHighHigh", "HIGH_HIGH"],
    ["optionHighLow", "HIGH_LOW"],
    ["optionLowHigh", "LOW_HIGH"],
    ["optionLowLow", "LOW_LOW"],
  ];
  return (
    <ActionForm
      action={updateMatrixSettingsAction as AnyAction}
      prefix="matrix"
      hidden={refFields(review)}
      submit="Save matrix settings"
      variant="secondary"
    >
      {({ values, errors }) => (
        <>
          <div className="grid gap-x-4 sm:grid-cols-2">
            <TextField
              name="clinicalName"
              label="Clinical domain's name"
              defaultValue={values.clinicalName ?? current.clinicalName}
              errors={errors("clinicalName")}
            />
            <TextField
              name="economicName"
              label="Economic domain's name"
              defaultValue={values.economicName ?? current.economicName}
              errors={errors("economicName")}
            />
            <TextField
              name="clinicalThreshold"
              label="Clinical threshold (0-100)"
              inputMode="numeric"
              defaultValue={values.clinicalThreshold ?? current.clinicalThreshold}
              errors={errors("clinicalThreshold")}
            />
            <TextField
              name="economicThreshold"
              label="Economic threshold (0-100)"
              inputMode="numeric"
              defaultValue={values.economicThreshold ?? current.economicThreshold}
              errors={errors("economicThreshold")}
            />
          </div>
          <SelectField
            name="sizeMeasure"
            label="Dot size"
            options={[
              { value: "BUDGET", label: "Budget (£)" },
              { value: "PATIENTS", label: "Patients" },
              { value: "STAFF", label: "Staff (WTE)" },
            ]}
            defaultValue={values.sizeMeasure ?? current.sizeMeasure}
            errors={errors("sizeMeasure")}
          />
          <fieldset className="mb-2">
            <legend className="mb-2 font-semibold">Option each quadrant suggests</legend>
            <div className="grid gap-x-4 sm:grid-cols-2">
              {quadrants.map(([field, quadrant]) => (
                <SelectField
                  key={field}
                  name={field}
                  label={QUADRANT_LABELS[quadrant]}
                  options={options}
                  defaultValue={values[field] ?? current[field]}
                  errors={errors(field)}
                />
              ))}
            </div>
          </fieldset>
        </>
      )}
    </ActionForm>
  );
}

export function StartScoringButton({ review }: { review: ReviewRef }) {
  return (
    <ActionForm
      action={startScoringAction as AnyAction}
      prefix="start"
      hidden={refFields(review)}
      submit="Lock criteria and start scoring"
    />
  );
}

export function CloseReviewButton({ review }: { review: ReviewRef }) {
  return (
    <ActionForm
      action={closeReviewAction as AnyAction}
      prefix="close"
      hidden={refFields(review)}
      submit="Close the review"
      variant="secondary"
    />
  );
}

export function ReopenReviewForm({ review }: { review: ReviewRef }) {
  return (
    <ActionForm
      action={reopenReviewAction as AnyAction}
      prefix="reopen"
      hidden={refFields(review)}
      submit="Re-open the criteria"
      variant="danger"
    >
      {({ values, errors }) => (
        <TextAreaField
          name="reason"
          label="Why must the criteria change?"
          hint="Recorded with your name and shown on the review, so changing criteria after seeing scores is visible"
          rows={2}
          defaultValue={values.reason}
          errors={errors("reason")}
        />
      )}
    </ActionForm>
  );
}

export function ScoreLineForm({
  reviewId,
  serviceLineId,
  lineName,
  scale,
  criteria,
}: {
  reviewId: string;
  serviceLineId: string;
  lineName: string;
  scale: { min: number; max: number };
  criteria: {
    id: string;
    name: string;
    domainName: string;
    weight: number;
    score?: number;
    rationale?: string;
    version: number;
  }[];
}) {
  const hidden: Record<string, string> = { reviewId, serviceLineId };
  for (const c of criteria) hidden[`version:${c.id}`] = String(c.version);
  return (
    <ActionForm
      action={recordScoresAction as AnyAction}
      prefix={`score-${serviceLineId}`}
      hidden={hidden}
      submit={`Save my scores for ${lineName}`}
    >
      {({ values, errors }) => (
        <div className="grid gap-x-6 md:grid-cols-2">
          {criteria.map((c) => (
            <div key={c.id}>
              <TextField
                name={`score:${c.id}`}
                label={`${c.name} (${c.domainName}, weight ${c.weight})`}
                hint={`Score ${scale.min} to ${scale.max}`}
                inputMode="numeric"
                defaultValue={values[`score:${c.id}`] ?? (c.score === undefined ? "" : String(c.score))}
                errors={errors(`score:${c.id}`)}
              />
              <TextField
                name={`rationale:${c.id}`}
                label={`Rationale for ${c.name}`}
                defaultValue={values[`rationale:${c.id}`] ?? c.rationale ?? ""}
                errors={errors(`rationale:${c.id}`)}
              />
            </div>
          ))}
        </div>
      )}
    </ActionForm>
  );
}

export function DecisionForm({
  reviewId,
  serviceLineId,
  lineName,
  suggested,
  current,
}: {
  reviewId: string;
  serviceLineId: string;
  lineName: string;
  suggested: string | null;
  current: { option: string; rationale: string; version: number } | null;
}) {
  return (
    <ActionForm
      action={recordDecisionAction as AnyAction}
      prefix={`decision-${serviceLineId}`}
      hidden={{ reviewId, serviceLineId, version: String(current?.version ?? 0) }}
      submit={`Record decision for ${lineName}`}
    >
      {({ values, errors }) => (
        <>
          <SelectField
            name="option"
            label="Decision"
            hint={
              suggested ? `The matrix suggests: ${OPTION_LABELS[suggested as keyof typeof OPTION_LABELS]}` : undefined
            }
            options={PORTFOLIO_OPTIONS.map((o) => ({ value: o, label: OPTION_LABELS[o] }))}
            defaultValue={values.option ?? current?.option ?? suggested ?? ""}
            placeholder="Choose"
            errors={errors("option")}
          />
          <TextAreaField
            name="rationale"
            label="Rationale"
            rows={2}
            defaultValue={values.rationale ?? current?.rationale}
            errors={errors("rationale")}
          />
        </>
      )}
    </ActionForm>
  );
}
