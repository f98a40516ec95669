import { beforeAll, describe, expect, it } from "vitest";
import { loadAssessmentStates } from "@/modules/quality/assessment-state";
import { findKpiReadings } from "@/modules/spc/find-kpi-readings";
import { db } from "@/server/db";
import { seedDemo } from "../../prisma/seed/seed-demo";
import { INDICATOR_MONTHS, seedQuality } from "../../prisma/seed/seed-quality";
import { rowCounts } from "../helpers/db-state";
import { useTestDatabase } from "../helpers/test-database";

/** seedQuality: QIAs and EIAs consistent with each demo scheme's stage, idempotently. */

describe("seedQuality", () => {
  useTestDatabase();
  const now = new Date();
  let afterFirst: Record<string, number>;

  beforeAll(async () => {
    await seedDemo(db());
    await seedQuality(db(), now);
    afterFirst = await rowCounts();
  }, 180_000);

  it("changes nothing when run again", async () => {
    await seedQuality(db(), now);
    expect(await rowCounts()).toEqual(afterFirst);
  }, 180_000);

  it("gives every delivery and complete scheme with a full QIA both approving signatures", async () => {
    const full = await db().qualityAssessment.findMany({
      where: { fullRequired: true, scheme: { stage: { in: ["DELIVERY", "COMPLETE"] } } },
      include: { signOffs: true, scheme: { select: { leadId: true } } },
    });
    expect(full.length).toBeGreaterThanOrEqual(3);
    for (const qia of full) {
      expect(qia.signOffs.map((s) => s.capacity).sort()).toEqual(["MEDICAL", "NURSING"]);
      expect(qia.signOffs.every((s) => s.outcome !== "REJECTED" && s.userId !== qia.scheme.leadId)).toBe(true);
      const states = await db().$transaction((tx) => loadAssessmentStates(tx, qia.schemeId));
      expect(states.qia).toMatchObject({ medicalSignedOff: true, nursingSignedOff: true, highestResidualScore: 6 });
    }
  });

  it("shows every situation the QIA pages handle", async () => {
    const byStatus = Object.fromEntries(
      (await db().qualityAssessment.groupBy({ by: ["status"], _count: { _all: true } })).map((g) => [
        g.status,
        g._count._all,
      ]),
    );
    expect(byStatus.AWAITING_SIGN_OFF).toBeGreaterThanOrEqual(3);
    expect(byStatus.APPROVED).toBeGreaterThanOrEqual(2);
    expect(byStatus.APPROVED_WITH_CONDITIONS).toBe(2);
    expect(await db().trackedCondition.count({ where: { qualitySignOffId: { not: null }, metAt: null } })).toBe(2);
    // Screening not answered yet, and schemes with no assessment at all, among opportunities.
    expect(
      await db().qualityAssessment.count({ where: { screeningComplete: false, scheme: { stage: "OPPORTUNITY" } } }),
    ).toBeGreaterThanOrEqual(1);
    expect(
      await db().scheme.count({ where: { stage: "OPPORTUNITY", qualityAssessments: { none: {} } } }),
    ).toBeGreaterThanOrEqual(1);
    // One review overdue: date passed, none recorded.
    expect(await db().qualityAssessment.count({ where: { reviewDate: { lt: now }, reviews: { none: {} } } })).toBe(1);
    // Only organisations with both clinical approvers have signatures.
    const signedAt = await db().qualitySignOff.findMany({
      select: { assessment: { select: { scheme: { select: { organisation: { select: { code: true } } } } } } },
    });
    expect(new Set(signedAt.map((s) => s.assessment.scheme.organisation.code))).toEqual(new Set(["BH"]));
    // A medical signature awaiting the nursing one.
    expect(
      await db().qualityAssessment.count({
        where: { status: "AWAITING_SIGN_OFF", signOffs: { some: { capacity: "MEDICAL" } } },
      }),
    ).toBe(1);
  });

  it("screens every started EIA against all nine characteristics, approving full ones only where signed", async () => {
    const eias = await db().equalityAssessment.findMany({
      include: { screening: true, scheme: { select: { stage: true } } },
    });
    expect(eias.length).toBeGreaterThan(50);
    for (const eia of eias) {
      if (eia.screeningComplete) expect(eia.screening).toHaveLength(9);
      if (eia.fullRequired && eia.scheme.stage === "DELIVERY") expect(eia.status).toBe("APPROVED");
      if (eia.status === "APPROVED") expect(eia.signedOffById).not.toBeNull();
    }
  });

  it("makes each full QIA's quality indicators KPIs of its scheme", async () => {
    const kpis = await db().kpi.findMany({ where: { qualityIndicator: true } });
    expect(kpis.length).toBeGreaterThanOrEqual(5);
    expect(kpis.every((k) => k.schemeId !== null && k.programmeId === null)).toBe(true);
  });

  it("gives the quality indicators illustrative monthly actuals, one guardrail showing special cause of concern", async () => {
    const readings = await findKpiReadings({ qualityIndicator: true });
    expect(readings.every((r) => r.spc.chart.points.filter((p) => p.value !== null).length === INDICATOR_MONTHS)).toBe(
      true,
    );
    const falls = readings.filter((r) => r.name === "Patient falls per 1,000 occupied bed days");
    expect(falls.length).toBeGreaterThan(0);
    expect(falls.every((r) => r.guardrailConcern)).toBe(true);
    expect(readings.some((r) => r.spc.chart.variation?.kind === "common")).toBe(true);
  });
});
