import { beforeAll, describe, expect, it } from "vitest";
import { riskBand } from "@/modules/risks/risk-scoring";
import { db } from "@/server/db";
import nelRisks from "../../prisma/seed/data/nel-risks.json" with { type: "json" };
import { seedDemo } from "../../prisma/seed/seed-demo";
import { rowCounts } from "../helpers/db-state";
import { useTestDatabase } from "../helpers/test-database";

/** seedRisks (run by seedDemo): the NEL plan's 13 risks scored to match the paper's RAG, idempotently. */

const nel = { programme: { name: "Provider Productivity", system: { name: "North East London" } } };

describe("seedRisks", () => {
  useTestDatabase();
  let afterFirst: Record<string, number>;

  beforeAll(async () => {
    await seedDemo(db());
    afterFirst = await rowCounts();
  });

  it("loads the 13 NEL risks on their workstreams, R scored 4x4 = 16 and A 3x4 = 12", async () => {
    expect(nelRisks.risks).toHaveLength(13);
    const risks = await db().risk.findMany({
      where: nel,
      include: { workstream: true, actions: true, scoreChanges: { orderBy: { changedAt: "asc" } } },
    });
    expect(risks).toHaveLength(13);
    for (const source of nelRisks.risks) {
      const risk = risks.find((r) => r.cause === source.description);
      expect(risk, source.description).toBeDefined();
      if (!risk) continue;
      const red = source.rag === "R";
      expect(risk.workstream?.name).toBe(source.workstream);
      expect(risk).toMatchObject({
        currentLikelihood: red ? 4 : 3,
        currentConsequence: 4,
        currentScore: red ? 16 : 12,
        inherentLikelihood: red ? 5 : 4,
        targetLikelihood: 2,
        targetConsequence: 4,
        targetScore: 8,
        status: "OPEN",
      });
      expect(riskBand(risk.currentScore).key).toBe(red ? "extreme" : "high");
      expect(risk.sourceNote).toContain(`RAG: ${source.rag}`);
      expect(risk.actions.map((a) => a.description)).toEqual([source.mitigating_action]);
      expect(risk.scoreChanges.map((c) => c.currentScore)).toEqual([red ? 20 : 16, red ? 16 : 12]);
    }
    const scores = risks.map((r) => r.currentScore);
    expect([scores.filter((s) => s === 16).length, scores.filter((s) => s === 12).length]).toEqual([4, 9]);
  });

  it("is idempotent: a second seedDemo changes no row count", async () => {
    const before = await rowCounts();
    expect(before).toEqual(afterFirst);
    expect(before.risk).toBeGreaterThanOrEqual(13);
    await seedDemo(db());
    expect(await rowCounts()).toEqual(before);
    expect(await db().risk.count({ where: nel })).toBe(13);
  });
});
