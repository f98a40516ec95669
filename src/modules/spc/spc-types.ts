/** Types of the XmR engine (xmr-chart.ts). Plain data: no React, no Prisma. */

/** Which way is better. "neutral": no direction applies (e.g. a count the board only watches). */
export type SpcDirection = "higher" | "lower" | "neutral";

/** One period of the series, in order. A value that is not a finite number is a gap. */
export interface SpcInputPoint {
  /** Sortable period key, e.g. "2024-05" (financial year 2024, M5): change points name it. */
  key: string;
  label: string;
  value: unknown;
}

export interface SpcChangePoint {
  /** The key of the first period of the new segment; a key with no point starts at the next one. */
  key: string;
  reason: string;
  /** How notes name the date, e.g. "Oct 2024/25"; the key otherwise. */
  label?: string;
}

export interface SpcOptions {
  direction: SpcDirection;
  target?: number | null;
  /** Limits from the first N recorded points of each segment (at least 12); null or absent: all. */
  baselinePoints?: number | null;
  /** Screen moving ranges above 3.267 x their mean before the limits (default true). */
  screenMovingRanges?: boolean;
  changePoints?: SpcChangePoint[];
}

export type SpcRule = "beyondLimit" | "shift" | "trend" | "twoOfThree";
export type SpcSide = "high" | "low";

/**
 * common: common cause; improvement / concern: special cause read with the metric's direction;
 * neutral: special cause on a metric with no direction; none: no limits to judge by; missing: a gap.
 */
export type SpcPointClass = "common" | "improvement" | "concern" | "neutral" | "none" | "missing";

export interface SpcLimits {
  mean: number;
  /** Mean moving range after screening (the one the limits use). */
  movingRangeMean: number;
  upper: number;
  lower: number;
  /** 2 sigma. */
  nearUpper: number;
  nearLower: number;
  /** Fewer than 12 points behind them. */
  trial: boolean;
  /** How many recorded points the limits were calculated from. */
  baselineCount: number;
  /** Moving ranges left out by the screening. */
  screenedOut: number;
}

export interface SpcSegment {
  index: number;
  /** Key of the first period in the segment (the change point's date when rebased). */
  startKey: string;
  reason: string | null;
  recordedCount: number;
  limits: SpcLimits | null;
  /** Why there are no limits, or a note on trial/frozen limits; plain sentences. */
  notes: string[];
}

export interface SpcPoint {
  key: string;
  label: string;
  value: number | null;
  segment: number;
  inBaseline: boolean;
  rules: SpcRule[];
  side: SpcSide | null;
  pointClass: SpcPointClass;
}

export type VariationIconKind =
  "common" | "improvement-high" | "improvement-low" | "concern-high" | "concern-low" | "neutral-high" | "neutral-low";

export type AssuranceIconKind = "pass" | "fail" | "hit-and-miss";

export interface SpcIcon<K extends string> {
  kind: K;
  /** The text equivalent shown beside or instead of the icon. */
  text: string;
}

export interface SpcChart {
  points: SpcPoint[];
  segments: SpcSegment[];
  variation: SpcIcon<VariationIconKind> | null;
  assurance: SpcIcon<AssuranceIconKind> | null;
  /** Messages about the input and the chart as a whole (gaps, ignored change points, no assurance). */
  notes: string[];
  latest: SpcPoint | null;
}
