import { beforeAll, describe, expect, it } from "vitest";
import { boardSpc } from "@/modules/spc/board-spc-data";
import { findKpiReadings } from "@/modules/spc/find-kpi-readings";
import { findSavingsMonths, savingsSpc } from "@/modules/spc/savings-spc";
import { DEFAULT_SPC_CONFIG } from "@/modules/spc/get-spc-config";
import { db } from "@/server/db";
import { createLeadUser, createOrderedSystem, createSchemeMonthRows, createSchemeRow } from "../factories/scheme-rows";
import { useTestDatabase } from "../helpers/test-database";

/**
 * SPC readings on real PostgreSQL: a QIA's quality guardrail whose latest month is a special
 * cause of concern is flagged (and reaches the board summary's data); the savings series sums
 * the identified schemes' months, keeps a month with no actual as a gap, and leaves out months
 * that have not started.
 */

// The hand-worked baseline: mean 50, limits 44.68-55.32 (see spc-test-series.ts).
const BASELINE_12 = [50, 52, 49, 51, 50, 48, 52, 50, 51, 49, 50, 48];
const NOW = new Date(Date.UTC(2025, 8, 15)); // September 2025: M6 2025/26 has started, M7 has not

let trustId: string;
let otherTrustId: string;
let leadId: string;

async function guardrail(schemeId: string, values: number[], direction: "HIGHER_IS_BETTER" | "LOWER_IS_BETTER") {
  const kpi = await db().kpi.create({
    data: { schemeId, qualityIndicator: true, name: `Falls ${values.length}`, unit: "count", direction },
  });
  await db().kpiPoint.createMany({
    data: values.map((v, i) => ({
      kpiId: kpi.id,
      financialYear: 2024 + Math.floor(i / 12),
      month: (i % 12) + 1,
      actual: v,
    })),
  });
  return kpi;
}

describe("SPC readings", () => {
  useTestDatabase();

  beforeAll(async () => {
    const { trusts } = await createOrderedSystem(["A", "B"]);
    trustId = trusts[0]!.id;
    otherTrustId = trusts[1]!.id;
    leadId = (await createLeadUser(trustId, "Lead")).id;
  });

  it("flags a guardrail whose latest point is a special cause of concern, not one improving", async () => {
    const scheme = await createSchemeRow({ organisationId: trustId, leadId, stage: "DELIVERY" });
    // 60 is above the upper limit: a concern when lower is better, an improvement when higher is.
    const falls = await guardrail(scheme.id, [...BASELINE_12, 60], "LOWER_IS_BETTER");
    const satisfaction = await guardrail(scheme.id, [...BASELINE_12, 60], "HIGHER_IS_BETTER");
    const settled = await guardrail(scheme.id, [...BASELINE_12, 60, 50], "LOWER_IS_BETTER");
    const readings = await findKpiReadings({ schemeId: scheme.id });
    const byId = new Map(readings.map((r) => [r.id, r]));
    expect(byId.get(falls.id)).toMatchObject({ guardrailConcern: true });
    expect(byId.get(falls.id)!.spc.chart.variation?.text).toBe("Special cause of concern: higher than expected");
    expect(byId.get(satisfaction.id)).toMatchObject({ guardrailConcern: false });
    expect(byId.get(settled.id)).toMatchObject({ guardrailConcern: false });

    const board = await boardSpc([trustId], trustId, NOW);
    expect(board.guardrails.map((g) => g.id)).toEqual([falls.id]);
    expect(board.rows.map((r) => r.key)).toContain(falls.id);
    // Another organisation's board does not see it.
    expect((await boardSpc([otherTrustId], otherTrustId, NOW)).guardrails).toEqual([]);
  });

  it("savings months: summed per month, a month with no actual is a gap, months not started are left out", async () => {
    const a = await createSchemeRow({ organisationId: otherTrustId, leadId, stage: "DELIVERY", financialYear: 2025 });
    const b = await createSchemeRow({ organisationId: otherTrustId, leadId, stage: "PLANNING", financialYear: 2025 });
    const withdrawn = await createSchemeRow({
      organisationId: otherTrustId,
      leadId,
      stage: "WITHDRAWN",
      financialYear: 2025,
    });
    // [month, plan, forecast, actual] in pence
    await createSchemeMonthRows(a.id, 2025, [
      [1, 100_00, null, 90_00],
      [2, 100_00, null, null],
      [3, 100_00, null, 120_00],
      [7, 100_00, null, 500_00], // October: not started on 15 September
    ]);
    await createSchemeMonthRows(b.id, 2025, [
      [1, 50_00, null, 40_00],
      [2, 50_00, null, null],
    ]);
    await createSchemeMonthRows(withdrawn.id, 2025, [[1, 1_000_00, null, 1_000_00]]);
    const months = await findSavingsMonths([otherTrustId], NOW);
    expect(months).toEqual([
      { financialYear: 2025, month: 1, planPence: 150_00, actualPence: 130_00 },
      { financialYear: 2025, month: 2, planPence: 150_00, actualPence: null },
      { financialYear: 2025, month: 3, planPence: 100_00, actualPence: 120_00 },
    ]);
    const spc = savingsSpc(months, DEFAULT_SPC_CONFIG);
    expect(spc.delivered.points.map((p) => p.value)).toEqual([130_00, null, 120_00]);
    expect(spc.variance.points.map((p) => p.value)).toEqual([-20_00, null, 20_00]);
    expect(spc.plan).toEqual([150_00, 150_00, 100_00]);
    expect(spc.delivered.segments[0]!.notes).toEqual([
      "Too few points for limits: 2 recorded values, and at least 6 are needed.",
    ]);
  });
});
