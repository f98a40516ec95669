/**
 * Pure geometry for the server-rendered SVG charts: "nice" axis ticks and linear scales. Values
 * are integer pence; positions are SVG user units. No DOM, so charts render on the server and
 * are complete in the HTML (they print straight after loading, with no script to wait for).
 */

/** Steps of 1, 2, 2.5 or 5 times a power of ten: the tick spacings finance charts use. */
const STEP_FACTORS = [1, 2, 2.5, 5, 10] as const;

/**
 * Ticks from 0 (or below, for negatives) to at least `max`, about `count` of them, evenly spaced
 * at a round step. A zero or empty range gets one step, so a chart of nothing still has an axis.
 */
export function niceTicks(min: number, max: number, count = 5): number[] {
  const low = Math.min(0, min);
  const high = Math.max(0, max);
  const span = high - low || 1;
  const raw = span / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(raw));
  // Whole steps only (the values are pence): 2.5 is skipped below 10 and the step is at least 1.
  const step = Math.max(1, (STEP_FACTORS.find((f) => f * power >= raw && Number.isInteger(f * power)) ?? 10) * power);
  const first = Math.floor(low / step) * step;
  const ticks = [first];
  while (ticks.at(-1)! < high || ticks.length < 2) ticks.push(ticks.at(-1)! + step);
  return ticks;
}

/** A linear map from [d0, d1] to [r0, r1] (r1 < r0 for a y axis that grows upwards). */
export function linearScale(d0: number, d1: number, r0: number, r1: number): (value: number) => number {
  const span = d1 - d0 || 1;
  return (value: number) => r0 + ((value - d0) / span) * (r1 - r0);
}

/** SVG path "M x y L x y ..." through the points, breaking the line where a value is missing. */
export function linePath(points: readonly { x: number; y: number | null }[]): string {
  let path = "";
  let pen = false;
  for (const p of points) {
    if (p.y === null) {
      pen = false;
      continue;
    }
    path += `${pen ? "L" : "M"}${round(p.x)} ${round(p.y)} `;
    pen = true;
  }
  return path.trim();
}

/** One decimal of a user unit is finer than any printer: keeps the HTML small. */
export function round(value: number): number {
  return Math.round(value * 10) / 10;
}
