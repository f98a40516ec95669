import type { RiskActionStatus, RiskCategory } from "@/generated/prisma/enums";

export const RISK_CATEGORY_LABELS = {
  FINANCIAL: "Financial",
  QUALITY: "Quality",
  WORKFORCE: "Workforce",
  DELIVERY: "Delivery",
  REPUTATIONAL: "Reputational",
} as const satisfies Record<RiskCategory, string>;

export const RISK_ACTION_STATUS_LABELS = {
  OPEN: "Open",
  IN_PROGRESS: "In progress",
  DONE: "Done",
} as const satisfies Record<RiskActionStatus, string>;
