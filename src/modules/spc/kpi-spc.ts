import type { SpcConfig } from "./get-spc-config";
import { monthKey, monthlySeries } from "./spc-series";
import type { SpcChart } from "./spc-types";
import type { SpcValueFormat } from "./spc-format";
import { buildXmrChart } from "./xmr-chart";

/** What a KPI's SPC chart needs: Decimal columns arrive as objects with toString(). */
export interface KpiForSpc {
  direction: "HIGHER_IS_BETTER" | "LOWER_IS_BETTER";
  unit: string;
  target: { toString(): string } | null;
  points: {
    financialYear: number;
    month: number;
    actual: { toString(): string } | null;
    trajectory: { toString(): string } | null;
  }[];
}

export interface KpiSpc {
  chart: SpcChart;
  target: number | null;
  /** The trajectory per chart point (null where none), drawn for reading, not judged. */
  trajectory: (number | null)[] | null;
  format: SpcValueFormat;
}

const num = (v: { toString(): string } | null | undefined) =>
  v === null || v === undefined ? null : Number(v.toString());

/**
 * A KPI's actuals as an XmR chart, with the KPI's target for the assurance icon and its
 * trajectory alongside. Months run from the first to the last actual; months between with no
 * actual are gaps. Trajectory-only months after the last actual are not plotted.
 */
export function kpiSpc(kpi: KpiForSpc, config: SpcConfig): KpiSpc {
  const actuals = kpi.points.filter((p) => p.actual !== null);
  const input = monthlySeries(
    actuals.map((p) => ({ financialYear: p.financialYear, month: p.month, value: p.actual!.toString() })),
  );
  const target = num(kpi.target);
  const chart = buildXmrChart(input, {
    direction: kpi.direction === "HIGHER_IS_BETTER" ? "higher" : "lower",
    target,
    baselinePoints: config.baselinePoints,
    screenMovingRanges: config.screenMovingRanges,
    changePoints: config.changePoints,
  });
  const byKey = new Map(kpi.points.map((p) => [monthKey(p.financialYear, p.month), num(p.trajectory)]));
  const trajectory = chart.points.map((p) => byKey.get(p.key) ?? null);
  return {
    chart,
    target,
    trajectory: trajectory.some((v) => v !== null) ? trajectory : null,
    format: { kind: "unit", unit: kpi.unit },
  };
}

/** A guardrail (quality indicator) whose latest point is a special cause of concern. */
export function isGuardrailConcern(chart: SpcChart): boolean {
  return chart.latest?.pointClass === "concern";
}
