import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { series } from "./spc-test-series";
import type { SpcChart, SpcDirection } from "./spc-types";
import { buildXmrChart } from "./xmr-chart";

const values = fc.array(fc.integer({ min: -1000, max: 1000 }), { maxLength: 40 });
const direction = fc.constantFrom<SpcDirection>("higher", "lower", "neutral");
const baseline = fc.constantFrom<number | null>(null, 12, 15);

const limitsOf = (chart: SpcChart) => chart.segments.map((s) => s.limits);
const classesOf = (chart: SpcChart) => chart.points.map((p) => [p.pointClass, p.side, p.rules.join()]);

describe("XmR properties", () => {
  it("limits and near limits are symmetric about the mean, near limits inside the process limits", () => {
    fc.assert(
      fc.property(values, direction, (v, d) => {
        for (const l of limitsOf(buildXmrChart(series(v), { direction: d }))) {
          if (!l) continue;
          expect(l.upper - l.mean).toBeCloseTo(l.mean - l.lower, 8);
          expect(l.nearUpper - l.mean).toBeCloseTo(l.mean - l.nearLower, 8);
          expect(l.nearUpper).toBeLessThan(l.upper);
          expect(l.nearLower).toBeGreaterThan(l.lower);
        }
      }),
    );
  });

  it("adding a constant shifts the mean and limits by it and keeps every classification", () => {
    fc.assert(
      fc.property(values, fc.integer({ min: -10_000, max: 10_000 }), direction, baseline, (v, c, d, b) => {
        const a = buildXmrChart(series(v), { direction: d, baselinePoints: b, target: 100 });
        const s = buildXmrChart(series(v.map((x) => x + c)), { direction: d, baselinePoints: b, target: 100 + c });
        expect(classesOf(s)).toEqual(classesOf(a));
        expect(s.variation).toEqual(a.variation);
        expect(s.assurance).toEqual(a.assurance);
        limitsOf(a).forEach((l, i) => {
          const m = limitsOf(s)[i];
          if (!l || !m) return expect(m ?? null).toBe(l ?? null);
          expect(m.mean).toBeCloseTo(l.mean + c, 6);
          expect(m.upper).toBeCloseTo(l.upper + c, 6);
          expect(m.lower).toBeCloseTo(l.lower + c, 6);
        });
      }),
    );
  });

  it("scaling by a positive constant scales the limits and keeps every classification", () => {
    fc.assert(
      fc.property(values, fc.constantFrom(0.01, 0.5, 3, 1000), direction, (v, k, d) => {
        const a = buildXmrChart(series(v), { direction: d });
        const s = buildXmrChart(series(v.map((x) => x * k)), { direction: d });
        expect(classesOf(s)).toEqual(classesOf(a));
        limitsOf(a).forEach((l, i) => {
          const m = limitsOf(s)[i];
          if (!l || !m) return expect(m ?? null).toBe(l ?? null);
          expect(m.upper / k).toBeCloseTo(l.upper, 6);
          expect(m.movingRangeMean / k).toBeCloseTo(l.movingRangeMean, 6);
        });
      }),
    );
  });

  it("negating the series and flipping the direction keeps improvement and concern, mirrors the sides", () => {
    fc.assert(
      fc.property(values, (v) => {
        const a = buildXmrChart(series(v), { direction: "higher" });
        const n = buildXmrChart(series(v.map((x) => -x)), { direction: "lower" });
        expect(n.points.map((p) => p.pointClass)).toEqual(a.points.map((p) => p.pointClass));
        const flip = (s: string | null) => (s === "high" ? "low" : s === "low" ? "high" : s);
        expect(n.points.map((p) => p.side)).toEqual(a.points.map((p) => flip(p.side)));
      }),
    );
  });

  it("any input, however bad, gives finite numbers or gaps: never NaN, never a throw", () => {
    const anything = fc.oneof(
      fc.double(),
      fc.constant(null),
      fc.constant(undefined),
      fc.string(),
      fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, "12.5", "", {}),
    );
    fc.assert(
      fc.property(fc.array(anything, { maxLength: 30 }), direction, fc.option(fc.double()), (v, d, t) => {
        const chart = buildXmrChart(series(v), { direction: d, target: t, baselinePoints: 12 });
        for (const p of chart.points) expect(p.value === null || Number.isFinite(p.value)).toBe(true);
        for (const l of limitsOf(chart)) {
          if (l)
            for (const x of [l.mean, l.upper, l.lower, l.nearUpper, l.nearLower]) expect(Number.isFinite(x)).toBe(true);
        }
      }),
    );
  });
});
