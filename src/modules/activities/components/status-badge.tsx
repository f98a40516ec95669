import type { ActivityStatus } from "@/generated/prisma/enums";
import { ACTIVITY_STATUS_LABELS, ACTIVITY_STATUS_STYLES, OVERDUE_STYLE, statusShown } from "../activity-status";

export function StatusBadge({ status, overdue = false }: { status: ActivityStatus; overdue?: boolean }) {
  const shown = statusShown(status, overdue);
  return (
    <span className="inline-flex flex-wrap gap-1">
      {shown && (
        <span className={`rounded px-2 py-0.5 text-sm font-semibold ${ACTIVITY_STATUS_STYLES[shown]}`}>
          {ACTIVITY_STATUS_LABELS[shown]}
        </span>
      )}
      {overdue && <span className={`rounded px-2 py-0.5 text-sm font-semibold ${OVERDUE_STYLE}`}>Overdue</span>}
    </span>
  );
}
