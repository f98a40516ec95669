import type { SchemeStage, SchemeType } from "@/generated/prisma/enums";

/**
 * Pure rules about schemes: reference codes, stage weights (risk adjustment) and the
 * labels users see. Money is integer pence throughout.
 */

/** "LTH-CIP-0042": the organisation's code, the scheme type and a zero-padded number. */
export function schemeCode(organisationCode: string, type: SchemeType, number: number): string {
  if (!Number.isInteger(number) || number < 1 || number > 99_999)
    throw new RangeError(`Scheme number ${number} is out of range`);
  return `${organisationCode}-${type}-${String(number).padStart(4, "0")}`;
}

export const SCHEME_STAGES = [
  "OPPORTUNITY",
  "PLANNING",
  "DELIVERY",
  "COMPLETE",
  "ON_HOLD",
  "REJECTED",
  "WITHDRAWN",
] as const satisfies readonly SchemeStage[];

/**
 * THE definition of "identified" savings, used by the register's default view, the dashboard,
 * the board summary and every export: a scheme in a gateway stage, opportunity to complete.
 * Rejected and withdrawn schemes are not identified (DESIGN.md section 3). On hold is not
 * identified either: a paused scheme's saving cannot be relied on for the year, so its value
 * leaves the identified total (and the gap grows) until it is resumed; the register lists it,
 * with rejected and withdrawn, under "not counted as identified".
 */
export const IDENTIFIED_STAGES = [
  "OPPORTUNITY",
  "PLANNING",
  "DELIVERY",
  "COMPLETE",
] as const satisfies readonly SchemeStage[];

/** Stages whose schemes owe a monthly update: live work, not complete and not a side state. */
export const MONTHLY_UPDATE_STAGES = ["OPPORTUNITY", "PLANNING", "DELIVERY"] as const satisfies readonly SchemeStage[];

/** The side states: listed on request, never counted as identified. */
export const NOT_IDENTIFIED_STAGES = ["ON_HOLD", "REJECTED", "WITHDRAWN"] as const satisfies readonly SchemeStage[];

/** Default risk-adjustment weights by stage, in percent; organisations may override them. */
export const DEFAULT_STAGE_WEIGHTS: Readonly<Record<SchemeStage, number>> = {
  OPPORTUNITY: 25,
  PLANNING: 50,
  DELIVERY: 90,
  COMPLETE: 100,
  ON_HOLD: 0,
  REJECTED: 0,
  WITHDRAWN: 0,
};

export function stageWeights(overrides: { stage: SchemeStage; weightPercent: number }[]): Record<SchemeStage, number> {
  const weights = { ...DEFAULT_STAGE_WEIGHTS };
  for (const o of overrides) weights[o.stage] = o.weightPercent;
  return weights;
}

/** Value × weight, rounded half away from zero to whole pence (exact: integer arithmetic). */
export function riskAdjustedPence(valuePence: number, weightPercent: number): number {
  const scaled = valuePence * weightPercent;
  const rounded = Math.trunc((Math.abs(scaled) + 50) / 100) * Math.sign(scaled);
  return rounded === 0 ? 0 : rounded;
}

export const SCHEME_STAGE_LABELS = {
  OPPORTUNITY: "Opportunity",
  PLANNING: "Planning",
  DELIVERY: "Delivery",
  COMPLETE: "Complete",
  ON_HOLD: "On hold",
  REJECTED: "Rejected",
  WITHDRAWN: "Withdrawn",
} as const satisfies Record<SchemeStage, string>;

export const SCHEME_CATEGORY_LABELS = { PAY: "Pay", NON_PAY: "Non-pay", INCOME: "Income" } as const;

/** Common sub-categories offered in forms; free text is allowed too. */
export const SUB_CATEGORY_SUGGESTIONS = {
  PAY: ["Agency", "Bank", "Substantive workforce", "Medical staffing", "Skill mix"],
  NON_PAY: ["Procurement", "Medicines", "Estates", "Clinical supplies", "IT and digital", "Outsourced services"],
  INCOME: ["Private patients", "Overseas visitors", "Commercial", "Activity recovery"],
} as const;

/** Delivery RAG; a complete scheme shows blue (DESIGN.md section 5). */
export function ragDisplay(
  stage: SchemeStage,
  rag: "RED" | "AMBER" | "GREEN" | null,
): { label: string; className: string } {
  if (stage === "COMPLETE") return { label: "Complete", className: "bg-[#005eb8] text-white" };
  switch (rag) {
    case "RED":
      return { label: "Red", className: "bg-[#d5281b] text-white" };
    case "AMBER":
      return { label: "Amber", className: "bg-[#ffb81c] text-[#212b32]" };
    case "GREEN":
      return { label: "Green", className: "bg-[#007f3b] text-white" };
    default:
      return { label: "Not rated", className: "bg-[#d8dde0] text-[#212b32]" };
  }
}
