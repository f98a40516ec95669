"use client";

import { Button } from "@/components/ui/button";
import { CheckboxField, FieldIdPrefix } from "@/components/ui/field";
import { FormStatus, fieldErrors } from "@/components/ui/form-status";
import { useFormAction } from "@/components/forms/use-form-action";
import { setDelegatedQippAction } from "../organisation-actions";

/** The ICB's administrator records whether the ICB delegates QIPP-style schemes to this trust. */
export function DelegatedQippForm({ organisationId, holds }: { organisationId: string; holds: boolean }) {
  const { state, formAction, pending, formKey } = useFormAction(setDelegatedQippAction);
  const checked = state?.ok ? state.data.holdsDelegatedQipp : holds;
  return (
    <FieldIdPrefix value="delegated-qipp">
      <form key={formKey} action={formAction} noValidate>
        <FormStatus state={state} />
        <input type="hidden" name="organisationId" value={organisationId} />
        <CheckboxField
          name="holdsDelegatedQipp"
          label="Holds QIPP schemes delegated by its ICB"
          hint="The trust then has a QIPP target and QIPP schemes beside its CIP."
          defaultChecked={checked}
          errors={fieldErrors(state, "holdsDelegatedQipp")}
        />
        <Button type="submit" disabled={pending}>
          Save
        </Button>
      </form>
    </FieldIdPrefix>
  );
}
