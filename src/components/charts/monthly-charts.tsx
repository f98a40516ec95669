import { formatMoney } from "@/lib/money";
import { linePath, linearScale, niceTicks, round } from "./chart-scale";
import { ChartSvg, FONT, INK, MoneyAxisY } from "./svg-axis";

export interface MonthPoint {
  /** "Apr", "May", ... */
  label: string;
  plan: number;
  forecast: number;
  actual: number | null;
}

const PLAN = "#4c6272";
const FORECAST = "#330072";
const ACTUAL = "#005eb8";

/** Markers that tell the series apart without colour: plan circle, forecast triangle, actual square. */
function Marker({ kind, x, y }: { kind: "plan" | "forecast" | "actual"; x: number; y: number }) {
  if (kind === "plan")
    return <circle cx={round(x)} cy={round(y)} r={3.2} fill="white" stroke={PLAN} strokeWidth={1.6} />;
  if (kind === "forecast")
    return (
      <path
        d={`M${round(x)} ${round(y - 4)} L${round(x + 4)} ${round(y + 3)} L${round(x - 4)} ${round(y + 3)} Z`}
        fill={FORECAST}
      />
    );
  return <rect x={round(x - 3.5)} y={round(y - 3.5)} width={7} height={7} fill={ACTUAL} />;
}

function Legend({
  items,
  y,
}: {
  items: { kind: "plan" | "forecast" | "actual" | "target"; label: string }[];
  y: number;
}) {
  return (
    <g>
      {items.map((item, i) => {
        const x = 56 + i * 120;
        return (
          <g key={item.label}>
            {item.kind === "target" ? (
              <line x1={x - 8} x2={x + 8} y1={y} y2={y} stroke={INK} strokeWidth={2} strokeDasharray="8 3" />
            ) : (
              <Marker kind={item.kind} x={x} y={y} />
            )}
            <text x={x + 12} y={y + 4} fontSize={FONT} fill={INK}>
              {item.label}
            </text>
          </g>
        );
      })}
    </g>
  );
}

/**
 * Cumulative plan, forecast and actual with a target line: plan dashed with circles, forecast
 * dotted with triangles, actual solid with squares, and the last actual labelled with its value.
 */
export function CumulativeLineChart({ points, targetPence }: { points: MonthPoint[]; targetPence: number }) {
  const W = 520;
  const H = 250;
  const left = 52;
  const right = W - 10;
  const top = 14;
  const bottom = H - 48;
  const max = Math.max(targetPence, ...points.flatMap((p) => [p.plan, p.forecast, p.actual ?? 0]));
  const ticks = niceTicks(0, max);
  const y = linearScale(0, ticks.at(-1)!, bottom, top);
  const step = (right - left) / points.length;
  const x = (i: number) => left + step * (i + 0.5);
  const series = (pick: (p: MonthPoint) => number | null) =>
    points.map((p, i) => ({ x: x(i), y: pick(p) === null ? null : y(pick(p)!) }));
  const lastActual = points
    .map((p, i) => ({ p, i }))
    .filter(({ p }) => p.actual !== null)
    .at(-1);
  return (
    <ChartSvg width={W} height={H} label="cumulative">
      <MoneyAxisY ticks={ticks} y={y} left={left} right={right} />
      {points.map((p, i) => (
        <text key={p.label} x={round(x(i))} y={bottom + 14} textAnchor="middle" fontSize={10} fill={INK}>
          {p.label}
        </text>
      ))}
      {targetPence > 0 && (
        <g>
          <line
            x1={left}
            x2={right}
            y1={round(y(targetPence))}
            y2={round(y(targetPence))}
            stroke={INK}
            strokeWidth={2}
            strokeDasharray="8 3"
          />
          <text x={left + 4} y={round(y(targetPence)) - 4} fontSize={FONT} fill={INK} fontWeight="bold">
            {`Target ${formatMoney(targetPence)}`}
          </text>
        </g>
      )}
      <path d={linePath(series((p) => p.plan))} fill="none" stroke={PLAN} strokeWidth={2} strokeDasharray="6 4" />
      <path
        d={linePath(series((p) => p.forecast))}
        fill="none"
        stroke={FORECAST}
        strokeWidth={2}
        strokeDasharray="2 3"
      />
      <path d={linePath(series((p) => p.actual))} fill="none" stroke={ACTUAL} strokeWidth={3} />
      {points.map((p, i) => (
        <g key={p.label}>
          <Marker kind="plan" x={x(i)} y={y(p.plan)} />
          <Marker kind="forecast" x={x(i)} y={y(p.forecast)} />
          {p.actual !== null && <Marker kind="actual" x={x(i)} y={y(p.actual)} />}
          <title>{`${p.label}: plan ${formatMoney(p.plan, { style: "full" })}, forecast ${formatMoney(p.forecast, { style: "full" })}${p.actual === null ? "" : `, actual ${formatMoney(p.actual, { style: "full" })}`}`}</title>
        </g>
      ))}
      {lastActual && (
        <text
          x={round(x(lastActual.i)) + 6}
          y={round(y(lastActual.p.actual!)) + 14}
          fontSize={FONT}
          fill={ACTUAL}
          fontWeight="bold"
        >
          {`Actual ${formatMoney(lastActual.p.actual!)}`}
        </text>
      )}
      <Legend
        y={H - 14}
        items={[
          { kind: "plan", label: "Plan" },
          { kind: "forecast", label: "Forecast" },
          { kind: "actual", label: "Actual" },
          { kind: "target", label: "Target" },
        ]}
      />
    </ChartSvg>
  );
}

/**
 * In-month plan and actual as paired bars (plan hollow with a grey outline, actual solid blue),
 * with the forecast for months with no actual yet as a triangle, beside the cumulative line.
 */
export function InMonthBarChart({ points }: { points: MonthPoint[] }) {
  const W = 520;
  const H = 250;
  const left = 52;
  const right = W - 10;
  const top = 14;
  const bottom = H - 48;
  const ticks = niceTicks(
    Math.min(0, ...points.map((p) => p.actual ?? 0)),
    Math.max(...points.flatMap((p) => [p.plan, p.forecast, p.actual ?? 0])),
  );
  const y = linearScale(ticks[0]!, ticks.at(-1)!, bottom, top);
  const step = (right - left) / points.length;
  const barWidth = step * 0.36;
  return (
    <ChartSvg width={W} height={H} label="in-month">
      <MoneyAxisY ticks={ticks} y={y} left={left} right={right} />
      {points.map((p, i) => {
        const x0 = left + step * i + step * 0.12;
        const zero = y(0);
        return (
          <g key={p.label}>
            <rect
              x={round(x0)}
              y={round(Math.min(y(p.plan), zero))}
              width={round(barWidth)}
              height={round(Math.abs(zero - y(p.plan)))}
              fill="white"
              stroke={PLAN}
              strokeWidth={1.5}
            />
            {p.actual !== null ? (
              <rect
                x={round(x0 + barWidth)}
                y={round(Math.min(y(p.actual), zero))}
                width={round(barWidth)}
                height={round(Math.abs(zero - y(p.actual)))}
                fill={ACTUAL}
              />
            ) : (
              <Marker kind="forecast" x={x0 + barWidth * 1.5} y={y(p.forecast)} />
            )}
            <text x={round(x0 + barWidth)} y={bottom + 14} textAnchor="middle" fontSize={10} fill={INK}>
              {p.label}
            </text>
            <title>{`${p.label}: plan ${formatMoney(p.plan, { style: "full" })}, ${p.actual === null ? `forecast ${formatMoney(p.forecast, { style: "full" })}` : `actual ${formatMoney(p.actual, { style: "full" })}`}`}</title>
          </g>
        );
      })}
      <g>
        <rect x={48} y={H - 20} width={10} height={10} fill="white" stroke={PLAN} strokeWidth={1.5} />
        <text x={62} y={H - 11} fontSize={FONT} fill={INK}>
          Plan (in month)
        </text>
        <rect x={170} y={H - 20} width={10} height={10} fill={ACTUAL} />
        <text x={184} y={H - 11} fontSize={FONT} fill={INK}>
          Actual
        </text>
        <Marker kind="forecast" x={262} y={H - 15} />
        <text x={270} y={H - 11} fontSize={FONT} fill={INK}>
          Forecast (months to come)
        </text>
      </g>
    </ChartSvg>
  );
}
