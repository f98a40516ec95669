"use client";

import { useActionState, useState } from "react";
import type { ActionState } from "@/server/action";

type FormAction<T> = (previous: ActionState<T> | null, formData: FormData) => Promise<ActionState<T>>;

/**
 * useActionState plus the values just submitted, so a form refused by the server shows
 * the user's answers again next to the errors (React resets the form after an action).
 * `formKey` changes per submission: use it as the form's key so defaultValues re-apply.
 */
export function useFormAction<T>(action: FormAction<T>) {
  const [submitted, setSubmitted] = useState<{ values: Record<string, string[]>; count: number }>({
    values: {},
    count: 0,
  });
  const [state, formAction, pending] = useActionState(async (previous: ActionState<T> | null, formData: FormData) => {
    const values: Record<string, string[]> = {};
    formData.forEach((value, key) => {
      if (typeof value === "string" && !/password/i.test(key) && !key.startsWith("$ACTION"))
        (values[key] ??= []).push(value);
    });
    const result = await action(previous, formData);
    setSubmitted((s) => ({ values: result.ok ? {} : values, count: s.count + 1 }));
    return result;
  }, null);
  const first = Object.fromEntries(Object.entries(submitted.values).map(([k, v]) => [k, v[0] ?? ""]));
  /** Every value submitted under a name (checkbox groups). */
  const allValues = (name: string): string[] => submitted.values[name] ?? [];
  return { state, formAction, pending, values: first, allValues, formKey: submitted.count };
}
