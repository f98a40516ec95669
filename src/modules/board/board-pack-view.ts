import { SCHEME_STAGE_LABELS } from "@/modules/schemes/scheme-rules";
import type { StageOutturn } from "./board-outturn";

/** Pure shaping of the board pack's figures for its charts and summary sentences. */

export type WaterfallKind = "target" | "delivered" | "forecast" | "gap" | "surplus";

export interface WaterfallStep {
  key: string;
  label: string;
  kind: WaterfallKind;
  /** The bar spans from..to on the money axis (pence); `pence` is its signed size. */
  from: number;
  to: number;
  pence: number;
}

/**
 * Target to gap: the target as a full bar, then from zero what is delivered, then what each
 * stage still forecasts (complete first, opportunity last: the least certain on top), then the
 * gap still to close (target − forecast outturn) up to the target, or the surplus beyond it.
 */
export function waterfallSteps(targetPence: number, stages: readonly StageOutturn[]): WaterfallStep[] {
  const delivered = stages.reduce((sum, s) => sum + s.deliveredPence, 0);
  const steps: WaterfallStep[] = [
    { key: "target", label: "Target", kind: "target", from: 0, to: targetPence, pence: targetPence },
    { key: "delivered", label: "Delivered to date", kind: "delivered", from: 0, to: delivered, pence: delivered },
  ];
  let level = delivered;
  for (const stage of ["COMPLETE", "DELIVERY", "PLANNING", "OPPORTUNITY"] as const) {
    const s = stages.find((x) => x.stage === stage);
    const pence = s?.remainingPence ?? 0;
    steps.push({
      key: stage,
      label: `Forecast: ${SCHEME_STAGE_LABELS[stage].toLowerCase()}`,
      kind: "forecast",
      from: level,
      to: level + pence,
      pence,
    });
    level += pence;
  }
  const gap = targetPence - level;
  if (gap >= 0)
    steps.push({ key: "gap", label: "Gap to target", kind: "gap", from: level, to: targetPence, pence: gap });
  else steps.push({ key: "gap", label: "Ahead of target", kind: "surplus", from: targetPence, to: level, pence: -gap });
  return steps;
}
