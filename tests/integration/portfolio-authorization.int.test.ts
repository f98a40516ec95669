import { beforeAll, describe, it } from "vitest";
import type { z } from "zod";
import {
  addCriterionSchema,
  createReviewSchema,
  createServiceLineSchema,
  recordDecisionSchema,
  recordScoresSchema,
  reopenReviewSchema,
  reviewVersionSchema,
  setReviewMembersSchema,
  setServiceLineSizeSchema,
} from "@/modules/portfolio/portfolio-schemas";
import { recordDecision } from "@/modules/portfolio/record-decision";
import { recordScores } from "@/modules/portfolio/record-scores";
import {
  addCriterion,
  closeReview,
  createReview,
  reopenReview,
  setReviewMembers,
  startScoring,
} from "@/modules/portfolio/review-setup";
import { createServiceLine, setServiceLineSize } from "@/modules/portfolio/service-line-writes";
import type { Actor } from "@/server/auth/actor";
import { db } from "@/server/db";
import { uniqueToken } from "../factories";
import {
  createPortfolioWorld,
  createReviewRow,
  createServiceLineRow,
  scoreForm,
  type PortfolioActorKey,
  type PortfolioWorld,
} from "../factories/portfolio";
import { checkWriteCell, type CellOutcome, type CellSpec } from "../helpers/authorization-matrix";
import { runAction } from "../helpers/db-state";
import { useTestDatabase } from "../helpers/test-database";

/**
 * Who may change a portfolio review: finance / PMO of the organisation (and the ICB's finance
 * team system-wide); leads, clinicians, board members and administrators never; another
 * trust's finance team does not even see it. Scores come only from the scorers the review
 * names, whatever their role.
 */

describe("portfolio authorization", () => {
  useTestDatabase();
  let w: PortfolioWorld;
  beforeAll(async () => {
    w = await createPortfolioWorld();
  });

  const ACTORS: PortfolioActorKey[] = ["finance", "icbFinance", "lead", "clinician", "board", "admin", "otherFinance"];

  function outcomes(allowed: PortfolioActorKey[], hidden: CellOutcome = "NOT_FOUND") {
    return Object.fromEntries(
      ACTORS.map((key) => [key, allowed.includes(key) ? "allowed" : key === "otherFinance" ? hidden : "FORBIDDEN"]),
    ) as Record<PortfolioActorKey, CellOutcome>;
  }
  const FINANCE_ONLY = outcomes(["finance", "icbFinance"]);
  const FINANCE_ONLY_BY_ORGANISATION = outcomes(["finance", "icbFinance"], "FORBIDDEN");

  function spec<S extends z.ZodType, W>(input: {
    action: string;
    entityType?: string;
    changes: Record<string, number>;
    schema: S;
    perform: (actor: Actor, value: z.output<S>) => Promise<W>;
    raw: () => Promise<Record<string, unknown>>;
    entityIdOf: (written: W) => string;
  }): CellSpec<W> {
    return {
      action: input.action,
      entityType: input.entityType ?? "portfolio_review",
      changes: input.changes,
      prepare: async () => {
        const raw = await input.raw();
        return {
          raw,
          organisationId: w.trust.id,
          snapshot: () => db().portfolioReview.findMany({ orderBy: { id: "asc" } }),
          verify: async () => {},
        };
      },
      run: (actor, raw) => runAction(input.schema, input.perform, actor, raw),
      entityIdOf: input.entityIdOf,
    };
  }

  const review = (status: "SETUP" | "SCORING", extra: Partial<Parameters<typeof createReviewRow>[0]> = {}) =>
    createReviewRow({
      organisationId: w.trust.id,
      createdById: w.actors.finance.userId,
      status,
      scorerIds: [w.actors.finance.userId, w.actors.lead.userId, w.actors.clinician.userId],
      ...extra,
    });

  const CELLS: {
    name: string;
    expected: () => Record<PortfolioActorKey, CellOutcome>;
    spec: () => CellSpec<unknown>;
  }[] = [
    {
      name: "createServiceLine",
      expected: () => FINANCE_ONLY_BY_ORGANISATION,
      spec: () =>
        spec({
          action: "service-line.create",
          entityType: "service_line",
          changes: { service_line: 1, audit_event: 1 },
          schema: createServiceLineSchema,
          perform: createServiceLine,
          raw: async () => ({ organisationId: w.trust.id, name: `Urology ${uniqueToken()}`, level: "MESO" }),
          entityIdOf: (line) => line.id,
        }) as CellSpec<unknown>,
    },
    {
      name: "setServiceLineSize",
      expected: () => FINANCE_ONLY,
      spec: () =>
        spec({
          action: "service-line.size",
          entityType: "service_line",
          changes: { service_line_size: 1, audit_event: 1 },
          schema: setServiceLineSizeSchema,
          perform: setServiceLineSize,
          raw: async () => ({
            serviceLineId: (await createServiceLineRow(w.trust.id)).id,
            financialYear: "2026/27",
            budget: "£12,500,000",
            patients: "18,000",
            staffWte: "142.5",
          }),
          entityIdOf: (size) => size.serviceLineId,
        }) as CellSpec<unknown>,
    },
    {
      name: "createReview",
      expected: () => FINANCE_ONLY_BY_ORGANISATION,
      spec: () =>
        spec({
          action: "portfolio.review.create",
          changes: { portfolio_review: 1, audit_event: 1 },
          schema: createReviewSchema,
          perform: createReview,
          raw: async () => ({ organisationId: w.trust.id, name: `Q2 review ${uniqueToken()}`, cohort: "Q2 2026/27" }),
          entityIdOf: (r) => r.id,
        }) as CellSpec<unknown>,
    },
    {
      name: "addCriterion",
      expected: () => FINANCE_ONLY,
      spec: () =>
        spec({
          action: "portfolio.criterion.add",
          changes: { portfolio_criterion: 1, audit_event: 1 },
          schema: addCriterionSchema,
          perform: addCriterion,
          raw: async () => {
            const { review: r } = await review("SETUP", {
              criteria: [
                { domain: "CLINICAL", weight: 30 },
                { domain: "CLINICAL", weight: 20 },
              ],
            });
            return { reviewId: r.id, version: "1", domain: "ECONOMIC", name: "Financial performance", weight: "50" };
          },
          entityIdOf: (c) => c.reviewId,
        }) as CellSpec<unknown>,
    },
    {
      name: "setReviewMembers",
      expected: () => FINANCE_ONLY,
      spec: () =>
        spec({
          action: "portfolio.review.members",
          changes: { portfolio_scorer: -2, audit_event: 1 },
          schema: setReviewMembersSchema,
          perform: setReviewMembers,
          raw: async () => {
            const { review: r, lines } = await review("SETUP");
            return {
              reviewId: r.id,
              version: "1",
              serviceLineIds: lines.map((l) => l.id),
              scorerIds: w.actors.lead.userId,
            };
          },
          entityIdOf: (r) => r.id,
        }) as CellSpec<unknown>,
    },
    {
      name: "startScoring",
      expected: () => FINANCE_ONLY,
      spec: () =>
        spec({
          action: "portfolio.review.start-scoring",
          changes: { audit_event: 1 },
          schema: reviewVersionSchema,
          perform: startScoring,
          raw: async () => ({ reviewId: (await review("SETUP")).review.id, version: "1" }),
          entityIdOf: (r) => r.id,
        }) as CellSpec<unknown>,
    },
    {
      name: "reopenReview",
      expected: () => FINANCE_ONLY,
      spec: () =>
        spec({
          action: "portfolio.review.reopen",
          changes: { portfolio_reopening: 1, audit_event: 1 },
          schema: reopenReviewSchema,
          perform: reopenReview,
          raw: async () => ({
            reviewId: (await review("SCORING")).review.id,
            version: "1",
            reason: "Workforce criterion double-counted recruitment",
          }),
          entityIdOf: (r) => r.reviewId,
        }) as CellSpec<unknown>,
    },
    {
      name: "closeReview",
      expected: () => FINANCE_ONLY,
      spec: () =>
        spec({
          action: "portfolio.review.close",
          changes: { audit_event: 1 },
          schema: reviewVersionSchema,
          perform: closeReview,
          raw: async () => ({ reviewId: (await review("SCORING")).review.id, version: "1" }),
          entityIdOf: (r) => r.id,
        }) as CellSpec<unknown>,
    },
    {
      name: "recordDecision",
      expected: () => FINANCE_ONLY,
      spec: () =>
        spec({
          action: "portfolio.decision",
          changes: { portfolio_decision: 1, audit_event: 1 },
          schema: recordDecisionSchema,
          perform: recordDecision,
          raw: async () => {
            const { review: r, lines } = await review("SCORING");
            return {
              reviewId: r.id,
              serviceLineId: lines[0]!.id,
              option: "DIVEST",
              rationale: "Low on both domains; the ICS has capacity at the neighbouring trust",
              version: "0",
            };
          },
          entityIdOf: (d) => d.reviewId,
        }) as CellSpec<unknown>,
    },
    {
      name: "recordScores (named scorers only)",
      expected: () => ({
        finance: "allowed",
        lead: "allowed",
        clinician: "allowed",
        icbFinance: "FORBIDDEN",
        board: "FORBIDDEN",
        admin: "FORBIDDEN",
        otherFinance: "NOT_FOUND",
      }),
      spec: () =>
        spec({
          action: "portfolio.score",
          changes: { portfolio_score: 3, audit_event: 1 },
          schema: recordScoresSchema,
          perform: recordScores,
          raw: async () => {
            const { review: r, lines, criteria } = await review("SCORING");
            return scoreForm(
              r.id,
              lines[0]!.id,
              criteria.map((c, i) => ({ criterionId: c.id, score: 4 + i })),
            );
          },
          entityIdOf: (s) => s.reviewId,
        }) as CellSpec<unknown>,
    },
  ];

  describe.each(CELLS)("$name", (cell) => {
    it.each(ACTORS)("as %s", async (key) => {
      await checkWriteCell(cell.spec(), w.actors[key], cell.expected()[key]);
    });
  });
});
