import type { AssuranceIconKind, SpcDirection, SpcIcon, SpcLimits, SpcPoint, VariationIconKind } from "./spc-types";
import { tolerance } from "./special-cause-rules";

const VARIATION_TEXT: Record<VariationIconKind, string> = {
  common: "Common cause variation: no significant change",
  "improvement-high": "Special cause of improvement: higher than expected",
  "improvement-low": "Special cause of improvement: lower than expected",
  "concern-high": "Special cause of concern: higher than expected",
  "concern-low": "Special cause of concern: lower than expected",
  "neutral-high": "Special cause variation: higher than expected (neither better nor worse)",
  "neutral-low": "Special cause variation: lower than expected (neither better nor worse)",
};

const ASSURANCE_TEXT: Record<AssuranceIconKind, string> = {
  pass: "Consistently passing: the process limits lie on the better side of the target",
  fail: "Consistently failing: the process limits lie on the worse side of the target",
  "hit-and-miss": "Hit and miss: the target lies within the process limits",
};

export function variationText(kind: VariationIconKind): string {
  return VARIATION_TEXT[kind];
}

export function assuranceText(kind: AssuranceIconKind): string {
  return ASSURANCE_TEXT[kind];
}

/** The variation icon reads the latest recorded point; none when it has no limits to be judged by. */
export function variationIcon(latest: SpcPoint | null): SpcIcon<VariationIconKind> | null {
  if (!latest) return null;
  let kind: VariationIconKind;
  if (latest.pointClass === "common") kind = "common";
  else if (latest.pointClass === "improvement" || latest.pointClass === "concern" || latest.pointClass === "neutral")
    kind = `${latest.pointClass}-${latest.side ?? "high"}`;
  else return null;
  return { kind, text: VARIATION_TEXT[kind] };
}

/**
 * Assurance compares the target with the latest segment's process limits. Strict comparisons:
 * a target exactly on a limit can still be missed or met, so it is hit and miss.
 */
export function assuranceIcon(
  target: number,
  direction: Exclude<SpcDirection, "neutral">,
  limits: SpcLimits,
): SpcIcon<AssuranceIconKind> {
  let kind: AssuranceIconKind = "hit-and-miss";
  const tol = tolerance(limits);
  if (target < limits.lower - tol) kind = direction === "higher" ? "pass" : "fail";
  else if (target > limits.upper + tol) kind = direction === "higher" ? "fail" : "pass";
  const text = ASSURANCE_TEXT[kind] + (limits.trial ? " (trial limits)" : "");
  return { kind, text };
}
