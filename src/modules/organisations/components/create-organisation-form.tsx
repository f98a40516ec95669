"use client";

import { Button } from "@/components/ui/button";
import { FieldIdPrefix, SelectField, TextField } from "@/components/ui/field";
import { FormStatus, fieldErrors } from "@/components/ui/form-status";
import { useFormAction } from "@/components/forms/use-form-action";
import { createOrganisationAction } from "../organisation-actions";
import { ORGANISATION_KINDS, ORGANISATION_KIND_LABELS } from "../organisation-kinds";

export function CreateOrganisationForm({ systems }: { systems: { id: string; name: string }[] }) {
  const { state, formAction, pending, values, formKey } = useFormAction(createOrganisationAction);
  return (
    <FieldIdPrefix value="new-organisation">
      <form key={formKey} action={formAction} noValidate>
        <FormStatus state={state} />
        <TextField name="name" label="Name" defaultValue={values.name} errors={fieldErrors(state, "name")} />
        <SelectField
          name="kind"
          label="Kind"
          placeholder="Choose"
          defaultValue={values.kind ?? ""}
          options={ORGANISATION_KINDS.map((kind) => ({ value: kind, label: ORGANISATION_KIND_LABELS[kind] }))}
          errors={fieldErrors(state, "kind")}
        />
        <TextField
          name="odsCode"
          label="ODS code"
          hint="The NHS Organisation Data Service code: a trust's starts with R or T (e.g. RXN), an ICB's with Q (e.g. QE1)"
          defaultValue={values.odsCode}
          errors={fieldErrors(state, "odsCode")}
        />
        <TextField
          name="code"
          label="Short code"
          hint="2 to 12 letters or digits; it prefixes scheme references, e.g. LTH-CIP-0042"
          defaultValue={values.code}
          errors={fieldErrors(state, "code")}
        />
        <SelectField
          name="systemId"
          label="System"
          defaultValue={values.systemId ?? systems[0]?.id}
          options={systems.map((s) => ({ value: s.id, label: s.name }))}
          errors={fieldErrors(state, "systemId")}
        />
        <Button type="submit" disabled={pending}>
          Add organisation
        </Button>
      </form>
    </FieldIdPrefix>
  );
}
