import { describe, expect, it } from "vitest";
import { linearScale, linePath, niceTicks } from "./chart-scale";

describe("niceTicks", () => {
  it.each([
    [0, 1_430_000_000, [0, 500_000_000, 1_000_000_000, 1_500_000_000]],
    [0, 100, [0, 20, 40, 60, 80, 100]],
    [0, 0, [0, 1]],
    [-250, 1000, [-250, 0, 250, 500, 750, 1000]],
  ])("from %d to %d", (min, max, expected) => {
    expect(niceTicks(min, max)).toEqual(expected);
  });

  it("always covers the range with round, even steps", () => {
    for (const max of [1, 7, 99, 1234, 5_678_901, 98_765_432_10]) {
      const ticks = niceTicks(0, max);
      expect(ticks[0]).toBe(0);
      expect(ticks.at(-1)!).toBeGreaterThanOrEqual(max);
      const step = ticks[1]! - ticks[0]!;
      ticks.forEach((t, i) => expect(t).toBe(i * step));
      expect(ticks.length).toBeLessThanOrEqual(11);
    }
  });
});

describe("linearScale and linePath", () => {
  it("maps the domain onto the range, upside down for a y axis", () => {
    const y = linearScale(0, 100, 200, 0);
    expect([y(0), y(50), y(100)]).toEqual([200, 100, 0]);
  });

  it("breaks the line where a value is missing", () => {
    expect(
      linePath([
        { x: 0, y: 10 },
        { x: 1, y: 20 },
        { x: 2, y: null },
        { x: 3, y: 5 },
      ]),
    ).toBe("M0 10 L1 20 M3 5");
  });
});
