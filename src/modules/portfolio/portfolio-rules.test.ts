import { describe, expect, it } from "vitest";
import {
  DEFAULT_QUADRANT_OPTIONS,
  agreementOf,
  criteriaProblems,
  domainScore,
  formatScore,
  lineResult,
  optionCreatesWork,
  quadrantOf,
  rankByOverall,
  weightRemaining,
  weightedScore,
  type Criterion,
} from "./portfolio-rules";

const criteria: Criterion[] = [
  { id: "c1", domain: "CLINICAL", weight: 20 },
  { id: "c2", domain: "CLINICAL", weight: 30 },
  { id: "e1", domain: "ECONOMIC", weight: 50 },
];
const scale = { min: 0, max: 10 };
const scorerA = new Map([
  ["c1", 8],
  ["c2", 6],
  ["e1", 4],
]);
const scorerB = new Map([
  ["c1", 10],
  ["c2", 2],
  ["e1", 6],
]);

describe("criteriaProblems", () => {
  it("accepts weights that spend the pool exactly with both domains used", () => {
    expect(criteriaProblems(criteria, 100)).toEqual([]);
  });
  it("names the total when the weights do not add up to the pool", () => {
    expect(criteriaProblems(criteria.slice(0, 2).concat({ id: "e", domain: "ECONOMIC", weight: 40 }), 100)).toEqual([
      "The weights add up to 90; they must add up to the pool of 100",
    ]);
  });
  it("refuses an 11th criterion", () => {
    const eleven = Array.from(
      { length: 11 },
      (_, i) => ({ domain: i % 2 ? "CLINICAL" : "ECONOMIC", weight: 10 }) as const,
    );
    expect(criteriaProblems(eleven, 110)).toEqual(["A review has at most 10 criteria"]);
  });
  it("asks for both domains", () => {
    expect(criteriaProblems([{ domain: "CLINICAL", weight: 100 }], 100)).toEqual([
      "Add at least one criterion in economic sustainability",
    ]);
    expect(criteriaProblems([], 100)).toEqual(["Add at least one criterion in each domain"]);
  });
  it("reports what is left of the pool", () => {
    expect(weightRemaining(criteria.slice(0, 2), 100)).toBe(50);
    expect(weightRemaining([...criteria, { weight: 5 }], 100)).toBe(-5);
  });
});

describe("domain and overall scores (hand-worked)", () => {
  it("weights and normalises a scorer's scores to 0-100", () => {
    // clinical (20 x 0.8 + 30 x 0.6) / 50 = 0.68; economic 0.4; overall (16 + 18 + 20) / 100
    expect(domainScore(criteria, "CLINICAL", scorerA, scale)).toBeCloseTo(68, 10);
    expect(domainScore(criteria, "ECONOMIC", scorerA, scale)).toBeCloseTo(40, 10);
    expect(weightedScore(criteria, scorerA, scale)).toBeCloseTo(54, 10);
  });
  it("normalises any scale: 3 on 1-5 is half way", () => {
    const one = [{ id: "x", domain: "ECONOMIC", weight: 7 }] as const;
    expect(domainScore(one, "ECONOMIC", new Map([["x", 3]]), { min: 1, max: 5 })).toBe(50);
    expect(domainScore(one, "ECONOMIC", new Map([["x", 1]]), { min: 1, max: 5 })).toBe(0);
  });
  it("is unknown, not zero, while a criterion is unscored", () => {
    expect(domainScore(criteria, "CLINICAL", new Map([["c1", 8]]), scale)).toBeNull();
    expect(domainScore(criteria, "ECONOMIC", new Map([["c1", 8]]), scale)).toBeNull();
    expect(weightedScore([], scorerA, scale)).toBeNull();
  });
  it("shows several scorers' mean and spread", () => {
    const result = lineResult(criteria, [scorerA, scorerB], scale);
    // B: clinical (20 + 6) / 50 = 52, economic 60, overall 56
    expect(result.clinical.mean).toBeCloseTo(60, 10);
    expect(result.clinical.spread).toBeCloseTo(16, 10);
    expect(result.economic.mean).toBeCloseTo(50, 10);
    expect(result.economic.spread).toBeCloseTo(20, 10);
    expect(result.overall.mean).toBeCloseTo(55, 10);
    expect(result.overall.count).toBe(2);
  });
  it("leaves out a scorer who has not finished a domain", () => {
    const partial = new Map([["e1", 10]]);
    const result = lineResult(criteria, [scorerA, partial], scale);
    expect(result.clinical).toEqual({ mean: 68, spread: 0, count: 1 });
    expect(result.economic.mean).toBeCloseTo(70, 10);
    expect(result.economic.count).toBe(2);
  });
  it("has no mean with no scores", () => {
    expect(agreementOf([null, null])).toEqual({ mean: null, spread: null, count: 0 });
  });
});

describe("ranking", () => {
  it("ranks highest first and ties share a rank", () => {
    const ranks = rankByOverall([
      { id: "a", overall: 40 },
      { id: "b", overall: 75 },
      { id: "c", overall: 60 },
      { id: "d", overall: 60 },
      { id: "e", overall: null },
    ]);
    expect([...ranks.entries()].sort()).toEqual([
      ["a", 4],
      ["b", 1],
      ["c", 2],
      ["d", 2],
      ["e", null],
    ]);
  });
});

describe("quadrants", () => {
  const thresholds = { clinical: 50, economic: 50 };
  it("puts a score on the threshold in the high half", () => {
    expect(quadrantOf(50, 50, thresholds)).toBe("HIGH_HIGH");
    expect(quadrantOf(49.9, 50, thresholds)).toBe("LOW_HIGH");
    expect(quadrantOf(80, 20, thresholds)).toBe("HIGH_LOW");
    expect(quadrantOf(10, 10, thresholds)).toBe("LOW_LOW");
  });
  it("uses each review's own thresholds", () => {
    expect(quadrantOf(60, 60, { clinical: 70, economic: 55 })).toBe("LOW_HIGH");
  });
  it("has no quadrant until both domains are scored", () => {
    expect(quadrantOf(null, 50, thresholds)).toBeNull();
  });
  it("suggests the default options and only divest / reposition create schemes", () => {
    expect(DEFAULT_QUADRANT_OPTIONS).toEqual({
      HIGH_HIGH: "INVEST",
      HIGH_LOW: "REPOSITION",
      LOW_HIGH: "MAINTAIN",
      LOW_LOW: "DIVEST",
    });
    expect(["INVEST", "DIVEST", "REPOSITION", "MAINTAIN"].filter((o) => optionCreatesWork(o as never))).toEqual([
      "DIVEST",
      "REPOSITION",
    ]);
  });
  it("formats scores to one decimal place", () => {
    expect(formatScore(67.96)).toBe("68.0");
    expect(formatScore(null)).toBe("–");
  });
});
