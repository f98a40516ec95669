import type { ActivityStatus } from "@/generated/prisma/enums";

export const ACTIVITY_STATUSES = [
  "NOT_STARTED",
  "ON_TRACK",
  "AT_RISK",
  "LATE",
  "DONE",
] as const satisfies readonly ActivityStatus[];

export const ACTIVITY_STATUS_LABELS = {
  NOT_STARTED: "Not started",
  ON_TRACK: "On track",
  AT_RISK: "At risk",
  LATE: "Late",
  DONE: "Done",
} as const satisfies Record<ActivityStatus, string>;

/** Colours with a text colour that passes WCAG AA contrast on them. */
export const ACTIVITY_STATUS_STYLES = {
  NOT_STARTED: "bg-[#d8dde0] text-[#212b32]",
  ON_TRACK: "bg-[#007f3b] text-white",
  AT_RISK: "bg-[#ffb81c] text-[#212b32]",
  LATE: "bg-[#d5281b] text-white",
  DONE: "bg-[#005eb8] text-white",
} as const satisfies Record<ActivityStatus, string>;

/** The overdue mark: red text and border on white (4.9:1). */
export const OVERDUE_STYLE = "border-2 border-[#d5281b] bg-white text-[#d5281b]";

/**
 * The status to show beside the overdue mark. "On track" and "Overdue" never show together
 * (issue 13 item 9): past its due quarter an activity marked on track shows as overdue only;
 * late, at risk or not started stay, as they add to it.
 */
export function statusShown(status: ActivityStatus, overdue: boolean): ActivityStatus | null {
  return overdue && status === "ON_TRACK" ? null : status;
}
