"use client";

import Link from "next/link";
import { Button } from "@/components/ui/button";
import { CheckboxField, FieldIdPrefix, SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { FormStatus, fieldErrors } from "@/components/ui/form-status";
import { useFormAction } from "@/components/forms/use-form-action";
import { routes } from "@/server/routes";
import type { ActionState } from "@/server/action";
import { createSchemeAction, updateSchemeAction } from "../scheme-actions";

type CreateAction = (
  previous: ActionState<{ schemeId: string; version: number }> | null,
  formData: FormData,
) => Promise<ActionState<{ schemeId: string; version: number }>>;

type Option = { value: string; label: string };

export interface SchemeFormOptions {
  divisions: Option[];
  workstreams: Option[];
  leads: Option[];
  years: Option[];
  /** The year a new scheme starts in unless the user chooses another: the current one. */
  defaultYear: string;
  months: Option[];
  /** CIP and QIPP when the organisation holds both (a trust with delegated QIPP); else one, not offered. */
  programmeTypes?: Option[];
}

/** Create a scheme at an organisation, or edit one (existing, with the version loaded). */
export function SchemeForm({
  organisationId,
  options,
  canChooseLead,
  existing,
  prefill,
}: {
  organisationId?: string;
  options: SchemeFormOptions;
  canChooseLead: boolean;
  existing?: { schemeId: string; version: number; values: Record<string, string> };
  /** A new scheme started from elsewhere (a portfolio decision): its action, hidden fields and first values. */
  prefill?: { action: CreateAction; hidden: Record<string, string>; values: Record<string, string> };
}) {
  const {
    state,
    formAction,
    pending,
    values: submitted,
    formKey,
  } = useFormAction(existing ? updateSchemeAction : (prefill?.action ?? createSchemeAction));
  const values: Record<string, string | undefined> = { ...prefill?.values, ...existing?.values, ...submitted };
  const errors = (field: string) => fieldErrors(state, field);
  return (
    <FieldIdPrefix value={existing ? "edit-scheme" : "new-scheme"}>
      <form key={`${formKey}-${existing?.version ?? ""}`} action={formAction} noValidate>
        <FormStatus state={state} />
        {!existing && state?.ok && (
          <p className="mb-4">
            <Link href={routes.scheme(state.data.schemeId)} className="font-semibold">
              Open the new scheme
            </Link>
          </p>
        )}
        {organisationId && <input type="hidden" name="organisationId" value={organisationId} />}
        {existing && <input type="hidden" name="schemeId" value={existing.schemeId} />}
        {Object.entries(prefill?.hidden ?? {}).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        {existing && (
          <input type="hidden" name="version" value={String(state?.ok ? state.data.version : existing.version)} />
        )}
        <TextField name="title" label="Title" defaultValue={values.title} errors={errors("title")} />
        <TextAreaField
          name="description"
          label="Description"
          defaultValue={values.description}
          errors={errors("description")}
        />
        <div className="grid gap-x-6 md:grid-cols-2">
          <SelectField
            name="category"
            label="Category"
            placeholder="Choose"
            options={[
              { value: "PAY", label: "Pay" },
              { value: "NON_PAY", label: "Non-pay" },
              { value: "INCOME", label: "Income" },
            ]}
            defaultValue={values.category ?? ""}
            errors={errors("category")}
          />
          <TextField
            name="subCategory"
            label="Sub-category (optional)"
            hint="e.g. Agency, Procurement, Medicines"
            defaultValue={values.subCategory}
            errors={errors("subCategory")}
          />
          <SelectField
            name="recurrent"
            label="Recurrent?"
            placeholder="Choose"
            options={[
              { value: "true", label: "Recurrent" },
              { value: "false", label: "Non-recurrent" },
            ]}
            defaultValue={values.recurrent ?? ""}
            errors={errors("recurrent")}
          />
          <CheckboxField
            name="cashReleasing"
            label="Cash-releasing"
            hint="Untick for productivity savings that release no cash"
            defaultChecked={(values.cashReleasing ?? "on") === "on"}
            errors={errors("cashReleasing")}
          />
          <SelectField
            name="divisionId"
            label="Division (optional)"
            placeholder="None"
            options={options.divisions}
            defaultValue={values.divisionId ?? ""}
            errors={errors("divisionId")}
          />
          <SelectField
            name="workstreamId"
            label="Workstream (optional)"
            placeholder="None"
            options={options.workstreams}
            defaultValue={values.workstreamId ?? ""}
            errors={errors("workstreamId")}
          />
          {canChooseLead && (
            <SelectField
              name="leadId"
              label="Lead"
              placeholder="Me"
              options={options.leads}
              defaultValue={values.leadId ?? ""}
              errors={errors("leadId")}
            />
          )}
          {!existing && (options.programmeTypes?.length ?? 0) > 1 && (
            <SelectField
              name="programmeType"
              label="Programme"
              options={options.programmeTypes!}
              defaultValue={values.programmeType}
              errors={errors("programmeType")}
            />
          )}
          <SelectField
            name="financialYear"
            label="Financial year"
            options={options.years}
            defaultValue={values.financialYear ?? options.defaultYear}
            errors={errors("financialYear")}
          />
          <TextField
            name="fullYearEffect"
            label="Full-year effect (£)"
            inputMode="decimal"
            hint="The saving in a full year, e.g. 450,000"
            defaultValue={values.fullYearEffect}
            errors={errors("fullYearEffect")}
          />
          <TextField
            name="inYearValue"
            label="In-year value (£)"
            inputMode="decimal"
            hint="The saving in this financial year"
            defaultValue={values.inYearValue}
            errors={errors("inYearValue")}
          />
          <SelectField
            name="startMonth"
            label="Start month (optional)"
            placeholder="Not set"
            options={options.months}
            defaultValue={values.startMonth ?? ""}
            errors={errors("startMonth")}
          />
          <SelectField
            name="rag"
            label="Delivery RAG (optional)"
            placeholder="Not rated"
            options={[
              { value: "RED", label: "Red" },
              { value: "AMBER", label: "Amber" },
              { value: "GREEN", label: "Green" },
            ]}
            defaultValue={values.rag ?? ""}
            errors={errors("rag")}
          />
        </div>
        <fieldset className="mb-4">
          <legend className="font-semibold">WTE reduction (negative for posts added)</legend>
          <div className="flex flex-wrap gap-4">
            <TextField
              name="wteSubstantive"
              label="Substantive"
              inputMode="decimal"
              defaultValue={values.wteSubstantive ?? "0"}
              errors={errors("wteSubstantive")}
            />
            <TextField
              name="wteBank"
              label="Bank"
              inputMode="decimal"
              defaultValue={values.wteBank ?? "0"}
              errors={errors("wteBank")}
            />
            <TextField
              name="wteAgency"
              label="Agency"
              inputMode="decimal"
              defaultValue={values.wteAgency ?? "0"}
              errors={errors("wteAgency")}
            />
          </div>
        </fieldset>
        <Button type="submit" disabled={pending}>
          {existing ? "Save scheme" : "Create scheme"}
        </Button>
      </form>
    </FieldIdPrefix>
  );
}
