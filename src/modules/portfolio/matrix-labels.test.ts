import { describe, expect, it } from "vitest";
import { labelsOverlap, placeLabels, textWidth, type Box, type Dot } from "./matrix-labels";

const BOUNDS: Box = { left: 64, top: 16, right: 620, bottom: 440 };
const dot = (id: string, cx: number, cy: number, r = 10, label = `Service line ${id}`): Dot => ({
  id,
  cx,
  cy,
  r,
  label,
});

function overlapsAnyDot(box: Box, dots: Dot[]) {
  return dots.some((d) => {
    const nx = Math.max(box.left, Math.min(d.cx, box.right));
    const ny = Math.max(box.top, Math.min(d.cy, box.bottom));
    return Math.hypot(nx - d.cx, ny - d.cy) < d.r * 0.886;
  });
}

describe("placing the matrix's labels", () => {
  it("puts a lone dot's label to its right, 4 px beyond the dot, on the dot's middle line", () => {
    const [label] = placeLabels([dot("a", 300, 200, 12, "Cardiology")], BOUNDS);
    // 10 characters at 12 px x 0.58 = 70 px wide, 15 px high (12 x 1.2, rounded up).
    expect(textWidth("Cardiology")).toBe(70);
    expect(label).toEqual({
      id: "a",
      x: 316,
      y: 204.5,
      anchor: "start",
      box: { left: 316, top: 192.5, right: 386, bottom: 207.5 },
    });
  });

  it("writes the label on the left when the right would leave the plot", () => {
    const [label] = placeLabels([dot("a", 600, 200, 10, "Dermatology")], BOUNDS);
    expect(label!.anchor).toBe("end");
    expect(label!.x).toBe(586);
    expect(label!.box.left).toBeGreaterThanOrEqual(BOUNDS.left);
  });

  it("keeps a tight cluster's labels apart, off every dot and inside the plot", () => {
    const cluster = [
      dot("gs", 300, 200, 14, "General surgery"),
      dot("tr", 318, 206, 10, "Trauma and orthopaedics"),
      dot("ur", 296, 222, 8, "Urology"),
      dot("en", 330, 190, 12, "ENT"),
      dot("op", 310, 230, 9, "Ophthalmology"),
    ];
    const labels = placeLabels(cluster, BOUNDS);
    expect(labels).toHaveLength(5);
    for (const [i, a] of labels.entries())
      for (const b of labels.slice(i + 1)) expect(labelsOverlap(a, b), `${a.id} and ${b.id}`).toBe(false);
    for (const l of labels) {
      expect(overlapsAnyDot(l.box, cluster), l.id).toBe(false);
      expect(l.box.left >= BOUNDS.left && l.box.right <= BOUNDS.right, l.id).toBe(true);
      expect(l.box.top >= BOUNDS.top && l.box.bottom <= BOUNDS.bottom, l.id).toBe(true);
    }
    // Labels pushed away from their dot get a leader line that starts on the dot's edge.
    for (const l of labels.filter((p) => p.leader)) {
      const d = cluster.find((c) => c.id === l.id)!;
      expect(Math.hypot(l.leader!.x1 - d.cx, l.leader!.y1 - d.cy)).toBeCloseTo(d.r, 5);
    }
  });

  it("keeps labels off other text on the plot", () => {
    const corner: Box = { left: 300, top: 150, right: 420, bottom: 215 };
    const [label] = placeLabels([dot("a", 300, 200, 12, "Cardiology")], BOUNDS, undefined, [corner]);
    expect(label!.anchor).toBe("end");
    expect(label!.box.right).toBe(284);
  });

  it("is deterministic: the same dots in any order give the same placement", () => {
    const dots = [dot("a", 200, 100), dot("b", 210, 104), dot("c", 205, 96), dot("d", 400, 300)];
    const once = placeLabels(dots, BOUNDS);
    const shuffled = placeLabels([dots[2]!, dots[0]!, dots[3]!, dots[1]!], BOUNDS);
    const byId = (ls: typeof once) => Object.fromEntries(ls.map((l) => [l.id, l]));
    expect(byId(shuffled)).toEqual(byId(once));
  });

  it("still labels every dot when there is no free spot, choosing the least overlap", () => {
    const crowd = Array.from({ length: 30 }, (_, i) => dot(`d${i}`, 100 + (i % 3) * 2, 40 + Math.floor(i / 3) * 2, 6));
    const labels = placeLabels(crowd, BOUNDS);
    expect(new Set(labels.map((l) => l.id)).size).toBe(30);
  });
});
