import { cellClass, DataTable, numberCellClass, rowClass } from "@/components/ui/data-table";
import { CHART, chartScale, segmentRanges, valuePath } from "../spc-chart-geometry";
import { formatSpcValue, pointClassText, type SpcValueFormat } from "../spc-format";
import type { SpcChart, SpcPoint } from "../spc-types";
import { SPC_COLOURS, SpcIconsWithText } from "./spc-icons";

/** A second line drawn for reading, not judged: a KPI's trajectory or the savings plan, per point. */
export interface SpcReferenceLine {
  label: string;
  values: (number | null)[];
}

const pointColour = (p: SpcPoint) =>
  p.pointClass === "improvement" || p.pointClass === "concern" || p.pointClass === "neutral"
    ? SPC_COLOURS[p.pointClass]
    : SPC_COLOURS.common;

/**
 * An XmR chart in "Making Data Count" style, drawn as SVG on the server so it needs no script,
 * prints, and reads the same for everyone: points coloured by class, each segment's mean and
 * process limits (dashed when trial), the target, month letters with the financial year at
 * each April; the icons with their text; every note as a sentence; and the figures as a table.
 */
export function SpcChartFigure({
  id,
  title,
  chart,
  format,
  target = null,
  reference = null,
  compact = false,
}: {
  id: string;
  title: string;
  chart: SpcChart;
  format: SpcValueFormat;
  target?: number | null;
  reference?: SpcReferenceLine | null;
  /** Small multiples (the board pack): smaller icons, larger chart text, the key given once by the caller. */
  compact?: boolean;
}) {
  const notes = [...chart.notes, ...chart.segments.flatMap((s) => s.notes)];
  const recorded = chart.points.filter((p) => p.value !== null).length;
  return (
    <figure
      aria-labelledby={`${id}-title`}
      className={`spc-chart min-w-0 break-inside-avoid ${compact ? "space-y-1" : "space-y-3"}`}
    >
      <figcaption id={`${id}-title`} className={compact ? "text-sm font-semibold" : "font-semibold"}>
        {title}
      </figcaption>
      <SpcIconsWithText variation={chart.variation} assurance={chart.assurance} size={compact ? 26 : undefined} />
      {notes.length > 0 && (
        <ul className={`list-disc pl-5 text-nhs-secondary ${compact ? "text-xs" : "text-sm"}`}>
          {notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      )}
      {recorded > 0 && (
        <ChartSvg id={id} chart={chart} format={format} target={target} reference={reference} compact={compact} />
      )}
      {recorded > 0 && <SpcTable id={id} title={title} chart={chart} format={format} reference={reference} />}
    </figure>
  );
}

function ChartSvg({
  id,
  chart,
  format,
  target,
  reference,
  compact,
}: {
  id: string;
  chart: SpcChart;
  format: SpcValueFormat;
  target: number | null;
  reference: SpcReferenceLine | null;
  compact: boolean;
}) {
  // A third of the width in small multiples: text drawn larger so it prints at a readable size.
  const text = compact ? 1.6 : 1;
  const scale = chartScale(chart, [target, ...(reference?.values ?? [])]);
  const ranges = segmentRanges(chart);
  const half = chart.points.length > 1 ? (scale.x(1) - scale.x(0)) / 2 : 20;
  const thin = chart.points.length > (compact ? 18 : 48);
  const plotBottom = CHART.height - CHART.bottom;
  const latest = chart.latest;
  const summary = latest
    ? `Chart of ${chart.points.length} months; latest ${latest.label}: ${formatSpcValue(latest.value ?? 0, format)}. The table below gives every value.`
    : "Chart with no values.";
  let refPath = "";
  if (reference) {
    let pen = false;
    reference.values.forEach((v, i) => {
      if (v === null) return void (pen = false);
      refPath += `${pen ? "L" : "M"}${scale.x(i).toFixed(1)} ${scale.y(v).toFixed(1)}`;
      pen = true;
    });
  }
  return (
    <div className={compact ? "" : "relative overflow-x-auto"} tabIndex={compact ? undefined : 0}>
      <svg
        viewBox={`0 0 ${CHART.width} ${CHART.height}`}
        className={`h-auto w-full print:min-w-0 ${compact ? "min-w-0" : "min-w-[560px]"}`}
        role="img"
        aria-label={summary}
        data-testid={`${id}-svg`}
      >
        {scale.ticks.map((t) => (
          <g key={t}>
            <line x1={CHART.left} x2={CHART.width - CHART.right} y1={scale.y(t)} y2={scale.y(t)} stroke="#d8dde0" />
            <text x={CHART.left - 6} y={scale.y(t) + 4} textAnchor="end" fontSize={13 * text} fill="#212b32">
              {/* Small multiples drop a trailing unit word ("6.8 rate" -> "6.8") so the axis fits its margin. */}
              {compact ? formatSpcValue(t, format).replace(/\s+[^\d\s]+$/, "") : formatSpcValue(t, format)}
            </text>
          </g>
        ))}
        {ranges.map((r) => {
          const limits = chart.segments[r.segment]?.limits;
          if (!limits) return null;
          const x1 = scale.x(r.from) - (r.from === 0 ? 0 : half * 0.6);
          const x2 = scale.x(r.to) + (r.to === chart.points.length - 1 ? 0 : half * 0.4);
          const dash = limits.trial ? "2 3" : "6 4";
          return (
            <g key={r.segment} data-segment={r.segment}>
              <line x1={x1} x2={x2} y1={scale.y(limits.mean)} y2={scale.y(limits.mean)} stroke="#212b32" />
              {[limits.upper, limits.lower].map((v, i) => (
                <line key={i} x1={x1} x2={x2} y1={scale.y(v)} y2={scale.y(v)} stroke="#4c6272" strokeDasharray={dash} />
              ))}
              {r.from > 0 && (
                <line x1={x1} x2={x1} y1={CHART.top} y2={plotBottom} stroke="#4c6272" strokeDasharray="1 3" />
              )}
            </g>
          );
        })}
        {target !== null && Number.isFinite(target) && (
          <line
            x1={CHART.left}
            x2={CHART.width - CHART.right}
            y1={scale.y(target)}
            y2={scale.y(target)}
            stroke="#d5281b"
            strokeWidth="2"
            strokeDasharray="8 3"
          />
        )}
        {refPath && <path d={refPath} fill="none" stroke="#768692" strokeWidth="2" strokeDasharray="2 3" />}
        <path d={valuePath(chart, scale)} fill="none" stroke="#425563" strokeWidth="1.5" />
        {chart.points.map((p, i) =>
          p.value === null ? null : (
            <circle
              key={p.key}
              cx={scale.x(i)}
              cy={scale.y(p.value)}
              r={p.pointClass === "common" || p.pointClass === "none" ? 3.5 : 5}
              fill={pointColour(p)}
              stroke="#212b32"
              strokeWidth="0.75"
              data-class={p.pointClass}
            >
              <title>{`${p.label}: ${formatSpcValue(p.value, format)} · ${pointClassText(p)}`}</title>
            </circle>
          ),
        )}
        {chart.points.map((p, i) => {
          const april = p.key.endsWith("-01");
          const show = !thin || i % 3 === 0 || april;
          return (
            <g key={`x-${p.key}`}>
              {show && (
                <text x={scale.x(i)} y={plotBottom + 16 * text} textAnchor="middle" fontSize={12 * text} fill="#212b32">
                  {p.label.charAt(0)}
                </text>
              )}
              {(april || i === 0) && (
                <text
                  x={scale.x(i)}
                  y={plotBottom + 34 * (compact ? 1.3 : 1)}
                  textAnchor="start"
                  fontSize={13 * text}
                  fill="#212b32"
                >
                  {p.label.split(" ").at(-1)}
                </text>
              )}
            </g>
          );
        })}
      </svg>
      {!compact && <SpcChartKey chart={chart} target={target} reference={reference} />}
    </div>
  );
}

/** What the lines and colours mean; small multiples give it once for the whole set. */
export function SpcChartKey({
  chart,
  target,
  reference,
}: {
  chart?: SpcChart;
  target: number | null;
  reference: SpcReferenceLine | { label: string } | null;
}) {
  return (
    <div>
      <p className="mt-1 text-xs text-nhs-secondary">
        Solid line: mean. Dashed grey: process limits
        {!chart || chart.segments.some((s) => s.limits?.trial) ? " (dotted: trial limits)" : ""}.
        {target !== null ? " Red dashed: target." : ""}
        {reference ? ` Grey dotted: ${reference.label.toLowerCase()}.` : ""} Grey points: common cause; blue:
        improvement; orange: concern; purple: neither.
      </p>
    </div>
  );
}

function SpcTable({
  id,
  title,
  chart,
  format,
  reference,
}: {
  id: string;
  title: string;
  chart: SpcChart;
  format: SpcValueFormat;
  reference: SpcReferenceLine | null;
}) {
  const v = (x: number | null | undefined) => (x === null || x === undefined ? "–" : formatSpcValue(x, format));
  return (
    <details className="no-print" id={`${id}-table`}>
      <summary className="cursor-pointer font-semibold">Show the chart as a table</summary>
      <DataTable
        caption={`${title}: value, mean, process limits and what each point shows, by month`}
        className="mt-2 text-sm"
        columns={[
          { label: "Month" },
          { label: "Value", align: "right" },
          ...(reference ? [{ label: reference.label, align: "right" as const }] : []),
          { label: "Mean", align: "right" },
          { label: "Lower limit", align: "right" },
          { label: "Upper limit", align: "right" },
          { label: "Reading" },
        ]}
      >
        {chart.points.map((p, i) => {
          const segment = chart.segments[p.segment];
          const limits = segment?.limits;
          return (
            <tr key={p.key} className={rowClass}>
              <th scope="row" className={`${cellClass} font-normal`}>
                {p.label}
                {segment &&
                segment.index > 0 &&
                segment.startKey <= p.key &&
                i > 0 &&
                chart.points[i - 1]?.segment !== p.segment
                  ? ` (rebased: ${segment.reason ?? ""})`
                  : ""}
              </th>
              <td className={numberCellClass}>{v(p.value)}</td>
              {reference && <td className={numberCellClass}>{v(reference.values[i])}</td>}
              <td className={numberCellClass}>{v(limits?.mean)}</td>
              <td className={numberCellClass}>{v(limits?.lower)}</td>
              <td className={numberCellClass}>{v(limits?.upper)}</td>
              <td className={cellClass}>
                {pointClassText(p)}
                {limits?.trial ? " · trial limits" : ""}
              </td>
            </tr>
          );
        })}
      </DataTable>
    </details>
  );
}
