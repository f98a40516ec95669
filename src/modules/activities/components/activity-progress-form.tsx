"use client";

import { useActionState } from "react";
import { useAnnounce } from "@/components/ui/announcer";
import type { ActionState } from "@/server/action";
import type { ActivityStatus } from "@/generated/prisma/enums";
import { Button } from "@/components/ui/button";
import { FieldIdPrefix, SelectField, TextAreaField } from "@/components/ui/field";
import { FormStatus, fieldErrors } from "@/components/ui/form-status";
import { updateActivityProgressAction } from "../activity-actions";
import { ACTIVITY_STATUSES, ACTIVITY_STATUS_LABELS } from "../activity-status";

/** A lead's update of one activity: status and deliverables, guarded by the version they saw. */
export function ActivityProgressForm({
  activity,
}: {
  activity: { id: string; version: number; status: ActivityStatus; deliverables: string[]; label: string };
}) {
  const announce = useAnnounce();
  // The card may move (e.g. into "Done") and lose this form's own status, so also tell the page.
  const [state, action, pending] = useActionState(
    async (previous: ActionState<{ version: number }> | null, formData: FormData) => {
      const result = await updateActivityProgressAction(previous, formData);
      if (result.ok) announce(`${result.message ?? "Activity updated."} (${activity.label})`);
      return result;
    },
    null,
  );
  return (
    <FieldIdPrefix value={`activity-${activity.id}`}>
      <form action={action} noValidate aria-label={`Update ${activity.label}`}>
        <FormStatus state={state} />
        <input type="hidden" name="activityId" value={activity.id} />
        <input
          type="hidden"
          name="version"
          value={state?.ok ? String((state.data as { version: number }).version) : String(activity.version)}
        />
        <SelectField
          name="status"
          label="Status"
          options={ACTIVITY_STATUSES.map((s) => ({ value: s, label: ACTIVITY_STATUS_LABELS[s] }))}
          defaultValue={activity.status}
          errors={fieldErrors(state, "status")}
        />
        <TextAreaField
          name="deliverables"
          label="Deliverables (one per line)"
          rows={3}
          defaultValue={activity.deliverables.join("\n")}
          errors={fieldErrors(state, "deliverables")}
        />
        <Button type="submit" disabled={pending}>
          Save update
        </Button>
      </form>
    </FieldIdPrefix>
  );
}
