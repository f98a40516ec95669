import { formatMoney } from "@/lib/money";
import type { SpcPoint, SpcRule } from "./spc-types";

/** How a chart's numbers read: a KPI's unit, or money held as pence. */
export type SpcValueFormat = { kind: "unit"; unit: string } | { kind: "pence" };

const numberFormat = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 2 });

export function formatSpcValue(value: number, format: SpcValueFormat): string {
  if (format.kind === "pence") return formatMoney(Math.round(value));
  const text = numberFormat.format(value);
  if (format.unit === "%") return `${text}%`;
  if (format.unit === "£") return value < 0 ? `-£${numberFormat.format(-value)}` : `£${text}`;
  return format.unit && format.unit !== "count" ? `${text} ${format.unit}` : text;
}

const RULE_TEXT: Record<SpcRule, string> = {
  beyondLimit: "beyond a process limit",
  shift: "run of 7 or more on one side of the mean",
  trend: "7 or more rising or falling",
  twoOfThree: "2 of 3 near a process limit",
};

/** A point's class in words, for the table and tooltips ("Special cause of concern (shift)"). */
export function pointClassText(point: SpcPoint): string {
  const rules = point.rules.map((r) => RULE_TEXT[r]).join("; ");
  switch (point.pointClass) {
    case "common":
      return "Common cause";
    case "improvement":
      return `Special cause of improvement (${rules})`;
    case "concern":
      return `Special cause of concern (${rules})`;
    case "neutral":
      return `Special cause, ${point.side === "low" ? "low" : "high"} (${rules})`;
    case "none":
      return "No limits yet";
    case "missing":
      return "No value";
  }
}
