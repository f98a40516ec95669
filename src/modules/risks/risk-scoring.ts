/**
 * The NHS 5x5 risk matrix (NPSA, "A risk matrix for risk managers", 2008): score = likelihood x
 * consequence. Trusts adapt the bands, so bands are configuration; the defaults follow NPSA.
 */

/** 1 to 5, used for both likelihood and consequence. */
export type RiskRating = 1 | 2 | 3 | 4 | 5;
export type Likelihood = RiskRating;
export type Consequence = RiskRating;
export type RiskRatingPair = { likelihood: number; consequence: number };

export type RiskBand = {
  key: string;
  label: string;
  /** Lowest score in the band, inclusive. */
  min: number;
  /** Highest score in the band, inclusive. */
  max: number;
  /** Background colour, "#rrggbb". */
  colour: string;
  /** Text colour that meets WCAG AA (4.5:1) on `colour`. */
  textColour: string;
};

export const LIKELIHOOD_LABELS: Readonly<Record<Likelihood, string>> = {
  1: "Rare",
  2: "Unlikely",
  3: "Possible",
  4: "Likely",
  5: "Almost certain",
};

export const CONSEQUENCE_LABELS: Readonly<Record<Consequence, string>> = {
  1: "Negligible",
  2: "Minor",
  3: "Moderate",
  4: "Major",
  5: "Catastrophic",
};

// NHS identity palette; each pair is checked for 4.5:1 contrast in the tests.
export const DEFAULT_RISK_BANDS: readonly RiskBand[] = [
  { key: "low", label: "Low", min: 1, max: 3, colour: "#007f3b", textColour: "#ffffff" },
  { key: "moderate", label: "Moderate", min: 4, max: 6, colour: "#ffeb3b", textColour: "#212b32" },
  { key: "high", label: "High", min: 8, max: 12, colour: "#ed8b00", textColour: "#212b32" },
  { key: "extreme", label: "Extreme", min: 15, max: 25, colour: "#d5281b", textColour: "#ffffff" },
];

const RATINGS: readonly RiskRating[] = [1, 2, 3, 4, 5];

/** The 14 distinct scores a 5x5 matrix can produce, ascending (7, 11, 13, 14, 17… cannot occur). */
export const POSSIBLE_SCORES: readonly number[] = [...new Set(RATINGS.flatMap((l) => RATINGS.map((c) => l * c)))].sort(
  (a, b) => a - b,
);

export function isRiskRating(value: unknown): value is RiskRating {
  return Number.isInteger(value) && (value as number) >= 1 && (value as number) <= 5;
}

/** Likelihood x consequence; throws a RangeError unless both are whole numbers from 1 to 5. */
export function riskScore(likelihood: number, consequence: number): number {
  if (!isRiskRating(likelihood)) {
    throw new RangeError(`Likelihood must be a whole number from 1 (rare) to 5 (almost certain); got ${likelihood}.`);
  }
  if (!isRiskRating(consequence)) {
    throw new RangeError(
      `Consequence must be a whole number from 1 (negligible) to 5 (catastrophic); got ${consequence}.`,
    );
  }
  return likelihood * consequence;
}

/**
 * The band a score falls in. Throws a RangeError if the score cannot come from the matrix (such
 * as 7) or if no band holds it, which means the bands are misconfigured (see {@link validateRiskBands}).
 */
export function riskBand(score: number, bands: readonly RiskBand[] = DEFAULT_RISK_BANDS): RiskBand {
  if (!POSSIBLE_SCORES.includes(score)) {
    throw new RangeError(`${score} is not a possible risk score; scores are likelihood x consequence, from 1 to 25.`);
  }
  const band = bands.find((b) => b.min <= score && score <= b.max);
  if (!band) throw new RangeError(`No risk band covers score ${score}; check the risk band settings.`);
  return band;
}

/** Score and band together, for a risk's inherent, current or target rating. */
export function assessRisk(
  likelihood: number,
  consequence: number,
  bands: readonly RiskBand[] = DEFAULT_RISK_BANDS,
): { score: number; band: RiskBand } {
  const score = riskScore(likelihood, consequence);
  return { score, band: riskBand(score, bands) };
}

/**
 * Problems with a band configuration, empty when it is usable: bands must be in ascending order,
 * must not overlap, and together must cover each of the 14 possible scores exactly once.
 */
export function validateRiskBands(bands: readonly RiskBand[]): string[] {
  const problems: string[] = [];
  if (bands.length === 0) return ["Add at least one risk band."];

  const keys = new Set<string>();
  bands.forEach((band, i) => {
    const name = `Band ${i + 1} (${band.label || band.key || "unnamed"})`;
    if (!band.key.trim()) problems.push(`${name} needs a key.`);
    if (keys.has(band.key)) problems.push(`${name} repeats the key "${band.key}".`);
    keys.add(band.key);
    if (!band.label.trim()) problems.push(`${name} needs a label.`);
    if (!Number.isInteger(band.min) || !Number.isInteger(band.max) || band.min < 1 || band.max > 25) {
      problems.push(`${name} must have whole-number limits between 1 and 25.`);
    } else if (band.min > band.max) {
      problems.push(`${name} starts at ${band.min}, after its end ${band.max}.`);
    } else if (!POSSIBLE_SCORES.some((s) => band.min <= s && s <= band.max)) {
      problems.push(`${name} (${band.min}–${band.max}) contains no possible score.`);
    }
    for (const [field, value] of [
      ["colour", band.colour],
      ["text colour", band.textColour],
    ] as const) {
      if (!/^#[0-9a-f]{6}$/i.test(value)) problems.push(`${name} ${field} must be a hex colour like #d5281b.`);
    }
    const previous = bands[i - 1];
    if (previous && band.min <= previous.max) {
      problems.push(
        band.min < previous.min
          ? `${name} is out of order: list bands from lowest to highest score.`
          : `${name} overlaps the band before it (${previous.min}–${previous.max}).`,
      );
    }
  });

  const counts = POSSIBLE_SCORES.map((s) => ({ s, n: bands.filter((b) => b.min <= s && s <= b.max).length }));
  const uncovered = counts.filter((c) => c.n === 0).map((c) => c.s);
  const repeated = counts.filter((c) => c.n > 1).map((c) => c.s);
  if (uncovered.length)
    problems.push(`No band covers score${uncovered.length > 1 ? "s" : ""} ${uncovered.join(", ")}.`);
  if (repeated.length)
    problems.push(`More than one band covers score${repeated.length > 1 ? "s" : ""} ${repeated.join(", ")}.`);
  return problems;
}

/** True when the target rating scores higher (worse) than the current one; a target should not. */
export function isTargetWorseThan(target: RiskRatingPair, current: RiskRatingPair): boolean {
  return riskScore(target.likelihood, target.consequence) > riskScore(current.likelihood, current.consequence);
}
