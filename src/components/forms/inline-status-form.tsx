"use client";

import { useActionState } from "react";
import { InlineFormStatus } from "@/components/ui/form-status";
import type { ActionState } from "@/server/action";

interface Props<S extends string, T> {
  action: (previous: ActionState<T> | null, formData: FormData) => Promise<ActionState<T>>;
  /** The hidden field naming the record, e.g. { name: "actionId", value: id }. */
  record: { name: string; value: string };
  status: S;
  statuses: readonly S[];
  labels: Record<S, string>;
  /** What the row is, for the visually hidden label: "action: Agree rates with agencies". */
  what: string;
}

/** A status select and Save button inside a table row or list item, announcing the result. */
export function InlineStatusForm<S extends string, T>({ action, record, status, statuses, labels, what }: Props<S, T>) {
  const [state, formAction, pending] = useActionState<ActionState<T> | null, FormData>(action, null);
  const id = `status-${record.value}`;
  return (
    <form action={formAction} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name={record.name} value={record.value} />
      <label htmlFor={id} className="sr-only">
        Status of {what}
      </label>
      <select
        id={id}
        name="status"
        defaultValue={status}
        className="rounded border-2 border-nhs-text bg-white px-2 py-1"
      >
        {statuses.map((s) => (
          <option key={s} value={s}>
            {labels[s]}
          </option>
        ))}
      </select>
      <button
        type="submit"
        disabled={pending}
        className="rounded border-2 border-nhs-blue px-2 py-1 font-semibold text-nhs-blue"
      >
        Save<span className="sr-only"> status of {what}</span>
      </button>
      <InlineFormStatus state={state} />
    </form>
  );
}
