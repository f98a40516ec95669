import { beforeAll, describe, expect, it } from "vitest";
import { evaluateGate, type Gate } from "@/modules/gateways/gateway-rules";
import { loadGatewaySnapshot } from "@/modules/gateways/gateway-snapshot";
import { db } from "@/server/db";
import { seedDemo } from "../../prisma/seed/seed-demo";
import { seedGateways } from "../../prisma/seed/seed-gateways";
import { rowCounts } from "../helpers/db-state";
import { useTestDatabase } from "../helpers/test-database";

/** seedGateways: gateway history consistent with each demo scheme's stage, idempotently. */

describe("seedGateways", () => {
  useTestDatabase();
  const now = new Date();
  let afterFirst: Record<string, number>;

  beforeAll(async () => {
    await seedDemo(db());
    afterFirst = await rowCounts();
  }, 180_000);

  it("records an approval of every gate a scheme has passed, never by the scheme's lead", async () => {
    const schemes = await db().scheme.findMany({ include: { gatewayDecisions: true } });
    const passed: Record<string, number> = { OPPORTUNITY: 0, PLANNING: 1, ON_HOLD: 1, DELIVERY: 2, COMPLETE: 3 };
    for (const scheme of schemes.filter((s) => s.stage in passed)) {
      const approvals = scheme.gatewayDecisions.filter((d) => d.kind === "APPROVED");
      expect(approvals.map((d) => d.gate).sort(), scheme.code).toEqual([1, 2, 3].slice(0, passed[scheme.stage]));
      for (const d of approvals) expect(d.decidedById, scheme.code).not.toBe(scheme.leadId);
    }
  });

  it("baselines and locks the plan of every scheme past gateway 2, equal to its plan", async () => {
    const schemes = await db().scheme.findMany({
      where: { stage: { in: ["DELIVERY", "COMPLETE"] } },
      include: { planBaselines: true, months: true },
    });
    expect(schemes.length).toBeGreaterThan(20);
    for (const s of schemes) {
      expect(s.planLockedAt, s.code).not.toBeNull();
      expect(s.planBaselines, s.code).toHaveLength(1);
      const plan = Array.from(
        { length: 12 },
        (_, i) => s.months.find((m) => m.financialYear === s.financialYear && m.month === i + 1)?.planPence ?? 0n,
      );
      expect(s.planBaselines[0]!.monthsPence).toEqual(plan);
    }
    expect(
      await db().scheme.count({ where: { stage: { in: ["OPPORTUNITY", "PLANNING"] }, planLockedAt: { not: null } } }),
    ).toBe(0);
  });

  it("puts only schemes whose next gate's rules pass in the pipeline", async () => {
    const submitted = await db().scheme.findMany({
      where: { submittedGate: { not: null } },
      include: { organisation: true },
    });
    // The demo's finance director at Barts Health has decisions waiting.
    expect(submitted.filter((s) => s.organisation.code === "BH").length).toBeGreaterThan(0);
    for (const s of submitted) {
      const verdict = evaluateGate(
        s.submittedGate as Gate,
        await db().$transaction((tx) => loadGatewaySnapshot(tx, s.id, now)),
      );
      expect(verdict.failures, s.code).toEqual([]);
      expect(s.stage).toBe(s.submittedGate === 1 ? "OPPORTUNITY" : "PLANNING");
    }
  });

  it("gives every scheme past gateway 1 a milestone and a KPI", async () => {
    const missing = await db().scheme.count({
      where: {
        stage: { in: ["PLANNING", "DELIVERY", "COMPLETE"] },
        OR: [{ milestones: { none: {} } }, { kpis: { none: {} } }],
      },
    });
    expect(missing).toBe(0);
  });

  it("changes nothing when run again", async () => {
    await seedGateways(db(), now);
    expect(await rowCounts()).toEqual(afterFirst);
  });
});
