import { describe, expect, it } from "vitest";
import { quarterIndex } from "@/lib/financial-year";
import { barFor, groupInOrder, routeMapYears } from "./route-map";

const q = (fy: number, n: 1 | 2 | 3 | 4) => quarterIndex({ fy, q: n });
const asOf = new Date(Date.UTC(2026, 10, 23));

describe("routeMapYears", () => {
  it("spans the activities' years", () => {
    expect(
      routeMapYears(
        [
          { startQuarter: q(2021, 3), endQuarter: q(2021, 3) },
          { startQuarter: q(2022, 1), endQuarter: q(2022, 1) },
        ],
        asOf,
      ),
    ).toEqual({ from: 2021, to: 2022 });
  });
  it("uses the current financial year when every activity is ongoing", () => {
    expect(routeMapYears([{ startQuarter: null, endQuarter: null }], asOf)).toEqual({ from: 2026, to: 2026 });
  });
  it("honours a requested range, in either order, at most 6 years wide", () => {
    expect(routeMapYears([], asOf, { from: 2025, to: 2024 })).toEqual({ from: 2024, to: 2025 });
    expect(routeMapYears([], asOf, { from: 2016, to: 2030 })).toEqual({ from: 2016, to: 2021 });
  });
});

describe("barFor", () => {
  const years = { from: 2021, to: 2022 };
  it("places a single quarter in its column", () => {
    expect(barFor({ startQuarter: q(2021, 3), endQuarter: q(2021, 3) }, years)).toEqual({
      kind: "span",
      firstColumn: 2,
      columns: 1,
      clippedStart: false,
      clippedEnd: false,
    });
  });
  it("spans a range across years", () => {
    expect(barFor({ startQuarter: q(2021, 4), endQuarter: q(2022, 2) }, years)).toMatchObject({
      firstColumn: 3,
      columns: 3,
    });
  });
  it("clips ranges that run past either edge", () => {
    expect(barFor({ startQuarter: q(2020, 1), endQuarter: q(2023, 4) }, years)).toEqual({
      kind: "span",
      firstColumn: 0,
      columns: 8,
      clippedStart: true,
      clippedEnd: true,
    });
  });
  it("reports activities wholly outside the range and ongoing ones", () => {
    expect(barFor({ startQuarter: q(2019, 1), endQuarter: q(2019, 4) }, years)).toEqual({
      kind: "outside",
      before: true,
    });
    expect(barFor({ startQuarter: q(2024, 1), endQuarter: q(2024, 1) }, years)).toEqual({
      kind: "outside",
      before: false,
    });
    expect(barFor({ startQuarter: null, endQuarter: null }, years)).toEqual({ kind: "ongoing" });
  });
});

describe("groupInOrder", () => {
  it("keeps first-seen order of groups and rows", () => {
    expect(groupInOrder(["b1", "a1", "b2"], (s) => s[0]!)).toEqual([
      { key: "b", rows: ["b1", "b2"] },
      { key: "a", rows: ["a1"] },
    ]);
  });
});
