"use client";

import { Button } from "@/components/ui/button";
import { FormStatus, fieldErrors } from "@/components/ui/form-status";
import { useFormAction } from "@/components/forms/use-form-action";
import {
  DIGEST_FREQUENCIES,
  EMAIL_CATEGORIES,
  EMAIL_CATEGORY_LABELS,
  FREQUENCY_LABELS,
  type DigestFrequency,
  type EmailCategory,
} from "../email-categories";
import { setEmailPreferencesAction } from "../notification-actions";

export function EmailPreferencesForm({ choices }: { choices: Record<EmailCategory, DigestFrequency> }) {
  const { state, formAction, pending, values, formKey } = useFormAction(setEmailPreferencesAction);
  return (
    <form key={formKey} action={formAction} noValidate>
      <FormStatus state={state} />
      {EMAIL_CATEGORIES.map((category) => {
        const errors = fieldErrors(state, category);
        const chosen = values[category] ?? choices[category];
        return (
          <fieldset key={category} className="mb-4" aria-describedby={errors?.length ? `${category}-error` : undefined}>
            <legend className="mb-1 font-semibold">{EMAIL_CATEGORY_LABELS[category]}</legend>
            {errors?.length ? (
              <p id={`${category}-error`} className="font-semibold text-nhs-red">
                {errors.join(" ")}
              </p>
            ) : null}
            <div className="flex flex-wrap gap-x-6 gap-y-1">
              {DIGEST_FREQUENCIES.map((frequency) => (
                <label key={frequency} className="inline-flex items-center gap-2">
                  <input type="radio" name={category} value={frequency} defaultChecked={chosen === frequency} />
                  {FREQUENCY_LABELS[frequency]}
                </label>
              ))}
            </div>
          </fieldset>
        );
      })}
      <Button type="submit" disabled={pending}>
        Save email choices
      </Button>
    </form>
  );
}
