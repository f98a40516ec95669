"use client";

import { useActionState } from "react";
import { revokeRoleAction } from "../user-actions";

export function RevokeRoleButton({ membershipId, description }: { membershipId: string; description: string }) {
  const [state, action, pending] = useActionState(revokeRoleAction, null);
  return (
    <form action={action}>
      <input type="hidden" name="membershipId" value={membershipId} />
      <button type="submit" disabled={pending} className="font-semibold text-nhs-red underline">
        Remove<span className="sr-only"> {description}</span>
      </button>
      {state && !state.ok && (
        <p role="alert" className="text-nhs-red">
          {state.message}
        </p>
      )}
    </form>
  );
}
