import { beforeAll, describe, expect, it } from "vitest";
import { getPortfolioReview } from "@/modules/portfolio/get-portfolio-review";
import { criteriaProblems } from "@/modules/portfolio/portfolio-rules";
import { db } from "@/server/db";
import { seedDemo } from "../../prisma/seed/seed-demo";
import { seedPortfolio } from "../../prisma/seed/seed-portfolio";
import { actorFor } from "../factories";
import { rowCounts } from "../helpers/db-state";
import { useTestDatabase } from "../helpers/test-database";

/** seedPortfolio: LTH's illustrative review is valid, spans the four quadrants, and is idempotent. */

describe("seedPortfolio", () => {
  useTestDatabase();

  beforeAll(async () => {
    await seedDemo(db());
  }, 180_000);

  it("has the paper's six example criteria spending the 100-point pool, scored by two people", async () => {
    const review = await db().portfolioReview.findFirstOrThrow({
      where: { organisation: { code: "LTH" } },
      include: { criteria: true, scorers: true },
    });
    expect(review.status).toBe("SCORING");
    expect(review.criteria).toHaveLength(6);
    expect(criteriaProblems(review.criteria, review.pointsPool)).toEqual([]);
    expect(review.scorers).toHaveLength(2);
  });

  it("places its service lines in all four quadrants with the matrix's suggestions", async () => {
    const review = await db().portfolioReview.findFirstOrThrow({ where: { organisation: { code: "LTH" } } });
    const board = await db().user.findUniqueOrThrow({ where: { email: "lth-finance@demo.nhs.uk" } });
    const view = await getPortfolioReview(await actorFor(board.id), review.id);
    const quadrant = Object.fromEntries(view.lines.map((l) => [l.name, l.quadrant]));
    expect(quadrant).toMatchObject({
      Cardiology: "HIGH_HIGH",
      "Trauma and orthopaedics": "HIGH_LOW",
      Ophthalmology: "LOW_HIGH",
      Dermatology: "LOW_LOW",
    });
    expect(view.lines[0]!.name).toBe("Cardiology"); // ranked first overall
    expect(view.lines.every((l) => l.size.budgetPence !== null)).toBe(true);
  });

  it("changes nothing when run again", async () => {
    const before = await rowCounts();
    await seedPortfolio(db());
    expect(await rowCounts()).toEqual(before);
  });
});
