"use client";

import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { FormStatus, fieldErrors } from "@/components/ui/form-status";
import { useFormAction } from "@/components/forms/use-form-action";
import { createApiTokenAction } from "../api-token-actions";
import { TOKEN_EXPIRY_CHOICES } from "../token-rules";

const EXPIRY_LABELS: Record<(typeof TOKEN_EXPIRY_CHOICES)[number], string> = {
  7: "7 days",
  30: "30 days",
  90: "90 days",
  180: "6 months",
  365: "1 year",
};

/** Creates a token and shows it once, with the header to paste into Power BI. */
export function CreateApiTokenForm() {
  const { state, formAction, pending, values, formKey } = useFormAction(createApiTokenAction);
  const created = state?.ok ? (state.data as { token: string }) : null;
  return (
    <>
      <form key={formKey} action={formAction} noValidate>
        <FormStatus state={state} />
        <TextField
          name="name"
          label="Token name"
          hint="What it is for, e.g. “Power BI – board report”."
          autoComplete="off"
          maxLength={80}
          defaultValue={values.name}
          errors={fieldErrors(state, "name")}
        />
        <SelectField
          name="expiresInDays"
          label="Expires after"
          options={TOKEN_EXPIRY_CHOICES.map((d) => ({ value: String(d), label: EXPIRY_LABELS[d] }))}
          defaultValue={values.expiresInDays ?? "90"}
          errors={fieldErrors(state, "expiresInDays")}
        />
        <Button type="submit" disabled={pending}>
          Create token
        </Button>
      </form>
      {created && (
        <section aria-labelledby="new-token-heading" className="mt-6 rounded border-4 border-nhs-yellow bg-white p-4">
          <h3 id="new-token-heading" className="text-lg font-bold">
            Your new token
          </h3>
          <p className="mb-2">Copy it now. It is shown only once; if you lose it, revoke it and create another.</p>
          <label htmlFor="new-token" className="font-semibold">
            Token
          </label>
          <input
            id="new-token"
            readOnly
            value={created.token}
            className="mt-1 block w-full rounded border-2 border-nhs-border p-2 font-mono"
            onFocus={(e) => e.currentTarget.select()}
          />
          <p className="mt-2">
            In Power BI, send it as the header <code>Authorization</code> with the value <code>Bearer</code> followed by
            a space and the token, or, opening a data-source file below, answer the sign-in prompt with Basic: any user
            name and the token as the password.
          </p>
        </section>
      )}
    </>
  );
}
