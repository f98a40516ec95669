import type { SpcChangePoint, SpcInputPoint } from "./spc-types";

export interface ReadPoint {
  key: string;
  label: string;
  value: number | null;
}

export interface SegmentStart {
  /** Index into the read points. */
  at: number;
  key: string;
  reason: string | null;
}

const NUMBER_TEXT = /^-?(\d+(\.\d*)?|\.\d+)$/;

/**
 * The largest magnitude charted. Limits are the mean plus 2.66 moving ranges, so values near
 * Number.MAX_VALUE would overflow to Infinity; 1e15 is far beyond any NHS figure (the whole NHS
 * budget is about 2e13 pence) and keeps every limit finite.
 */
export const MAX_CHARTED_MAGNITUDE = 1e15;

/** A number as read from the input, before the range check; null when it is not a number at all. */
function readNumber(value: unknown): number | null {
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value === "bigint") return Number(value);
  if (typeof value === "string" && NUMBER_TEXT.test(value.trim())) return Number(value.trim());
  return null;
}

const chartable = (n: number) => Math.abs(n) <= MAX_CHARTED_MAGNITUDE;

/** A finite number within the charted range, or null for a gap. Numeric text ("12.5", a Decimal's toString) is read. */
export function readValue(value: unknown): number | null {
  const n = readNumber(value);
  return n !== null && chartable(n) ? n : null;
}

function listLabels(labels: string[]): string {
  return labels.length <= 3 ? labels.join(", ") : `${labels.slice(0, 3).join(", ")} and ${labels.length - 3} more`;
}

/** Orders the points by key, keeps the first of a repeated key, and turns bad values into gaps. */
export function readValues(input: readonly SpcInputPoint[], notes: string[]): ReadPoint[] {
  const seen = new Set<string>();
  const repeated: string[] = [];
  const missing: string[] = [];
  const invalid: string[] = [];
  const tooLarge: string[] = [];
  const points: ReadPoint[] = [];
  const ordered = [...input].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  for (const p of ordered) {
    if (seen.has(p.key)) {
      repeated.push(p.label);
      continue;
    }
    seen.add(p.key);
    const value = readValue(p.value);
    if (value === null) {
      const blank = p.value === null || p.value === undefined || (typeof p.value === "string" && p.value.trim() === "");
      const n = readNumber(p.value);
      (blank ? missing : n !== null && !chartable(n) ? tooLarge : invalid).push(p.label);
    }
    points.push({ key: p.key, label: p.label, value });
  }
  if (points.length === 0) notes.push("No values recorded yet.");
  if (missing.length > 0) notes.push(`No value for ${listLabels(missing)}: shown as a gap.`);
  if (invalid.length > 0) notes.push(`Not a number, so shown as a gap: ${listLabels(invalid)}.`);
  if (tooLarge.length > 0) notes.push(`Too large to chart, so shown as a gap: ${listLabels(tooLarge)}.`);
  if (repeated.length > 0) notes.push(`Repeated period, only the first value used: ${listLabels(repeated)}.`);
  return points;
}

/**
 * Where each segment starts. A change point starts at the first period on or after its key; one
 * on or before the first period, or after the last, is ignored; two landing on one period count once.
 */
export function planSegments(
  points: readonly ReadPoint[],
  changePoints: readonly SpcChangePoint[],
  notes: string[],
): SegmentStart[] {
  if (points.length === 0) return [];
  const starts: SegmentStart[] = [{ at: 0, key: points[0]!.key, reason: null }];
  const ordered = [...changePoints].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  for (const cp of ordered) {
    const name = cp.label ?? cp.key;
    const at = points.findIndex((p) => p.key >= cp.key);
    if (at === 0) {
      notes.push(`The rebase at ${name} is at or before the first point, so it changes nothing.`);
      continue;
    }
    if (at === -1) {
      notes.push(`The rebase at ${name} is after the last point, so it has no points yet.`);
      continue;
    }
    if (starts.at(-1)!.at === at) {
      notes.push(`Two rebases start at ${points[at]!.label}: the first one's reason is used.`);
      continue;
    }
    if (points[at]!.key !== cp.key) {
      notes.push(`No point at ${name}: the new limits start at ${points[at]!.label}.`);
    }
    starts.push({ at, key: cp.key, reason: cp.reason });
  }
  return starts;
}
