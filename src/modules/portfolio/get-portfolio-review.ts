import type { Actor } from "@/server/auth/actor";
import { db } from "@/server/db";
import { notFound } from "@/server/errors";
import { canManagePortfolio, portfolioScope } from "./portfolio-access";
import {
  lineResult,
  quadrantOf,
  rankByOverall,
  type Criterion,
  type LineResult,
  type PortfolioOption,
  type Quadrant,
} from "./portfolio-rules";

/** Schemes that are not identified savings (DESIGN.md: rejected and withdrawn). */
const NOT_IDENTIFIED = ["REJECTED", "WITHDRAWN"] as const;

export interface ReviewLineView {
  id: string;
  name: string;
  level: "MESO" | "MICRO";
  parentName: string | null;
  size: { budgetPence: bigint | null; patients: number | null; staffWte: number | null };
  /** criterionId -> scorerId -> score and rationale */
  scores: Map<string, Map<string, { score: number; rationale: string | null; version: number }>>;
  result: LineResult;
  rank: number | null;
  quadrant: Quadrant | null;
  suggested: PortfolioOption | null;
  decision: {
    id: string;
    option: PortfolioOption;
    rationale: string;
    decidedBy: string;
    decidedAt: Date;
    version: number;
    scheme: { id: string; code: string; title: string; inYearValuePence: bigint; stage: string } | null;
  } | null;
}

/** Everything the review page shows, computed from the stored scores by portfolio-rules. */
export async function getPortfolioReview(actor: Actor, reviewId: string) {
  const review = await db().portfolioReview.findFirst({
    where: { id: reviewId, ...portfolioScope(actor) },
    include: {
      organisation: { select: { id: true, name: true, code: true } },
      criteria: { orderBy: { position: "asc" } },
      scorers: { include: { user: { select: { id: true, name: true, jobTitle: true } } } },
      lines: {
        include: {
          serviceLine: { include: { parent: { select: { name: true } }, sizes: true } },
        },
      },
      scores: true,
      decisions: {
        include: {
          decidedBy: { select: { name: true } },
          scheme: { select: { id: true, code: true, title: true, inYearValuePence: true, stage: true } },
        },
      },
      reopenings: { orderBy: { reopenedAt: "desc" }, include: { reopenedBy: { select: { name: true } } } },
    },
  });
  if (!review) throw notFound("The portfolio review");

  const criteria: Criterion[] = review.criteria.map((c) => ({ id: c.id, domain: c.domain, weight: c.weight }));
  const scale = { min: review.scaleMin, max: review.scaleMax };
  const thresholds = { clinical: review.clinicalThreshold, economic: review.economicThreshold };
  const options: Record<Quadrant, PortfolioOption> = {
    HIGH_HIGH: review.optionHighHigh,
    HIGH_LOW: review.optionHighLow,
    LOW_HIGH: review.optionLowHigh,
    LOW_LOW: review.optionLowLow,
  };
  const scorerIds = review.scorers.map((s) => s.userId);

  const lines = review.lines
    .map(({ serviceLine }) => {
      const mine = review.scores.filter((s) => s.serviceLineId === serviceLine.id);
      const scores = new Map<string, Map<string, { score: number; rationale: string | null; version: number }>>();
      for (const s of mine) {
        if (!scores.has(s.criterionId)) scores.set(s.criterionId, new Map());
        scores.get(s.criterionId)!.set(s.scorerId, { score: s.score, rationale: s.rationale, version: s.version });
      }
      const byScorer = scorerIds.map(
        (scorerId) => new Map(mine.filter((s) => s.scorerId === scorerId).map((s) => [s.criterionId, s.score])),
      );
      const result = lineResult(criteria, byScorer, scale);
      const size = serviceLine.sizes.find((z) => z.financialYear === review.cohortYear);
      const quadrant = quadrantOf(result.clinical.mean, result.economic.mean, thresholds);
      const decision = review.decisions.find((d) => d.serviceLineId === serviceLine.id);
      return {
        id: serviceLine.id,
        name: serviceLine.name,
        level: serviceLine.level,
        parentName: serviceLine.parent?.name ?? null,
        size: {
          budgetPence: size?.budgetPence ?? null,
          patients: size?.patients ?? null,
          staffWte: size?.staffWte ? Number(size.staffWte) : null,
        },
        scores,
        result,
        rank: null as number | null,
        quadrant,
        suggested: quadrant ? options[quadrant] : null,
        decision: decision
          ? {
              id: decision.id,
              option: decision.option,
              rationale: decision.rationale,
              decidedBy: decision.decidedBy.name,
              decidedAt: decision.decidedAt,
              version: decision.version,
              scheme: decision.scheme,
            }
          : null,
      } satisfies ReviewLineView;
    })
    .sort((a, b) => a.name.localeCompare(b.name));
  const ranks = rankByOverall(lines.map((l) => ({ id: l.id, overall: l.result.overall.mean })));
  for (const line of lines) line.rank = ranks.get(line.id) ?? null;
  lines.sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || a.name.localeCompare(b.name));

  const arising = review.decisions.flatMap((d) => (d.scheme ? [d.scheme] : []));
  const identifiedPence = arising
    .filter((s) => !(NOT_IDENTIFIED as readonly string[]).includes(s.stage))
    .reduce((sum, s) => sum + s.inYearValuePence, 0n);

  return {
    review,
    criteria: review.criteria,
    scorers: review.scorers.map((s) => s.user),
    lines,
    options,
    arising: { count: arising.length, identifiedPence },
    reopenings: review.reopenings,
    canManage: canManagePortfolio(actor, review.organisationId),
    isScorer: scorerIds.includes(actor.userId),
  };
}
export type PortfolioReviewView = Awaited<ReturnType<typeof getPortfolioReview>>;
