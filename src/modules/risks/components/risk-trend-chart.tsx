"use client";

import { CartesianGrid, Line, LineChart, ReferenceArea, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { DEFAULT_RISK_BANDS } from "../risk-scoring";

/** Current score at each change, over the banded background. The page lists the same points as a table. */
export function RiskTrendChart({ points }: { points: { label: string; score: number }[] }) {
  return (
    <div className="h-56 w-full max-w-2xl" aria-hidden="true">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={points} margin={{ top: 8, right: 16, bottom: 8, left: 0 }} accessibilityLayer={false}>
          {DEFAULT_RISK_BANDS.map((b) => (
            <ReferenceArea
              key={b.key}
              y1={Math.max(0, b.min - 0.5)}
              y2={Math.min(25, b.max + 0.5)}
              fill={b.colour}
              fillOpacity={0.25}
              ifOverflow="hidden"
            />
          ))}
          <CartesianGrid stroke="#d8dde0" />
          <XAxis dataKey="label" tick={{ fill: "#212b32", fontSize: 12 }} />
          <YAxis domain={[0, 25]} ticks={[1, 4, 8, 12, 16, 20, 25]} tick={{ fill: "#212b32", fontSize: 12 }} />
          <Tooltip />
          <Line
            type="linear"
            dataKey="score"
            name="Current score"
            stroke="#212b32"
            strokeWidth={3}
            isAnimationActive={false}
          />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
