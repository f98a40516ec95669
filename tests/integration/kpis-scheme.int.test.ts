import { beforeAll, describe, expect, it } from "vitest";
import { getKpi } from "@/modules/kpis/get-kpi";
import { recordKpiActualSchema } from "@/modules/kpis/kpi-schemas";
import { recordKpiActual } from "@/modules/kpis/record-kpi-actual";
import { db } from "@/server/db";
import { createSchemeRow, createSchemeWorld, type SchemeWorld } from "../factories/schemes";
import { useTestDatabase } from "../helpers/test-database";

/**
 * Issue 13 item 11: a scheme's KPI (e.g. a QIA quality indicator) opens like any other KPI for
 * those who may see the scheme; its actuals are recorded by those who may edit the scheme.
 */
describe("scheme KPIs", () => {
  useTestDatabase();
  let world: SchemeWorld;
  let kpiId: string;
  let schemeId: string;

  beforeAll(async () => {
    world = await createSchemeWorld();
    const scheme = await createSchemeRow({ organisationId: world.trustId, leadId: world.leadId });
    schemeId = scheme.id;
    kpiId = (
      await db().kpi.create({
        data: {
          schemeId,
          name: "Patient falls per 1,000 occupied bed days",
          unit: "falls",
          direction: "LOWER_IS_BETTER",
          qualityIndicator: true,
        },
      })
    ).id;
  });

  it("opens for everyone who may see the scheme, and for no one else", async () => {
    for (const key of [
      "FINANCE at the trust",
      "LEAD at the trust, not the scheme's lead",
      "BOARD at the trust",
      "FINANCE at the ICB, system-wide",
    ] as const) {
      const kpi = await getKpi(world.actors[key], kpiId);
      expect(kpi.name, key).toBe("Patient falls per 1,000 occupied bed days");
      expect(kpi.scheme?.id, key).toBe(schemeId);
    }
    await expect(getKpi(world.actors["FINANCE at another system's ICB, system-wide"], kpiId)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(getKpi(world.actors["FINANCE at another trust of the system"], kpiId)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("the scheme's lead and finance record actuals; other leads and the board are refused", async () => {
    const now = new Date();
    const input = (version: number, actual: string) =>
      recordKpiActualSchema.parse({ kpiId, version: String(version), financialYear: "2025/26", month: "1", actual });
    await recordKpiActual(world.actors["LEAD at the trust, the scheme's lead"], input(1, "4.2"), now);
    await recordKpiActual(world.actors["FINANCE at the trust"], input(2, "3.9"), now);
    await expect(
      recordKpiActual(world.actors["LEAD at the trust, not the scheme's lead"], input(3, "1"), now),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(recordKpiActual(world.actors["BOARD at the trust"], input(3, "1"), now)).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    const point = await db().kpiPoint.findUnique({
      where: { kpiId_financialYear_month: { kpiId, financialYear: 2025, month: 1 } },
    });
    expect(point?.actual?.toString()).toBe("3.9");
  });
});
