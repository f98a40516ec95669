import type { ActivityStatus } from "@/generated/prisma/enums";
import { ACTIVITY_STATUS_LABELS, ACTIVITY_STATUS_STYLES } from "../activity-status";

export function StatusBadge({ status, overdue }: { status: ActivityStatus; overdue?: boolean }) {
  return (
    <span className="inline-flex flex-wrap gap-1">
      <span className={`rounded px-2 py-0.5 text-sm font-semibold ${ACTIVITY_STATUS_STYLES[status]}`}>
        {ACTIVITY_STATUS_LABELS[status]}
      </span>
      {overdue && (
        <span className="rounded border-2 border-nhs-red px-2 py-0.5 text-sm font-semibold text-nhs-red">Overdue</span>
      )}
    </span>
  );
}
