import { beforeAll, describe, expect, it } from "vitest";
import { getPortfolioReview } from "@/modules/portfolio/get-portfolio-review";
import {
  addCriterionSchema,
  createSchemeFromDecisionSchema,
  recordDecisionSchema,
  recordScoresSchema,
  reopenReviewSchema,
  reviewVersionSchema,
} from "@/modules/portfolio/portfolio-schemas";
import { createSchemeFromDecision, recordDecision } from "@/modules/portfolio/record-decision";
import { recordScores } from "@/modules/portfolio/record-scores";
import { addCriterion, closeReview, reopenReview, startScoring } from "@/modules/portfolio/review-setup";
import { db } from "@/server/db";
import { createPortfolioWorld, createReviewRow, scoreForm, type PortfolioWorld } from "../factories/portfolio";
import { schemeForm } from "../factories/schemes";
import { auditEventsAfter, lastAuditId, rowCounts, runAction } from "../helpers/db-state";
import { useTestDatabase } from "../helpers/test-database";

/** The review's rules on real PostgreSQL: locking, re-opening, bad input, concurrency, schemes. */

describe("portfolio review rules", () => {
  useTestDatabase();
  let w: PortfolioWorld;
  beforeAll(async () => {
    w = await createPortfolioWorld();
  });

  const scorers = () => [w.actors.finance.userId, w.actors.lead.userId, w.actors.clinician.userId];
  const newReview = (
    status: "SETUP" | "SCORING" | "CLOSED",
    extra: Partial<Parameters<typeof createReviewRow>[0]> = {},
  ) =>
    createReviewRow({
      organisationId: w.trust.id,
      createdById: w.actors.finance.userId,
      status,
      scorerIds: scorers(),
      ...extra,
    });

  /** Runs `attempt` and checks it wrote nothing at all, not even an audit event. */
  async function expectNothingWritten(attempt: () => Promise<unknown>) {
    const counts = await rowCounts();
    const lastId = await lastAuditId();
    const result = await attempt();
    expect(await rowCounts()).toEqual(counts);
    expect(await auditEventsAfter(lastId)).toEqual([]);
    return result;
  }

  describe("criteria and weights", () => {
    it("will not start scoring until the weights spend the pool", async () => {
      const { review } = await newReview("SETUP", {
        criteria: [
          { domain: "CLINICAL", weight: 40 },
          { domain: "ECONOMIC", weight: 50 },
        ],
      });
      const result = await expectNothingWritten(() =>
        runAction(reviewVersionSchema, startScoring, w.actors.finance, { reviewId: review.id, version: "1" }),
      );
      expect(result).toMatchObject({
        ok: false,
        code: "CONFLICT",
        fieldErrors: { criteria: ["The weights add up to 90; they must add up to the pool of 100"] },
      });
      expect(await db().portfolioReview.findUniqueOrThrow({ where: { id: review.id } })).toMatchObject({
        status: "SETUP",
        version: 1,
      });
    });

    it("refuses an 11th criterion and a weight beyond what is left of the pool", async () => {
      const ten = Array.from(
        { length: 10 },
        (_, i) => ({ domain: i < 5 ? "CLINICAL" : "ECONOMIC", weight: 10 }) as const,
      );
      const { review } = await newReview("SETUP", { criteria: ten });
      const eleventh = {
        reviewId: review.id,
        version: "1",
        domain: "ECONOMIC",
        name: "Commissioning intentions",
        weight: "5",
      };
      expect(
        await expectNothingWritten(() => runAction(addCriterionSchema, addCriterion, w.actors.finance, eleventh)),
      ).toMatchObject({
        ok: false,
        code: "CONFLICT",
        fieldErrors: { name: ["A review has at most 10 criteria"] },
      });

      const { review: partly } = await newReview("SETUP", { criteria: [{ domain: "CLINICAL", weight: 70 }] });
      const tooHeavy = { ...eleventh, reviewId: partly.id, weight: "31" };
      expect(
        await expectNothingWritten(() => runAction(addCriterionSchema, addCriterion, w.actors.finance, tooHeavy)),
      ).toMatchObject({
        ok: false,
        code: "INVALID",
        fieldErrors: { weight: ["Only 30 of the pool of 100 points is left to allocate"] },
      });
    });

    it("fails a stale form instead of overwriting a colleague's change", async () => {
      const { review } = await newReview("SETUP", { criteria: [{ domain: "CLINICAL", weight: 50 }] });
      const add = (name: string) => ({ reviewId: review.id, version: "1", domain: "ECONOMIC", name, weight: "10" });
      expect(
        await runAction(addCriterionSchema, addCriterion, w.actors.finance, add("Growth potential")),
      ).toMatchObject({
        ok: true,
      });
      expect(
        await runAction(addCriterionSchema, addCriterion, w.actors.icbFinance, add("Financial performance")),
      ).toMatchObject({
        ok: false,
        code: "STALE",
      });
    });
  });

  describe("locking and re-opening", () => {
    it("locks the criteria while scoring and re-opens them only with a recorded reason", async () => {
      const { review, lines, criteria } = await newReview("SETUP");
      expect(
        await runAction(reviewVersionSchema, startScoring, w.actors.finance, { reviewId: review.id, version: "1" }),
      ).toMatchObject({
        ok: true,
      });
      const score = scoreForm(
        review.id,
        lines[0]!.id,
        criteria.map((c) => ({ criterionId: c.id, score: 7 })),
      );
      expect(await runAction(recordScoresSchema, recordScores, w.actors.lead, score)).toMatchObject({ ok: true });

      const locked = { reviewId: review.id, version: "2", domain: "ECONOMIC", name: "Growth potential", weight: "5" };
      expect(
        await expectNothingWritten(() => runAction(addCriterionSchema, addCriterion, w.actors.finance, locked)),
      ).toMatchObject({
        ok: false,
        code: "CONFLICT",
        message: expect.stringContaining("criteria are locked"),
      });

      const noReason = await runAction(reopenReviewSchema, reopenReview, w.actors.finance, {
        reviewId: review.id,
        version: "2",
        reason: "",
      });
      expect(noReason).toMatchObject({
        ok: false,
        fieldErrors: { reason: ["Enter the reason for re-opening the criteria"] },
      });

      const reason = "The economic criteria double-counted the tariff change";
      expect(
        await runAction(reopenReviewSchema, reopenReview, w.actors.finance, {
          reviewId: review.id,
          version: "2",
          reason,
        }),
      ).toMatchObject({
        ok: true,
      });
      const reopened = await db().portfolioReview.findUniqueOrThrow({
        where: { id: review.id },
        include: { reopenings: true, scores: true },
      });
      expect(reopened.status).toBe("SETUP");
      expect(reopened.reopenings).toMatchObject([{ reason, reopenedById: w.actors.finance.userId }]);
      expect(reopened.scores).toHaveLength(3); // scores stay; the scorers see the criteria changed

      // Scoring is closed while the criteria are open again.
      expect(await runAction(recordScoresSchema, recordScores, w.actors.lead, score)).toMatchObject({
        ok: false,
        code: "CONFLICT",
        message: expect.stringContaining("scoring has not started"),
      });
    });

    it("refuses scores on a closed review and after closing", async () => {
      const { review, lines, criteria } = await newReview("SCORING");
      expect(
        await runAction(reviewVersionSchema, closeReview, w.actors.finance, { reviewId: review.id, version: "1" }),
      ).toMatchObject({
        ok: true,
      });
      const score = scoreForm(review.id, lines[0]!.id, [{ criterionId: criteria[0]!.id, score: 5 }]);
      expect(
        await expectNothingWritten(() => runAction(recordScoresSchema, recordScores, w.actors.lead, score)),
      ).toMatchObject({
        ok: false,
        code: "CONFLICT",
        message: expect.stringContaining("closed"),
      });
    });
  });

  describe("scores", () => {
    it("refuses a score outside the review's scale, naming the field, and writes none of the form", async () => {
      const { review, lines, criteria } = await newReview("SCORING");
      const form = scoreForm(review.id, lines[0]!.id, [
        { criterionId: criteria[0]!.id, score: 6 },
        { criterionId: criteria[1]!.id, score: 11 },
        { criterionId: criteria[2]!.id, score: "seven" },
      ]);
      const result = await expectNothingWritten(() => runAction(recordScoresSchema, recordScores, w.actors.lead, form));
      expect(result).toMatchObject({
        ok: false,
        fieldErrors: { [`score:${criteria[2]!.id}`]: ["Enter the score as a whole number"] },
      });
      const inRange = { ...form, [`score:${criteria[2]!.id}`]: "7" };
      expect(
        await expectNothingWritten(() => runAction(recordScoresSchema, recordScores, w.actors.lead, inRange)),
      ).toMatchObject({
        ok: false,
        code: "INVALID",
        fieldErrors: { [`score:${criteria[1]!.id}`]: ["Enter a score from 0 to 10"] },
      });
    });

    it("lets one of two simultaneous first scores win and fails the other as stale", async () => {
      const { review, lines, criteria } = await newReview("SCORING");
      const form = (score: number) =>
        scoreForm(
          review.id,
          lines[0]!.id,
          criteria.map((c) => ({ criterionId: c.id, score })),
        );
      const results = await Promise.all([
        runAction(recordScoresSchema, recordScores, w.actors.clinician, form(3)),
        runAction(recordScoresSchema, recordScores, w.actors.clinician, form(9)),
      ]);
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(results.filter((r) => !r.ok)).toMatchObject([{ code: "STALE" }]);
      const stored = await db().portfolioScore.findMany({ where: { reviewId: review.id } });
      expect(new Set(stored.map((s) => s.score)).size).toBe(1); // one form's scores, never a mix

      // Editing with the loaded versions works; replaying the old versions is stale.
      const update = scoreForm(
        review.id,
        lines[0]!.id,
        stored.map((s) => ({ criterionId: s.criterionId, score: 5, version: s.version })),
      );
      expect(await runAction(recordScoresSchema, recordScores, w.actors.clinician, update)).toMatchObject({ ok: true });
      expect(await runAction(recordScoresSchema, recordScores, w.actors.clinician, update)).toMatchObject({
        ok: false,
        code: "STALE",
      });
    });

    it("shows each scorer, the mean and the spread, the rank and the quadrant (hand-worked)", async () => {
      const { review, lines, criteria } = await newReview("SCORING", { lines: 2 });
      const [c1, c2, e1] = criteria as [(typeof criteria)[0], (typeof criteria)[0], (typeof criteria)[0]];
      const [strong, weak] = lines as [(typeof lines)[0], (typeof lines)[0]];
      // strong: lead (8, 6, 4) -> clinical (30x.8 + 20x.6)/50 = 72, economic 40; clinician (10, 2, 6) -> 68, 60
      await runAction(
        recordScoresSchema,
        recordScores,
        w.actors.lead,
        scoreForm(review.id, strong.id, [
          { criterionId: c1.id, score: 8 },
          { criterionId: c2.id, score: 6 },
          { criterionId: e1.id, score: 4 },
        ]),
      );
      await runAction(
        recordScoresSchema,
        recordScores,
        w.actors.clinician,
        scoreForm(review.id, strong.id, [
          { criterionId: c1.id, score: 10 },
          { criterionId: c2.id, score: 2 },
          { criterionId: e1.id, score: 6 },
        ]),
      );
      // weak: lead (2, 2, 1) -> 20, 10
      await runAction(
        recordScoresSchema,
        recordScores,
        w.actors.lead,
        scoreForm(review.id, weak.id, [
          { criterionId: c1.id, score: 2 },
          { criterionId: c2.id, score: 2 },
          { criterionId: e1.id, score: 1 },
        ]),
      );
      const view = await getPortfolioReview(w.actors.board, review.id);
      const [first, second] = view.lines;
      expect(first!.id).toBe(strong.id);
      expect(first!.rank).toBe(1);
      expect(first!.result.clinical.mean).toBeCloseTo(70, 10);
      expect(first!.result.clinical.spread).toBeCloseTo(4, 10);
      expect(first!.result.economic.mean).toBeCloseTo(50, 10);
      expect(first!.result.economic.spread).toBeCloseTo(20, 10);
      expect(first!.quadrant).toBe("HIGH_HIGH");
      expect(first!.suggested).toBe("INVEST");
      expect(first!.scores.get(c1.id)?.get(w.actors.clinician.userId)?.score).toBe(10);
      expect(second).toMatchObject({ id: weak.id, rank: 2, quadrant: "LOW_LOW", suggested: "DIVEST" });
      expect(view.canManage).toBe(false); // the board member reads
    });
  });

  describe("decisions", () => {
    it("turns a divest decision into one linked CIP scheme, counted as arising from the review", async () => {
      const { review, lines } = await newReview("SCORING");
      const decided = await runAction(recordDecisionSchema, recordDecision, w.actors.finance, {
        reviewId: review.id,
        serviceLineId: lines[0]!.id,
        option: "DIVEST",
        rationale: "Low clinical and economic sustainability; move to the ICS network",
        version: "0",
      });
      expect(decided).toMatchObject({ ok: true });
      if (!decided.ok) return;
      const form = schemeForm(w.trust.id, {
        financialYear: "2026/27",
        inYearValue: "£250,000",
        decisionId: decided.data.id,
        decisionVersion: String(decided.data.version),
      });
      const created = await runAction(createSchemeFromDecisionSchema, createSchemeFromDecision, w.actors.finance, form);
      expect(created).toMatchObject({ ok: true });
      if (!created.ok) return;
      const decision = await db().portfolioDecision.findUniqueOrThrow({ where: { id: decided.data.id } });
      expect(decision.schemeId).toBe(created.data.id);

      const again = await expectNothingWritten(() =>
        runAction(createSchemeFromDecisionSchema, createSchemeFromDecision, w.actors.finance, form),
      );
      expect(again).toMatchObject({ ok: false, code: "STALE" });

      const view = await getPortfolioReview(w.actors.board, review.id);
      expect(view.arising).toEqual({ count: 1, identifiedPence: 25_000_000n });
      expect(view.lines[0]!.decision?.scheme?.code).toBe(created.data.code);
    });

    it("does not make a scheme of a maintain decision, nor let a lead create one", async () => {
      const { review, lines } = await newReview("SCORING");
      const decided = await runAction(recordDecisionSchema, recordDecision, w.actors.finance, {
        reviewId: review.id,
        serviceLineId: lines[0]!.id,
        option: "MAINTAIN",
        rationale: "Sustainable; keep under the usual budget review",
        version: "0",
      });
      if (!decided.ok) throw new Error(decided.message);
      const form = schemeForm(w.trust.id, {
        financialYear: "2026/27",
        decisionId: decided.data.id,
        decisionVersion: "1",
      });
      expect(
        await expectNothingWritten(() =>
          runAction(createSchemeFromDecisionSchema, createSchemeFromDecision, w.actors.finance, form),
        ),
      ).toMatchObject({ ok: false, code: "CONFLICT" });
      expect(
        await expectNothingWritten(() =>
          runAction(createSchemeFromDecisionSchema, createSchemeFromDecision, w.actors.lead, form),
        ),
      ).toMatchObject({ ok: false, code: "FORBIDDEN" });
    });
  });
});
