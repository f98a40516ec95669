"use client";

import { Button } from "@/components/ui/button";
import { FieldIdPrefix, TextField } from "@/components/ui/field";
import { FormStatus, fieldErrors } from "@/components/ui/form-status";
import { useFormAction } from "@/components/forms/use-form-action";
import { createSystemAction } from "../organisation-actions";

/** A platform administrator's form: a new integrated care system and its ICB. */
export function CreateSystemForm() {
  const { state, formAction, pending, values, formKey } = useFormAction(createSystemAction);
  return (
    <FieldIdPrefix value="new-system">
      <form key={formKey} action={formAction} noValidate>
        <FormStatus state={state} />
        <TextField
          name="name"
          label="System name"
          hint="The integrated care system, e.g. Lancashire and South Cumbria"
          defaultValue={values.name}
          errors={fieldErrors(state, "name")}
        />
        <TextField
          name="icbName"
          label="ICB name"
          defaultValue={values.icbName}
          errors={fieldErrors(state, "icbName")}
        />
        <TextField
          name="icbOdsCode"
          label="ICB ODS code"
          hint="3 characters starting with Q, e.g. QE1"
          defaultValue={values.icbOdsCode}
          errors={fieldErrors(state, "icbOdsCode")}
        />
        <TextField
          name="icbCode"
          label="ICB short code"
          hint="2 to 12 letters or digits; it prefixes the ICB's scheme references"
          defaultValue={values.icbCode}
          errors={fieldErrors(state, "icbCode")}
        />
        <Button type="submit" disabled={pending}>
          Create system
        </Button>
      </form>
    </FieldIdPrefix>
  );
}
