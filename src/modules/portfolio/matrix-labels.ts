/**
 * Where the portfolio matrix writes each service line's name so that labels do not overlap one
 * another, the dots, or the plot's edges. Greedy and deterministic: dots are labelled in a fixed
 * order (top to bottom, then left to right, then by id), each taking the first candidate spot
 * (right, left, above, below, the diagonals, then the same further out with a leader line) that
 * collides with nothing already placed; if every spot collides, the one that overlaps least.
 * Pure, so the same review always draws the same picture (and it is unit-tested).
 */

export interface Dot {
  id: string;
  cx: number;
  cy: number;
  r: number;
  label: string;
}

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface PlacedLabel {
  id: string;
  /** The text's anchor point and alignment, as SVG <text> takes them. */
  x: number;
  y: number;
  anchor: "start" | "middle" | "end";
  /** The box the text occupies. */
  box: Box;
  /** Set when the label sits away from its dot: a line from the dot's edge to the label. */
  leader?: { x1: number; y1: number; x2: number; y2: number };
}

export interface LabelMetrics {
  /** Font size in px; the box's height is this times 1.2. */
  fontSize: number;
  /** Average glyph width as a share of the font size (semibold sans ≈ 0.58). */
  charWidth: number;
}

const DEFAULT_METRICS: LabelMetrics = { fontSize: 12, charWidth: 0.58 };
const GAP = 4;

export function textWidth(text: string, metrics: LabelMetrics = DEFAULT_METRICS): number {
  return Math.ceil(text.length * metrics.fontSize * metrics.charWidth);
}

function overlapArea(a: Box, b: Box): number {
  const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
  const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
  return w > 0 && h > 0 ? w * h : 0;
}

/** A circle's overlap with a box, approximated by the circle's bounding square shrunk to its area. */
function circleOverlap(dot: Dot, box: Box): number {
  const half = dot.r * 0.886; // a square of the circle's area
  return overlapArea({ left: dot.cx - half, right: dot.cx + half, top: dot.cy - half, bottom: dot.cy + half }, box);
}

function outside(box: Box, bounds: Box): number {
  const w = box.right - box.left;
  const h = box.bottom - box.top;
  const inside = overlapArea(box, bounds);
  return w * h - inside;
}

type Direction = "right" | "left" | "above" | "below" | "above-right" | "below-right" | "above-left" | "below-left";
const DIRECTIONS: Direction[] = [
  "right",
  "left",
  "above",
  "below",
  "above-right",
  "below-right",
  "above-left",
  "below-left",
];

function candidate(dot: Dot, direction: Direction, distance: number, width: number, height: number) {
  const d = dot.r + distance;
  const diagonal = d * Math.SQRT1_2;
  // The label's box position for each direction, and the text anchor (baseline ≈ 0.8 of height).
  let left: number;
  let top: number;
  let anchor: PlacedLabel["anchor"];
  switch (direction) {
    case "right":
      [left, top, anchor] = [dot.cx + d, dot.cy - height / 2, "start"];
      break;
    case "left":
      [left, top, anchor] = [dot.cx - d - width, dot.cy - height / 2, "end"];
      break;
    case "above":
      [left, top, anchor] = [dot.cx - width / 2, dot.cy - d - height, "middle"];
      break;
    case "below":
      [left, top, anchor] = [dot.cx - width / 2, dot.cy + d, "middle"];
      break;
    case "above-right":
      [left, top, anchor] = [dot.cx + diagonal, dot.cy - diagonal - height, "start"];
      break;
    case "below-right":
      [left, top, anchor] = [dot.cx + diagonal, dot.cy + diagonal, "start"];
      break;
    case "above-left":
      [left, top, anchor] = [dot.cx - diagonal - width, dot.cy - diagonal - height, "end"];
      break;
    case "below-left":
      [left, top, anchor] = [dot.cx - diagonal - width, dot.cy + diagonal, "end"];
      break;
  }
  const box = { left, top, right: left + width, bottom: top + height };
  const x = anchor === "start" ? box.left : anchor === "end" ? box.right : (box.left + box.right) / 2;
  return { box, x, y: box.top + height * 0.8, anchor };
}

/** The point on the dot's edge facing the label's box, for a leader line. */
function leaderFor(dot: Dot, box: Box) {
  const tx = Math.max(box.left, Math.min(dot.cx, box.right));
  const ty = Math.max(box.top, Math.min(dot.cy, box.bottom));
  const dx = tx - dot.cx;
  const dy = ty - dot.cy;
  const length = Math.hypot(dx, dy) || 1;
  return { x1: dot.cx + (dx / length) * dot.r, y1: dot.cy + (dy / length) * dot.r, x2: tx, y2: ty };
}

export function labelOrder(a: Dot, b: Dot): number {
  return a.cy - b.cy || a.cx - b.cx || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** `obstacles`: other text on the plot (e.g. the quadrants' names) that labels keep off. */
export function placeLabels(
  dots: Dot[],
  bounds: Box,
  metrics: LabelMetrics = DEFAULT_METRICS,
  obstacles: Box[] = [],
): PlacedLabel[] {
  const height = Math.ceil(metrics.fontSize * 1.2);
  const placed: PlacedLabel[] = [];
  const distances = [GAP, GAP + 14, GAP + 30];
  for (const dot of [...dots].sort(labelOrder)) {
    const width = textWidth(dot.label, metrics);
    let best: { cost: number; label: PlacedLabel } | undefined;
    for (const [ring, distance] of distances.entries()) {
      for (const direction of DIRECTIONS) {
        const c = candidate(dot, direction, distance, width, height);
        let cost = outside(c.box, bounds) * 4;
        for (const p of placed) cost += overlapArea(c.box, p.box) * 2;
        for (const o of obstacles) cost += overlapArea(c.box, o) * 2;
        for (const other of dots) if (other.id !== dot.id) cost += circleOverlap(other, c.box);
        cost += circleOverlap(dot, c.box);
        // Prefer near spots and the reading order of directions when costs tie.
        const label: PlacedLabel = {
          id: dot.id,
          x: c.x,
          y: c.y,
          anchor: c.anchor,
          box: c.box,
          ...(ring > 0 ? { leader: leaderFor(dot, c.box) } : {}),
        };
        if (cost === 0) {
          best = { cost, label };
          break;
        }
        if (!best || cost < best.cost) best = { cost, label };
      }
      if (best?.cost === 0) break;
    }
    placed.push(best!.label);
  }
  return placed;
}

/** Whether two placed labels overlap (for tests and checks). */
export function labelsOverlap(a: PlacedLabel, b: PlacedLabel): boolean {
  return overlapArea(a.box, b.box) > 0;
}
