import type { FinanceCapacity, Role, SchemeStage } from "@/generated/prisma/enums";
import type { Gate } from "./gateway-rules";

/**
 * How a scheme moves between stages (DESIGN.md section 3) and who may move it, as plain
 * functions: the server actions and the gateway panel ask the same questions.
 *
 * opportunity -> gate 1 -> planning -> gate 2 -> delivery -> gate 3 -> complete;
 * side states on hold (resumes where it was), rejected, withdrawn.
 */

export const MAIN_STAGES = [
  "OPPORTUNITY",
  "PLANNING",
  "DELIVERY",
  "COMPLETE",
] as const satisfies readonly SchemeStage[];
export type MainStage = (typeof MAIN_STAGES)[number];

const GATE_FROM: Record<Gate, MainStage> = { 1: "OPPORTUNITY", 2: "PLANNING", 3: "DELIVERY" };
const GATE_TO: Record<Gate, MainStage> = { 1: "PLANNING", 2: "DELIVERY", 3: "COMPLETE" };

export const GATE_NAMES: Record<Gate, string> = {
  1: "Gateway 1: opportunity to planning",
  2: "Gateway 2: planning to delivery",
  3: "Gateway 3: delivery to complete",
};

/** The gate a scheme in this stage goes through next; null when none (complete or a side state). */
export function nextGate(stage: SchemeStage): Gate | null {
  if (stage === "OPPORTUNITY") return 1;
  if (stage === "PLANNING") return 2;
  if (stage === "DELIVERY") return 3;
  return null;
}

/** Gates a scheme has passed: by its stage, or for one on hold or rejected, the stage it left. */
export function gatesPassed(stage: SchemeStage, stageLeft: SchemeStage | null = null): Gate[] {
  const effective = stage === "ON_HOLD" || stage === "REJECTED" ? stageLeft : stage;
  const index = MAIN_STAGES.indexOf(effective as MainStage);
  return ([1, 2, 3] as const).filter((gate) => gate <= index);
}

export function stageAfterGate(gate: Gate): MainStage {
  return GATE_TO[gate];
}

export function stageBeforeGate(gate: Gate): MainStage {
  return GATE_FROM[gate];
}

/**
 * Earlier main stages a scheme may be returned to by finance, nearest first. A rejected scheme
 * goes back at most to the stage it was rejected from, so a return never skips a gate.
 */
export function returnableStages(stage: SchemeStage, rejectedFrom: SchemeStage | null = null): MainStage[] {
  if (stage === "REJECTED") {
    const from = MAIN_STAGES.indexOf(rejectedFrom as MainStage);
    return from < 0 ? [] : MAIN_STAGES.slice(0, from + 1).reverse();
  }
  const index = MAIN_STAGES.indexOf(stage as MainStage);
  return index <= 0 ? [] : MAIN_STAGES.slice(0, index).reverse();
}

export function mayHold(stage: SchemeStage): boolean {
  return stage === "OPPORTUNITY" || stage === "PLANNING" || stage === "DELIVERY";
}

export function mayWithdraw(stage: SchemeStage): boolean {
  return stage !== "COMPLETE" && stage !== "WITHDRAWN";
}

/** What the approver holds at the scheme's organisation. */
export interface ApproverStanding {
  userId: string;
  roles: readonly Role[];
  financeCapacities: readonly FinanceCapacity[];
}

export interface ApprovalContext {
  gate: Gate;
  schemeLeadId: string;
  fullYearEffectPence: number;
  /** From this full-year effect on, gates 2 and 3 need the finance director (organisation setting). */
  directorThresholdPence: number;
}

/**
 * Why this person may not decide this gate, or null when they may. The approver is never the
 * scheme's lead; gate 1 is for finance or the PMO; gates 2 and 3 of schemes at or above the
 * organisation's value threshold need the finance director.
 */
export function approverRefusal(approver: ApproverStanding, ctx: ApprovalContext): string | null {
  if (approver.userId === ctx.schemeLeadId)
    return "You lead this scheme, so you cannot decide its gateway: another approver must.";
  if (!approver.roles.includes("FINANCE")) return "Only the finance director or the PMO can decide a gateway.";
  if (ctx.gate === 1 || ctx.fullYearEffectPence < ctx.directorThresholdPence) return null;
  if (approver.financeCapacities.includes("DIRECTOR")) return null;
  return `Schemes with a full-year effect of ${formatThreshold(ctx.directorThresholdPence)} or more need the finance director at gateway ${ctx.gate}.`;
}

function formatThreshold(pence: number): string {
  return `£${(pence / 100).toLocaleString("en-GB", { maximumFractionDigits: 2 })}`;
}
