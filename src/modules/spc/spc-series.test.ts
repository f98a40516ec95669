import { describe, expect, it } from "vitest";
import { monthKey, monthPointLabel, monthlySeries } from "./spc-series";

describe("monthly SPC series", () => {
  it("keys sort in time order across financial years", () => {
    expect([monthKey(2024, 12), monthKey(2025, 1), monthKey(2024, 9)].sort()).toEqual([
      "2024-09",
      "2024-12",
      "2025-01",
    ]);
    expect(monthPointLabel(2024, 7)).toBe("Oct 2024/25");
  });

  it("fills months with no row as gaps (null), never zeros, from the first to the last month", () => {
    const points = monthlySeries([
      { financialYear: 2025, month: 2, value: "7" },
      { financialYear: 2024, month: 11, value: 5 },
    ]);
    expect(points.map((p) => [p.key, p.label, p.value])).toEqual([
      ["2024-11", "Feb 2024/25", 5],
      ["2024-12", "Mar 2024/25", null],
      ["2025-01", "Apr 2025/26", null],
      ["2025-02", "May 2025/26", "7"],
    ]);
    expect(monthlySeries([])).toEqual([]);
  });
});
