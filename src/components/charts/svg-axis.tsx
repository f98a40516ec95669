import { formatMoney } from "@/lib/money";
import { round } from "./chart-scale";

/** Chart text and lines: NHS text colour and border grey (3:1 or better against white). */
export const INK = "#212b32";
export const GRID = "#d8dde0";
export const FONT = 11;

/** Horizontal grid lines with compact money labels on the left (a y axis of pence). */
export function MoneyAxisY({
  ticks,
  y,
  left,
  right,
}: {
  ticks: number[];
  y: (value: number) => number;
  left: number;
  right: number;
}) {
  return (
    <g>
      {ticks.map((t) => (
        <g key={t}>
          <line x1={left} x2={right} y1={round(y(t))} y2={round(y(t))} stroke={t === 0 ? INK : GRID} strokeWidth={1} />
          <text x={left - 4} y={round(y(t)) + 4} textAnchor="end" fontSize={FONT} fill={INK}>
            {formatMoney(t)}
          </text>
        </g>
      ))}
    </g>
  );
}

/** The chart's outer SVG: scales to its box's width, keeps its proportions, prints as vectors. */
export function ChartSvg({
  width,
  height,
  children,
  label,
}: {
  width: number;
  height: number;
  children: React.ReactNode;
  /** For the data-chart attribute the e2e print check finds charts by. */
  label: string;
}) {
  return (
    <svg
      viewBox={`0 0 ${width} ${height}`}
      width="100%"
      className="block h-auto max-w-full"
      aria-hidden="true"
      focusable="false"
      data-chart={label}
      fontFamily="Arial, Helvetica, sans-serif"
    >
      {children}
    </svg>
  );
}
