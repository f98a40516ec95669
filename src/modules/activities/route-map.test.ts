import { describe, expect, it } from "vitest";
import { quarterIndex } from "@/lib/financial-year";
import { barFor, groupInOrder, routeMapYears } from "./route-map";
import { parseDue } from "./route-map-filter";

const q = (fy: number, n: 1 | 2 | 3 | 4) => quarterIndex({ fy, q: n });
const asOf = new Date(Date.UTC(2026, 10, 23));

describe("routeMapYears", () => {
  it("defaults to this financial year and the next", () => {
    expect(routeMapYears(asOf)).toEqual({ from: 2026, to: 2027 });
  });
  it("follows the due quarters asked for when no years are", () => {
    expect(routeMapYears(asOf, {}, { from: q(2021, 3), to: q(2021, 3) })).toEqual({ from: 2021, to: 2021 });
    expect(routeMapYears(asOf, {}, { from: q(2021, 4), to: q(2022, 1) })).toEqual({ from: 2021, to: 2022 });
  });
  it("honours a requested range, in either order, at most 6 years wide", () => {
    expect(routeMapYears(asOf, { from: 2025, to: 2024 })).toEqual({ from: 2024, to: 2025 });
    expect(routeMapYears(asOf, { from: 2016, to: 2030 })).toEqual({ from: 2016, to: 2021 });
  });
  it("shows a due filter's years whatever years the form carries", () => {
    expect(routeMapYears(asOf, { from: 2016, to: 2017 }, { from: q(2021, 3), to: q(2021, 3) })).toEqual({
      from: 2021,
      to: 2021,
    });
  });
});

describe("parseDue", () => {
  it.each([
    ["", { kind: "none" }],
    ["Q3 2021/22", { kind: "quarters", text: "Q3 2021/22", from: q(2021, 3), to: q(2021, 3) }],
    ["q3 21-22", { kind: "quarters", text: "q3 21-22", from: q(2021, 3), to: q(2021, 3) }],
    ["Q3 21–22 - Q1 22/23", { kind: "quarters", text: "Q3 21–22 - Q1 22/23", from: q(2021, 3), to: q(2022, 1) }],
  ])("reads %j", (text, expected) => {
    expect(parseDue(text)).toEqual(expected);
  });
  it.each(["Q5 2021/22", "soon", "Ongoing"])("says why %j cannot be a due quarter", (text) => {
    expect(parseDue(text)).toMatchObject({ kind: "unreadable", text, message: expect.stringMatching(/\w/) });
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
