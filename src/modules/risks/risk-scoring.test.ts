import { describe, expect, it } from "vitest";
import {
  CONSEQUENCE_LABELS,
  DEFAULT_RISK_BANDS,
  LIKELIHOOD_LABELS,
  POSSIBLE_SCORES,
  type RiskBand,
  assessRisk,
  isTargetWorseThan,
  riskBand,
  riskScore,
  validateRiskBands,
} from "./risk-scoring";

describe("the 5x5 matrix", () => {
  // likelihood, consequence, score, band: every cell, written out.
  it.each([
    [1, 1, 1, "low"],
    [1, 2, 2, "low"],
    [1, 3, 3, "low"],
    [1, 4, 4, "moderate"],
    [1, 5, 5, "moderate"],
    [2, 1, 2, "low"],
    [2, 2, 4, "moderate"],
    [2, 3, 6, "moderate"],
    [2, 4, 8, "high"],
    [2, 5, 10, "high"],
    [3, 1, 3, "low"],
    [3, 2, 6, "moderate"],
    [3, 3, 9, "high"],
    [3, 4, 12, "high"],
    [3, 5, 15, "extreme"],
    [4, 1, 4, "moderate"],
    [4, 2, 8, "high"],
    [4, 3, 12, "high"],
    [4, 4, 16, "extreme"],
    [4, 5, 20, "extreme"],
    [5, 1, 5, "moderate"],
    [5, 2, 10, "high"],
    [5, 3, 15, "extreme"],
    [5, 4, 20, "extreme"],
    [5, 5, 25, "extreme"],
  ])("L%i x C%i = %i (%s)", (l, c, score, band) => {
    expect(riskScore(l, c)).toBe(score);
    expect(riskBand(score).key).toBe(band);
    expect(assessRisk(l, c)).toEqual({ score, band: riskBand(score) });
  });

  it("has exactly 14 possible scores", () => {
    expect(POSSIBLE_SCORES).toEqual([1, 2, 3, 4, 5, 6, 8, 9, 10, 12, 15, 16, 20, 25]);
    expect(POSSIBLE_SCORES).toHaveLength(14);
  });

  it("labels the axes as NPSA does", () => {
    expect(Object.values(LIKELIHOOD_LABELS)).toEqual(["Rare", "Unlikely", "Possible", "Likely", "Almost certain"]);
    expect(Object.values(CONSEQUENCE_LABELS)).toEqual(["Negligible", "Minor", "Moderate", "Major", "Catastrophic"]);
  });

  it.each([
    [0, 3],
    [6, 3],
    [3, 0],
    [3, 6],
    [2.5, 3],
    [3, Number.NaN],
    [-1, -1],
  ])("rejects L%d x C%d", (l, c) => {
    expect(() => riskScore(l, c)).toThrow(RangeError);
  });

  it("names the faulty axis", () => {
    expect(() => riskScore(6, 3)).toThrow(
      "Likelihood must be a whole number from 1 (rare) to 5 (almost certain); got 6.",
    );
    expect(() => riskScore(3, 0)).toThrow(
      "Consequence must be a whole number from 1 (negligible) to 5 (catastrophic); got 0.",
    );
  });

  it.each([0, 7, 11, 13, 26, 2.5])("has no band for impossible score %d", (score) => {
    expect(() => riskBand(score)).toThrow(RangeError);
  });
});

describe("risk bands", () => {
  it("the defaults are valid", () => {
    expect(validateRiskBands(DEFAULT_RISK_BANDS)).toEqual([]);
  });

  // WCAG 2 relative luminance and contrast ratio.
  const luminance = (hex: string) => {
    const [r, g, b] = [1, 3, 5].map((i) => {
      const v = parseInt(hex.slice(i, i + 2), 16) / 255;
      return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    }) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const contrast = (a: string, b: string) => {
    const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
    return (hi + 0.05) / (lo + 0.05);
  };

  it.each(DEFAULT_RISK_BANDS.map((b) => [b.key, b] as const))("%s text meets WCAG AA", (_, band) => {
    expect(contrast(band.colour, band.textColour)).toBeGreaterThanOrEqual(4.5);
  });

  it("a trust can use its own bands", () => {
    const custom: RiskBand[] = [
      { key: "green", label: "Green", min: 1, max: 4, colour: "#007f3b", textColour: "#ffffff" },
      { key: "amber", label: "Amber", min: 5, max: 12, colour: "#ed8b00", textColour: "#212b32" },
      { key: "red", label: "Red", min: 13, max: 25, colour: "#d5281b", textColour: "#ffffff" },
    ];
    expect(validateRiskBands(custom)).toEqual([]);
    expect(riskBand(4, custom).key).toBe("green");
    expect(riskBand(15, custom).key).toBe("red");
  });

  const band = (key: string, min: number, max: number): RiskBand => ({
    key,
    label: key,
    min,
    max,
    colour: "#ffffff",
    textColour: "#000000",
  });

  it.each<[string, RiskBand[], string[]]>([
    ["no bands", [], ["Add at least one risk band."]],
    ["a gap", [band("a", 1, 3), band("b", 5, 25)], ["No band covers score 4."]],
    [
      "an overlap",
      [band("a", 1, 4), band("b", 4, 25)],
      ["Band 2 (b) overlaps the band before it (1–4).", "More than one band covers score 4."],
    ],
    [
      "out of order",
      [band("b", 9, 25), band("a", 1, 8)],
      ["Band 2 (a) is out of order: list bands from lowest to highest score."],
    ],
    ["short of 25", [band("a", 1, 16)], ["No band covers scores 20, 25."]],
    ["beyond 25", [band("a", 1, 30)], ["Band 1 (a) must have whole-number limits between 1 and 25."]],
    [
      "inverted",
      [band("a", 1, 25), band("b", 25, 20)],
      expect.arrayContaining(["Band 2 (b) starts at 25, after its end 20."]),
    ],
    [
      "a band of impossible scores",
      [band("a", 1, 6), band("b", 7, 7), band("c", 8, 25)],
      ["Band 2 (b) (7–7) contains no possible score."],
    ],
    ["a repeated key", [band("a", 1, 6), band("a", 8, 25)], ['Band 2 (a) repeats the key "a".']],
    [
      "a bad colour",
      [{ ...band("a", 1, 25), colour: "red" }],
      ["Band 1 (a) colour must be a hex colour like #d5281b."],
    ],
  ])("reports %s", (_, bands, problems) => {
    expect(validateRiskBands(bands)).toEqual(problems);
  });

  it("riskBand refuses a score no band holds", () => {
    expect(() => riskBand(4, [band("a", 1, 3), band("b", 5, 25)])).toThrow("No risk band covers score 4");
  });
});

describe("isTargetWorseThan", () => {
  it.each([
    [{ likelihood: 2, consequence: 3 }, { likelihood: 4, consequence: 4 }, false],
    [{ likelihood: 4, consequence: 4 }, { likelihood: 2, consequence: 3 }, true],
    [{ likelihood: 2, consequence: 3 }, { likelihood: 3, consequence: 2 }, false],
    [{ likelihood: 5, consequence: 1 }, { likelihood: 2, consequence: 2 }, true],
  ])("target %o vs current %o → %s", (target, current, expected) => {
    expect(isTargetWorseThan(target, current)).toBe(expected);
  });

  it("validates both ratings", () => {
    expect(() => isTargetWorseThan({ likelihood: 0, consequence: 1 }, { likelihood: 1, consequence: 1 })).toThrow(
      RangeError,
    );
  });
});
