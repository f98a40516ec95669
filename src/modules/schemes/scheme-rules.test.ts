import { describe, expect, it } from "vitest";
import { DEFAULT_STAGE_WEIGHTS, riskAdjustedPence, schemeCode, stageWeights } from "./scheme-rules";

describe("schemeCode", () => {
  it.each([
    ["LTH", "CIP", 42, "LTH-CIP-0042"],
    ["NEL", "QIPP", 1, "NEL-QIPP-0001"],
    ["BH", "CIP", 12345, "BH-CIP-12345"],
  ] as const)("%s %s %i -> %s", (org, type, n, code) => {
    expect(schemeCode(org, type, n)).toBe(code);
  });
  it("refuses numbers that are not positive whole numbers", () => {
    expect(() => schemeCode("LTH", "CIP", 0)).toThrow(RangeError);
    expect(() => schemeCode("LTH", "CIP", 1.5)).toThrow(RangeError);
  });
});

describe("risk adjustment", () => {
  it("uses DESIGN.md's defaults", () => {
    expect(DEFAULT_STAGE_WEIGHTS).toMatchObject({ OPPORTUNITY: 25, PLANNING: 50, DELIVERY: 90, COMPLETE: 100 });
  });
  it.each([
    [45_000_000, 25, 11_250_000],
    [45_000_000, 90, 40_500_000],
    [1, 50, 1], // half a penny rounds away from zero
    [3, 25, 1],
    [-3, 50, -2],
    [0, 90, 0],
  ])("%i pence at %i%% = %i", (value, weight, expected) => {
    expect(riskAdjustedPence(value, weight)).toBe(expected);
  });
  it("lets an organisation override a stage's weight", () => {
    expect(stageWeights([{ stage: "PLANNING", weightPercent: 60 }])).toMatchObject({ PLANNING: 60, OPPORTUNITY: 25 });
  });
});
