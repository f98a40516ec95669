import type { PrismaClient } from "../../src/generated/prisma/client";
import { financialYearOf } from "../../src/lib/financial-year";

/**
 * An illustrative service-line portfolio review at Lancashire Teaching Hospitals, built on the
 * method of its financial strategy's appendix B (../shared/reference/lth_other.json): two
 * domains, the paper's example criteria, a 100-point pool, scores 0-10. The paper gives the
 * method, not scores: every service line, size, weight, score and decision here is invented
 * (prisma/seed/data/README.md). Idempotent: nothing is written when the review exists.
 */

const REVIEW_NAME = "Service-line portfolio review, Q2";

const CRITERIA = [
  { domain: "CLINICAL", name: "Workforce availability", weight: 20 },
  { domain: "CLINICAL", name: "Ability to provide the full range of specialty services", weight: 15 },
  { domain: "CLINICAL", name: "Clinical performance metrics", weight: 15 },
  { domain: "ECONOMIC", name: "Financial performance", weight: 25 },
  { domain: "ECONOMIC", name: "Growth potential", weight: 15 },
  { domain: "ECONOMIC", name: "Commissioning intentions", weight: 10 },
] as const;

/** name, division, budget £m, patients, WTE, then each scorer's six scores (criteria order). */
const LINES: [string, string, number, number, number, number[], number[]][] = [
  ["Cardiology", "Medicine", 38.2, 41_000, 410, [8, 9, 7, 7, 8, 8], [7, 8, 8, 6, 8, 9]],
  ["Major trauma", "Specialist Services", 29.5, 6_800, 290, [7, 9, 8, 6, 7, 9], [8, 9, 7, 7, 6, 8]],
  ["Trauma and orthopaedics", "Surgery", 33.9, 27_500, 350, [6, 7, 6, 3, 4, 5], [7, 6, 6, 4, 3, 4]],
  ["Ophthalmology", "Surgery", 14.1, 52_000, 120, [3, 4, 5, 7, 8, 7], [4, 3, 4, 8, 7, 6]],
  ["Dermatology", "Medicine", 6.4, 19_000, 48, [2, 3, 4, 3, 2, 3], [3, 2, 3, 2, 3, 2]],
  ["Maternity", "Women and Children", 27.8, 8_900, 380, [7, 8, 5, 4, 3, 6], [6, 8, 6, 3, 4, 5]],
  ["Pathology", "Diagnostics and Clinical Support", 21.3, 310_000, 260, [4, 6, 6, 6, 7, 5], [5, 5, 7, 7, 6, 6]],
  ["Elderly medicine", "Medicine", 24.6, 15_400, 330, [3, 5, 4, 2, 4, 6], [4, 4, 3, 3, 3, 5]],
];

const DECISIONS: Record<string, { option: "INVEST" | "DIVEST" | "REPOSITION" | "MAINTAIN"; rationale: string }> = {
  Cardiology: {
    option: "INVEST",
    rationale: "Strong on both domains and a regional cardiac centre: grow the catheter-lab capacity.",
  },
  Dermatology: {
    option: "DIVEST",
    rationale: "Low on both domains with two consultant vacancies; transfer routine work to the community provider.",
  },
};

export async function seedPortfolio(db: PrismaClient, now = new Date()): Promise<void> {
  const trust = await db.organisation.findUnique({ where: { code: "LTH" } });
  if (!trust) return;
  if (await db.portfolioReview.findFirst({ where: { organisationId: trust.id, name: REVIEW_NAME } })) return;
  const finance = await db.user.findUniqueOrThrow({ where: { email: "lth-finance@demo.nhs.uk" } });
  const lead = await db.user.findUniqueOrThrow({ where: { email: "lth-lead@demo.nhs.uk" } });
  const year = financialYearOf(now);
  const divisions = new Map(
    (await db.division.findMany({ where: { organisationId: trust.id } })).map((d) => [d.name, d.id]),
  );

  await db.$transaction(async (tx) => {
    const review = await tx.portfolioReview.create({
      data: {
        organisationId: trust.id,
        name: REVIEW_NAME,
        cohortYear: year,
        cohortQuarter: 2,
        status: "SCORING",
        scoringStartedAt: now,
        createdById: finance.id,
        scorers: { create: [{ userId: finance.id }, { userId: lead.id }] },
      },
    });
    const criteria = [];
    for (const [i, c] of CRITERIA.entries()) {
      criteria.push(await tx.portfolioCriterion.create({ data: { reviewId: review.id, ...c, position: i + 1 } }));
    }
    for (const [name, division, budgetM, patients, wte, financeScores, leadScores] of LINES) {
      const line = await tx.serviceLine.upsert({
        where: { organisationId_name: { organisationId: trust.id, name } },
        update: {},
        create: { organisationId: trust.id, name, level: "MESO", divisionId: divisions.get(division) ?? null },
      });
      await tx.serviceLineSize.upsert({
        where: { serviceLineId_financialYear: { serviceLineId: line.id, financialYear: year } },
        update: {},
        create: {
          serviceLineId: line.id,
          financialYear: year,
          budgetPence: BigInt(Math.round(budgetM * 100_000_000)),
          patients,
          staffWte: wte,
        },
      });
      await tx.portfolioReviewLine.create({ data: { reviewId: review.id, serviceLineId: line.id } });
      for (const [scorerId, scores] of [
        [finance.id, financeScores],
        [lead.id, leadScores],
      ] as const) {
        await tx.portfolioScore.createMany({
          data: criteria.map((c, i) => ({
            reviewId: review.id,
            criterionId: c.id,
            serviceLineId: line.id,
            scorerId,
            score: scores[i]!,
          })),
        });
      }
      const decision = DECISIONS[name];
      if (decision) {
        await tx.portfolioDecision.create({
          data: { reviewId: review.id, serviceLineId: line.id, decidedById: finance.id, ...decision },
        });
      }
    }
    // A micro-level line under cardiology, not in this cohort: the Board to Ward structure.
    const cardiology = await tx.serviceLine.findUniqueOrThrow({
      where: { organisationId_name: { organisationId: trust.id, name: "Cardiology" } },
    });
    await tx.serviceLine.upsert({
      where: { organisationId_name: { organisationId: trust.id, name: "Cardiac catheter laboratories" } },
      update: {},
      create: {
        organisationId: trust.id,
        name: "Cardiac catheter laboratories",
        level: "MICRO",
        parentId: cardiology.id,
      },
    });
  });
}
