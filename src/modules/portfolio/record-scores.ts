import type { Actor } from "@/server/auth/actor";
import { db } from "@/server/db";
import { DomainError, forbidden, isUniqueViolation, notFound, stale } from "@/server/errors";
import { portfolioScope, wrongStatus, auditReview } from "./portfolio-access";
import type { RecordScoresInput } from "./portfolio-schemas";

/**
 * A named scorer's scores for one service line, all or nothing. Each score carries the version
 * the form loaded, so two browsers of the same scorer cannot overwrite each other unseen; the
 * review row is read FOR SHARE so a re-opening or closing waits for (or blocks) this write.
 */
export async function recordScores(actor: Actor, input: RecordScoresInput) {
  try {
    return await writeScores(actor, input);
  } catch (error) {
    // Two first scores for the same criterion at once: the second is a stale form.
    if (isUniqueViolation(error)) throw stale("Your score");
    throw error;
  }
}

async function writeScores(actor: Actor, input: RecordScoresInput) {
  return db().$transaction(async (tx) => {
    const review = await tx.portfolioReview.findFirst({ where: { id: input.reviewId, ...portfolioScope(actor) } });
    if (!review) throw notFound("The portfolio review");
    const [locked] = await tx.$queryRaw<{ status: typeof review.status }[]>`
      SELECT status FROM portfolio_review WHERE id = ${review.id}::uuid FOR SHARE`;
    const named = await tx.portfolioScorer.findUnique({
      where: { reviewId_userId: { reviewId: review.id, userId: actor.userId } },
    });
    if (!named) throw forbidden("Only the scorers this review names can score it.");
    if (locked!.status !== "SCORING") {
      throw wrongStatus(
        locked!.status,
        review.status === "SETUP" ? "scoring has not started." : "scores can no longer change.",
      );
    }
    const onReview = await tx.portfolioReviewLine.findUnique({
      where: { reviewId_serviceLineId: { reviewId: review.id, serviceLineId: input.serviceLineId } },
    });
    if (!onReview) throw notFound("The service line on this review");
    const criteria = new Map(
      (await tx.portfolioCriterion.findMany({ where: { reviewId: review.id } })).map((c) => [c.id, c]),
    );
    const fieldErrors: Record<string, string[]> = {};
    for (const entry of input.entries) {
      if (!criteria.has(entry.criterionId)) fieldErrors[`score:${entry.criterionId}`] = ["Unknown criterion"];
      else if (entry.score !== null && (entry.score < review.scaleMin || entry.score > review.scaleMax)) {
        fieldErrors[`score:${entry.criterionId}`] = [`Enter a score from ${review.scaleMin} to ${review.scaleMax}`];
      }
    }
    if (Object.keys(fieldErrors).length > 0)
      throw new DomainError("INVALID", "Some scores need correcting.", fieldErrors);

    const before = await tx.portfolioScore.findMany({
      where: { reviewId: review.id, serviceLineId: input.serviceLineId, scorerId: actor.userId },
    });
    const current = new Map(before.map((s) => [s.criterionId, s]));
    let changed = 0;
    for (const entry of input.entries) {
      const existing = current.get(entry.criterionId);
      if ((existing?.version ?? 0) !== entry.version) throw stale("Your score");
      if (entry.score === null) {
        if (existing) {
          await tx.portfolioScore.delete({ where: { id: existing.id } });
          changed++;
        }
        continue;
      }
      if (existing) {
        if (existing.score === entry.score && (existing.rationale ?? undefined) === entry.rationale) continue;
        const { count } = await tx.portfolioScore.updateMany({
          where: { id: existing.id, version: entry.version },
          data: { score: entry.score, rationale: entry.rationale ?? null, version: { increment: 1 } },
        });
        if (count === 0) throw stale("Your score");
      } else {
        await tx.portfolioScore.create({
          data: {
            reviewId: review.id,
            criterionId: entry.criterionId,
            serviceLineId: input.serviceLineId,
            scorerId: actor.userId,
            score: entry.score,
            rationale: entry.rationale ?? null,
          },
        });
      }
      changed++;
    }
    const after = await tx.portfolioScore.findMany({
      where: { reviewId: review.id, serviceLineId: input.serviceLineId, scorerId: actor.userId },
    });
    await auditReview(tx, actor, review, "portfolio.score", { before, after });
    return { reviewId: review.id, changed };
  });
}
