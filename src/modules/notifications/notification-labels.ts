import type { NotificationKind } from "@/generated/prisma/enums";

/** What each kind of notification is about, as a short label for lists and digests. */
export const NOTIFICATION_KIND_LABELS: Record<NotificationKind, string> = {
  UPDATE_DUE: "Monthly update due",
  UPDATE_OVERDUE: "Monthly update overdue",
  UPDATE_ESCALATED: "Overdue update (escalated)",
  GATEWAY_DECISION: "Gateway decision",
  QIA_SIGNATURE: "QIA signature",
  QIA_REVIEW_DUE: "QIA review",
  RISK_REVIEW_OVERDUE: "Risk review overdue",
  RISK_ACTION_OVERDUE: "Risk action overdue",
  CONDITION_OPEN: "Condition to meet",
  MONTH_NOT_CLOSED: "Month not closed",
  MENTION: "Mentioned in a comment",
};
