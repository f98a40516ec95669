"use client";

import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export interface KpiChartPoint {
  label: string;
  trajectory: number | null;
  actual: number | null;
}

/** Trajectory (planned) against actual by month. The page also renders the numbers as a table. */
export function KpiChart({ points, unit }: { points: KpiChartPoint[]; unit: string }) {
  return (
    <div className="h-80 w-full" aria-hidden="true">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={points} margin={{ top: 8, right: 24, bottom: 8, left: 8 }} accessibilityLayer={false}>
          <CartesianGrid stroke="#d8dde0" />
          <XAxis dataKey="label" tick={{ fill: "#212b32", fontSize: 12 }} interval="preserveStartEnd" />
          <YAxis tick={{ fill: "#212b32", fontSize: 12 }} unit={unit === "%" ? "%" : ""} />
          <Tooltip />
          <Legend />
          <Line
            type="monotone"
            dataKey="trajectory"
            name="Trajectory"
            stroke="#4c6272"
            strokeDasharray="6 4"
            dot={false}
            connectNulls
            isAnimationActive={false}
          />
          <Line
            type="monotone"
            dataKey="actual"
            name="Actual"
            stroke="#005eb8"
            strokeWidth={3}
            connectNulls
            isAnimationActive={false}
          />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
