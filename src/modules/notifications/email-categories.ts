import type { NotificationKind } from "@/generated/prisma/enums";

/** What a person can choose per category of email: daily digest, weekly (Mondays) or off. */
export const DIGEST_FREQUENCIES = ["DAILY", "WEEKLY", "OFF"] as const;
export type DigestFrequency = (typeof DIGEST_FREQUENCIES)[number];

export const EMAIL_CATEGORIES = ["UPDATES", "DECISIONS", "REVIEWS", "FINANCE", "MENTIONS"] as const;
export type EmailCategory = (typeof EMAIL_CATEGORIES)[number];

export const EMAIL_CATEGORY_LABELS: Record<EmailCategory, string> = {
  UPDATES: "Monthly updates (due, overdue, escalated)",
  DECISIONS: "Gateway decisions and QIA signatures",
  REVIEWS: "Reviews, risk actions and conditions",
  FINANCE: "Month-end close",
  MENTIONS: "Mentions in scheme comments",
};

export const FREQUENCY_LABELS: Record<DigestFrequency, string> = {
  DAILY: "Daily digest",
  WEEKLY: "Weekly, on Mondays",
  OFF: "Off (in the app only)",
};

export const CATEGORY_OF: Record<NotificationKind, EmailCategory> = {
  UPDATE_DUE: "UPDATES",
  UPDATE_OVERDUE: "UPDATES",
  UPDATE_ESCALATED: "UPDATES",
  GATEWAY_DECISION: "DECISIONS",
  QIA_SIGNATURE: "DECISIONS",
  QIA_REVIEW_DUE: "REVIEWS",
  RISK_REVIEW_OVERDUE: "REVIEWS",
  RISK_ACTION_OVERDUE: "REVIEWS",
  CONDITION_OPEN: "REVIEWS",
  MONTH_NOT_CLOSED: "FINANCE",
  MENTION: "MENTIONS",
};

/** Whether a notification of `kind` goes into the email on `today` (UTC midnight) under these choices. */
export function inDigest(
  kind: NotificationKind,
  today: Date,
  choices: Partial<Record<EmailCategory, DigestFrequency>>,
): boolean {
  const frequency = choices[CATEGORY_OF[kind]] ?? "DAILY";
  return frequency === "DAILY" || (frequency === "WEEKLY" && today.getUTCDay() === 1);
}
