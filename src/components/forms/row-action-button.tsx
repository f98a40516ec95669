"use client";

import { useActionState } from "react";
import type { ActionState } from "@/server/action";

interface Props<T> {
  action: (previous: ActionState<T> | null, formData: FormData) => Promise<ActionState<T>>;
  /** The hidden field naming the record, e.g. { name: "tokenId", value: id }. */
  record: { name: string; value: string };
  /** The visible word, e.g. "Remove" or "Revoke". */
  label: string;
  /** What it acts on, for screen readers: the button reads "Revoke Power BI token". */
  what: string;
}

/** A one-click destructive action in a table row (remove a role, revoke a token), with its refusal shown. */
export function RowActionButton<T>({ action, record, label, what }: Props<T>) {
  const [state, formAction, pending] = useActionState<ActionState<T> | null, FormData>(action, null);
  return (
    <form action={formAction}>
      <input type="hidden" name={record.name} value={record.value} />
      <button type="submit" disabled={pending} className="font-semibold text-nhs-red underline">
        {label}
        <span className="sr-only"> {what}</span>
      </button>
      {state && !state.ok && (
        <p role="alert" className="text-nhs-red">
          {state.message}
        </p>
      )}
    </form>
  );
}
