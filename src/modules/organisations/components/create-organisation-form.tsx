"use client";

import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { FormStatus, fieldErrors } from "@/components/ui/form-status";
import { useFormAction } from "@/components/forms/use-form-action";
import { createOrganisationAction } from "../organisation-actions";

export function CreateOrganisationForm({ systems }: { systems: { id: string; name: string }[] }) {
  const { state, formAction, pending, values, formKey } = useFormAction(createOrganisationAction);
  return (
    <form key={formKey} action={formAction} noValidate>
      <FormStatus state={state} />
      <TextField name="name" label="Name" defaultValue={values.name} errors={fieldErrors(state, "name")} />
      <TextField
        name="code"
        label="Short code"
        hint="2 to 12 letters or digits; it prefixes scheme references, e.g. LTH-CIP-0042"
        defaultValue={values.code}
        errors={fieldErrors(state, "code")}
      />
      <SelectField
        name="type"
        label="Type"
        placeholder="Choose"
        defaultValue={values.type ?? ""}
        options={[
          { value: "TRUST", label: "NHS trust" },
          { value: "ICB", label: "Integrated care board" },
        ]}
        errors={fieldErrors(state, "type")}
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
  );
}
