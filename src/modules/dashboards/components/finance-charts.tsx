"use client";

import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { formatMoney } from "@/lib/money";
import { SEGMENT_COLOURS } from "./segment-colours";

/**
 * The finance dashboard's charts. Both are hidden from assistive technology (aria-hidden,
 * no recharts accessibility layer): the page renders the same figures as tables beside them.
 * Colours have at least 3:1 contrast with the white card (WCAG non-text contrast).
 */

const tick = { fill: "#212b32", fontSize: 12 };
const money = (value: unknown) => (typeof value === "number" ? formatMoney(value) : String(value));

// Legends list the series in drawing order (the stage bar's order, plan before actual), not recharts' default A-Z.
const LEGEND_IN_ORDER = null;

export function MaturityChart({
  segments,
  targetPence,
}: {
  segments: { key: string; label: string; pence: number }[];
  targetPence: number;
}) {
  const datum: Record<string, string | number> = { name: "In-year value" };
  for (const s of segments) datum[s.key] = s.pence;
  return (
    <div className="h-40 w-full" aria-hidden="true">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart
          data={[datum]}
          layout="vertical"
          margin={{ top: 8, right: 24, bottom: 8, left: 8 }}
          accessibilityLayer={false}
        >
          <CartesianGrid stroke="#d8dde0" />
          <XAxis type="number" tick={tick} tickFormatter={money} />
          <YAxis type="category" dataKey="name" tick={tick} width={100} />
          <Tooltip formatter={money} />
          <Legend itemSorter={LEGEND_IN_ORDER} />
          {segments.map((s) => (
            <Bar
              key={s.key}
              dataKey={s.key}
              name={s.label}
              stackId="maturity"
              fill={SEGMENT_COLOURS[s.key] ?? "#212b32"}
              isAnimationActive={false}
            />
          ))}
          {targetPence > 0 && <TargetLine x={targetPence} />}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

export interface CumulativePoint {
  label: string;
  plan: number;
  forecast: number;
  actual: number | null;
}

/** The target as a black dashed line with its value, as on the board pack's charts. */
function TargetLine({ x, y }: { x?: number; y?: number }) {
  const value = (x ?? y)!;
  return (
    <ReferenceLine
      {...(x !== undefined ? { x } : { y })}
      stroke="#212b32"
      strokeWidth={2}
      strokeDasharray="8 4"
      label={{
        value: `Target ${formatMoney(value)}`,
        position: x !== undefined ? "top" : "insideTopLeft",
        fill: "#212b32",
        fontSize: 12,
        fontWeight: 600,
      }}
      ifOverflow="extendDomain"
    />
  );
}

export function CumulativeChart({ points, targetPence }: { points: CumulativePoint[]; targetPence: number }) {
  return (
    <div className="h-80 w-full" aria-hidden="true">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={points} margin={{ top: 8, right: 24, bottom: 8, left: 8 }} accessibilityLayer={false}>
          <CartesianGrid stroke="#d8dde0" />
          <XAxis dataKey="label" tick={tick} />
          <YAxis tick={tick} tickFormatter={money} width={70} />
          <Tooltip formatter={money} />
          <Legend itemSorter={LEGEND_IN_ORDER} />
          {targetPence > 0 && <TargetLine y={targetPence} />}
          <Line
            type="monotone"
            dataKey="plan"
            name="Plan"
            stroke="#4c6272"
            strokeDasharray="6 4"
            dot={false}
            isAnimationActive={false}
          />
          <Line
            type="monotone"
            dataKey="forecast"
            name="Forecast"
            stroke="#330072"
            strokeDasharray="2 3"
            dot={false}
            isAnimationActive={false}
          />
          <Line
            type="monotone"
            dataKey="actual"
            name="Actual"
            stroke="#005eb8"
            strokeWidth={3}
            isAnimationActive={false}
          />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
