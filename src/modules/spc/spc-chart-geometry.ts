import type { SpcChart } from "./spc-types";

/** Plot area of the SVG chart, in viewBox units. */
export const CHART = { width: 760, height: 300, left: 72, right: 16, top: 16, bottom: 56 } as const;

export interface Scale {
  min: number;
  max: number;
  ticks: number[];
  y: (v: number) => number;
  x: (index: number) => number;
}

/** 1, 2, 2.5 or 5 times a power of ten: axis steps people read easily. */
export function niceStep(span: number, count: number): number {
  const raw = span / Math.max(count, 1);
  if (!(raw > 0) || !Number.isFinite(raw)) return 1;
  const power = 10 ** Math.floor(Math.log10(raw));
  const m = raw / power;
  return (m <= 1 ? 1 : m <= 2 ? 2 : m <= 2.5 ? 2.5 : m <= 5 ? 5 : 10) * power;
}

/**
 * Scales over every value, limit and reference line the chart draws, padded so nothing sits
 * on the edge; a single value (or none) still gets a visible range.
 */
export function chartScale(chart: SpcChart, extra: readonly (number | null)[]): Scale {
  const values: number[] = [];
  for (const p of chart.points) if (p.value !== null) values.push(p.value);
  for (const s of chart.segments) if (s.limits) values.push(s.limits.lower, s.limits.upper);
  for (const v of extra) if (v !== null && Number.isFinite(v)) values.push(v);
  let lo = values.length ? Math.min(...values) : 0;
  let hi = values.length ? Math.max(...values) : 1;
  if (hi === lo) {
    const pad = Math.abs(hi) > 0 ? Math.abs(hi) * 0.1 : 1;
    lo -= pad;
    hi += pad;
  }
  const step = niceStep(hi - lo, 5);
  const min = Math.floor(lo / step) * step;
  const max = Math.ceil(hi / step) * step;
  const ticks: number[] = [];
  for (let t = min; t <= max + step / 2; t += step) ticks.push(Number(t.toPrecision(12)));
  const plotW = CHART.width - CHART.left - CHART.right;
  const plotH = CHART.height - CHART.top - CHART.bottom;
  const n = chart.points.length;
  return {
    min,
    max,
    ticks,
    y: (v) => CHART.top + plotH - ((v - min) / (max - min)) * plotH,
    x: (i) => CHART.left + (n <= 1 ? plotW / 2 : (i / (n - 1)) * plotW),
  };
}

/**
 * SVG path data joining consecutive recorded values of one segment; a gap (missing value) or
 * a rebase breaks the line, so neither is drawn as if it were a value.
 */
export function valuePath(chart: SpcChart, scale: Scale): string {
  let d = "";
  let pen = false;
  chart.points.forEach((p, i) => {
    const prev = chart.points[i - 1];
    if (p.value === null || (prev && prev.segment !== p.segment)) pen = false;
    if (p.value === null) return;
    d += `${pen ? "L" : "M"}${scale.x(i).toFixed(1)} ${scale.y(p.value).toFixed(1)}`;
    pen = true;
  });
  return d;
}

/** Index range of each segment's points, for its mean and limit lines. */
export function segmentRanges(chart: SpcChart): { segment: number; from: number; to: number }[] {
  const ranges: { segment: number; from: number; to: number }[] = [];
  chart.points.forEach((p, i) => {
    const last = ranges.at(-1);
    if (last && last.segment === p.segment) last.to = i;
    else ranges.push({ segment: p.segment, from: i, to: i });
  });
  return ranges;
}
