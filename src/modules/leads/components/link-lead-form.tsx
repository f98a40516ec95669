"use client";

import { useActionState } from "react";
import { InlineFormStatus } from "@/components/ui/form-status";
import { linkLeadAction } from "../lead-actions";

export function LinkLeadForm({
  leadId,
  leadTitle,
  userId,
  people,
}: {
  leadId: string;
  leadTitle: string;
  userId: string | null;
  people: { id: string; name: string }[];
}) {
  const [state, action, pending] = useActionState(linkLeadAction, null);
  const selectId = `link-${leadId}`;
  return (
    <form action={action} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="leadId" value={leadId} />
      <label htmlFor={selectId} className="sr-only">
        Person for {leadTitle}
      </label>
      <select
        id={selectId}
        name="userId"
        defaultValue={userId ?? ""}
        className="rounded border-2 border-nhs-text bg-white px-2 py-1"
      >
        <option value="">Not linked</option>
        {people.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </select>
      <button
        type="submit"
        disabled={pending}
        className="rounded border-2 border-nhs-blue px-2 py-1 font-semibold text-nhs-blue"
      >
        Save<span className="sr-only"> person for {leadTitle}</span>
      </button>
      <InlineFormStatus state={state} />
    </form>
  );
}
