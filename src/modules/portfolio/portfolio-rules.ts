/**
 * Service-line portfolio review: the arithmetic of Lancashire Teaching Hospitals' method
 * (financial strategy, appendix B; ../shared/reference/lth_other.json). Plain functions, no
 * React and no Prisma, so every rule is unit-tested with hand-worked numbers.
 *
 * - Criteria sit in two domains (clinical and economic sustainability) with weights drawn
 *   from a pool of points (default 100) that must be spent exactly; at most 10 criteria
 *   ("the critical few").
 * - A scorer's domain score = sum(weight x normalised score) / sum(weights in the domain) x 100,
 *   where normalised score = (score - scale min) / (scale max - scale min): 0-100 whatever the
 *   scale. Unscored criteria make the domain score unknown (null), never a silent zero.
 * - Several scorers: the line's score is the mean of the scorers who scored every criterion of
 *   the domain, and the spread (highest minus lowest) shows disagreement.
 * - Overall = the pool-weighted mean of all criteria, i.e. the two domains in proportion to
 *   their share of the pool; ranking is by overall, ties share a rank (1, 2, 2, 4).
 * - Quadrant: a score at or above the threshold is "high". The paper gives the matrix but not
 *   which corner means what; our default suggestion (editable per review) is
 *   high/high Invest or Grow, high clinical / low economic Reposition, low clinical / high
 *   economic Maintain, low/low Divest or Shrink.
 */

export const DOMAINS = ["CLINICAL", "ECONOMIC"] as const;
export type Domain = (typeof DOMAINS)[number];

export const PORTFOLIO_OPTIONS = ["INVEST", "DIVEST", "REPOSITION", "MAINTAIN"] as const;
export type PortfolioOption = (typeof PORTFOLIO_OPTIONS)[number];

export const OPTION_LABELS: Record<PortfolioOption, string> = {
  INVEST: "Invest or grow",
  DIVEST: "Divest or shrink",
  REPOSITION: "Reposition",
  MAINTAIN: "Maintain",
};

export const DEFAULT_DOMAIN_NAMES: Record<Domain, string> = {
  CLINICAL: "Clinical sustainability",
  ECONOMIC: "Economic sustainability",
};

export const MAX_CRITERIA = 10;

export type Quadrant = "HIGH_HIGH" | "HIGH_LOW" | "LOW_HIGH" | "LOW_LOW";
/** Quadrant named clinical first: HIGH_LOW = high clinical, low economic. */
export const DEFAULT_QUADRANT_OPTIONS: Record<Quadrant, PortfolioOption> = {
  HIGH_HIGH: "INVEST",
  HIGH_LOW: "REPOSITION",
  LOW_HIGH: "MAINTAIN",
  LOW_LOW: "DIVEST",
};

export const QUADRANT_LABELS: Record<Quadrant, string> = {
  HIGH_HIGH: "High clinical, high economic",
  HIGH_LOW: "High clinical, low economic",
  LOW_HIGH: "Low clinical, high economic",
  LOW_LOW: "Low clinical, low economic",
};

export interface Criterion {
  id: string;
  domain: Domain;
  weight: number;
}

export interface Scale {
  min: number;
  max: number;
}

/** What stops scoring from starting: the weights must spend the pool, both domains used, <= 10. */
export function criteriaProblems(criteria: readonly Pick<Criterion, "domain" | "weight">[], pool: number): string[] {
  const problems: string[] = [];
  if (criteria.length === 0) return ["Add at least one criterion in each domain"];
  if (criteria.length > MAX_CRITERIA) problems.push(`A review has at most ${MAX_CRITERIA} criteria`);
  const total = criteria.reduce((sum, c) => sum + c.weight, 0);
  if (total !== pool) problems.push(`The weights add up to ${total}; they must add up to the pool of ${pool}`);
  for (const domain of DOMAINS) {
    if (!criteria.some((c) => c.domain === domain)) {
      problems.push(`Add at least one criterion in ${DEFAULT_DOMAIN_NAMES[domain].toLowerCase()}`);
    }
  }
  return problems;
}

/** Weight still unallocated from the pool (negative when over-spent). */
export function weightRemaining(criteria: readonly Pick<Criterion, "weight">[], pool: number): number {
  return pool - criteria.reduce((sum, c) => sum + c.weight, 0);
}

/** One scorer's weighted score, 0-100, over the given criteria; null if any is unscored. */
export function weightedScore(
  criteria: readonly Criterion[],
  scores: ReadonlyMap<string, number>,
  scale: Scale,
): number | null {
  if (criteria.length === 0 || scale.max <= scale.min) return null;
  let weighted = 0;
  let possible = 0;
  for (const criterion of criteria) {
    const score = scores.get(criterion.id);
    if (score === undefined) return null;
    weighted += criterion.weight * ((score - scale.min) / (scale.max - scale.min));
    possible += criterion.weight;
  }
  return possible === 0 ? null : (weighted / possible) * 100;
}

export function domainScore(
  criteria: readonly Criterion[],
  domain: Domain,
  scores: ReadonlyMap<string, number>,
  scale: Scale,
): number | null {
  return weightedScore(
    criteria.filter((c) => c.domain === domain),
    scores,
    scale,
  );
}

export interface Agreement {
  mean: number | null;
  /** Highest minus lowest; 0 with one scorer; null with none. */
  spread: number | null;
  count: number;
}

export function agreementOf(values: readonly (number | null)[]): Agreement {
  const known = values.filter((v): v is number => v !== null);
  if (known.length === 0) return { mean: null, spread: null, count: 0 };
  const mean = known.reduce((s, v) => s + v, 0) / known.length;
  return { mean, spread: Math.max(...known) - Math.min(...known), count: known.length };
}

export interface LineResult {
  clinical: Agreement;
  economic: Agreement;
  overall: Agreement;
}

/** A service line's results from each scorer's scores (criterionId -> score) on it. */
export function lineResult(
  criteria: readonly Criterion[],
  scoresByScorer: readonly ReadonlyMap<string, number>[],
  scale: Scale,
): LineResult {
  return {
    clinical: agreementOf(scoresByScorer.map((s) => domainScore(criteria, "CLINICAL", s, scale))),
    economic: agreementOf(scoresByScorer.map((s) => domainScore(criteria, "ECONOMIC", s, scale))),
    overall: agreementOf(scoresByScorer.map((s) => weightedScore(criteria, s, scale))),
  };
}

/** Competition ranking by overall score, highest first (1, 2, 2, 4); unscored lines get null. */
export function rankByOverall<T extends { id: string; overall: number | null }>(
  lines: readonly T[],
): Map<string, number | null> {
  const ranks = new Map<string, number | null>();
  const scored = lines.filter((l) => l.overall !== null).sort((a, b) => b.overall! - a.overall!);
  scored.forEach((line, index) => {
    const previous = scored[index - 1];
    ranks.set(line.id, previous && previous.overall === line.overall ? ranks.get(previous.id)! : index + 1);
  });
  for (const line of lines) if (line.overall === null) ranks.set(line.id, null);
  return ranks;
}

export function quadrantOf(
  clinical: number | null,
  economic: number | null,
  thresholds: { clinical: number; economic: number },
): Quadrant | null {
  if (clinical === null || economic === null) return null;
  const c = clinical >= thresholds.clinical ? "HIGH" : "LOW";
  const e = economic >= thresholds.economic ? "HIGH" : "LOW";
  return `${c}_${e}` as Quadrant;
}

/** Decisions that release or change resources, and so can become a CIP scheme. */
export function optionCreatesWork(option: PortfolioOption): boolean {
  return option === "DIVEST" || option === "REPOSITION";
}

/** "72.5" for a score, "–" when unknown. */
export function formatScore(score: number | null): string {
  return score === null ? "–" : (Math.round(score * 10) / 10).toFixed(1);
}
