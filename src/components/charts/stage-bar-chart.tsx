import { formatMoney, formatShare } from "@/lib/money";
import { linearScale, niceTicks, round } from "./chart-scale";
import { ChartSvg, FONT, GRID, INK } from "./svg-axis";

export interface StageBarSegment {
  key: string;
  label: string;
  pence: number;
  colour: string;
}

/**
 * The maturity of the plan as one horizontal stacked bar (stages in gateway order, then the
 * unidentified gap), the target marked as a line with its value, and the legend in the bar's
 * own order with each segment's value and share, so nothing depends on colour alone.
 */
export function StageBarChart({ segments, targetPence }: { segments: StageBarSegment[]; targetPence: number }) {
  const W = 520;
  const left = 8;
  const right = W - 12;
  const total = segments.reduce((sum, s) => sum + Math.max(0, s.pence), 0);
  const ticks = niceTicks(0, Math.max(total, targetPence));
  const x = linearScale(0, ticks.at(-1)!, left, right);
  const barTop = 26;
  const barHeight = 34;
  const legendTop = barTop + barHeight + 30;
  const rowHeight = 17;
  const H = legendTop + segments.length * rowHeight + 4;
  const placed = segments.map((s, i) => {
    const from = segments.slice(0, i).reduce((sum, x) => sum + Math.max(0, x.pence), 0);
    return { ...s, from, to: from + Math.max(0, s.pence) };
  });
  const whole = Math.max(total, targetPence);
  return (
    <ChartSvg width={W} height={H} label="stage-bar">
      {ticks.map((t) => (
        <g key={t}>
          <line x1={round(x(t))} x2={round(x(t))} y1={barTop - 4} y2={barTop + barHeight + 4} stroke={GRID} />
          <text x={round(x(t))} y={barTop + barHeight + 18} textAnchor="middle" fontSize={FONT} fill={INK}>
            {formatMoney(t)}
          </text>
        </g>
      ))}
      {placed.map((s) => (
        <rect
          key={s.key}
          x={round(x(s.from))}
          y={barTop}
          width={Math.max(0, round(x(s.to) - x(s.from)))}
          height={barHeight}
          fill={s.colour}
          stroke="white"
          strokeWidth={1}
        >
          <title>{`${s.label}: ${formatMoney(s.pence, { style: "full" })}`}</title>
        </rect>
      ))}
      {targetPence > 0 && (
        <g>
          <line
            x1={round(x(targetPence))}
            x2={round(x(targetPence))}
            y1={barTop - 10}
            y2={barTop + barHeight + 6}
            stroke={INK}
            strokeWidth={2.5}
          />
          <text
            x={round(x(targetPence))}
            y={barTop - 13}
            textAnchor={x(targetPence) > W - 90 ? "end" : "middle"}
            fontSize={FONT}
            fontWeight="bold"
            fill={INK}
          >
            {`Target ${formatMoney(targetPence)}`}
          </text>
        </g>
      )}
      {placed.map((s, i) => (
        <g key={s.key} transform={`translate(${left}, ${legendTop + i * rowHeight})`}>
          <rect width={12} height={12} fill={s.colour} />
          <text x={18} y={10} fontSize={FONT} fill={INK}>
            {`${i + 1}. ${s.label}: ${formatMoney(s.pence)} (${formatShare(s.pence, whole)})`}
          </text>
        </g>
      ))}
    </ChartSvg>
  );
}
