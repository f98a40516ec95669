"use client";

import { RowActionButton } from "@/components/forms/row-action-button";
import { revokeRoleAction } from "../user-actions";

export function RevokeRoleButton({ membershipId, description }: { membershipId: string; description: string }) {
  return (
    <RowActionButton
      action={revokeRoleAction}
      record={{ name: "membershipId", value: membershipId }}
      label="Remove"
      what={description}
    />
  );
}
