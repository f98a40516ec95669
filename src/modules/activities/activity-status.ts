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
