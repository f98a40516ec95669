import { formatMoney } from "@/lib/money";
import { linearScale, niceTicks, round } from "./chart-scale";
import { ChartSvg, FONT, INK, MoneyAxisY } from "./svg-axis";

export interface WaterfallBar {
  key: string;
  label: string;
  kind: "target" | "delivered" | "forecast" | "gap" | "surplus";
  from: number;
  to: number;
  pence: number;
}

const FILL: Record<WaterfallBar["kind"], string> = {
  target: "#212b32",
  delivered: "#007f3b",
  forecast: "#005eb8",
  gap: "#d5281b",
  surplus: "#007f3b",
};

/**
 * Target-to-gap waterfall: each bar floats from where the last one ended; every bar carries its
 * value and its name under it, and the gap is hatched as well as red, so colour is never the only cue.
 */
export function WaterfallChart({ bars }: { bars: WaterfallBar[] }) {
  const W = 520;
  const H = 250;
  const left = 52;
  const right = W - 6;
  const top = 16;
  const bottom = H - 46;
  const ticks = niceTicks(0, Math.max(...bars.map((b) => Math.max(b.from, b.to))));
  const y = linearScale(0, ticks.at(-1)!, bottom, top);
  const slot = (right - left) / bars.length;
  const barWidth = slot * 0.7;
  return (
    <ChartSvg width={W} height={H} label="waterfall">
      <defs>
        <pattern id="gap-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <rect width="6" height="6" fill="#d5281b" />
          <line x1="0" y1="0" x2="0" y2="6" stroke="white" strokeWidth="2" />
        </pattern>
      </defs>
      <MoneyAxisY ticks={ticks} y={y} left={left} right={right} />
      {bars.map((b, i) => {
        const x = left + i * slot + (slot - barWidth) / 2;
        const y1 = y(Math.max(b.from, b.to));
        const y2 = y(Math.min(b.from, b.to));
        const words = b.label.split(": ");
        return (
          <g key={b.key}>
            <rect
              x={round(x)}
              y={round(y1)}
              width={round(barWidth)}
              height={Math.max(1, round(y2 - y1))}
              fill={b.kind === "gap" ? "url(#gap-hatch)" : FILL[b.kind]}
            >
              <title>{`${b.label}: ${formatMoney(b.pence, { style: "full" })}`}</title>
            </rect>
            <text x={round(x + barWidth / 2)} y={round(y1) - 4} textAnchor="middle" fontSize={FONT} fill={INK}>
              {formatMoney(b.pence)}
            </text>
            {words.map((w, line) => (
              <text
                key={w}
                x={round(x + barWidth / 2)}
                y={bottom + 14 + line * 12}
                textAnchor="middle"
                fontSize={10}
                fill={INK}
              >
                {w.length > 14 ? `${w.slice(0, 13)}…` : w}
              </text>
            ))}
          </g>
        );
      })}
    </ChartSvg>
  );
}
