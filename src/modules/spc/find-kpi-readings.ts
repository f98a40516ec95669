import type { Prisma } from "@/generated/prisma/client";
import { db } from "@/server/db";
import { findSpcConfigs } from "./get-spc-config";
import { isGuardrailConcern, kpiSpc, type KpiSpc } from "./kpi-spc";

/** A KPI with its SPC reading: the chart, icons and whether a guardrail needs attention. */
export interface KpiReading {
  id: string;
  name: string;
  unit: string;
  qualityIndicator: boolean;
  schemeId: string | null;
  /** The scheme's code and title, for lists that mix schemes. */
  schemeName: string | null;
  spc: KpiSpc;
  /** A quality indicator whose latest point is a special cause of concern. */
  guardrailConcern: boolean;
}

/**
 * KPIs matching `where` (already scoped to the actor by the caller), each read as an SPC chart
 * with its stored settings and change points: three queries whatever the number of KPIs.
 */
export async function findKpiReadings(where: Prisma.KpiWhereInput, take = 200): Promise<KpiReading[]> {
  const kpis = await db().kpi.findMany({
    where,
    take,
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      name: true,
      unit: true,
      direction: true,
      target: true,
      qualityIndicator: true,
      schemeId: true,
      scheme: { select: { code: true, title: true } },
      points: {
        orderBy: [{ financialYear: "asc" }, { month: "asc" }],
        select: { financialYear: true, month: true, actual: true, trajectory: true },
      },
    },
  });
  const configs = await findSpcConfigs(
    "KPI",
    kpis.map((k) => k.id),
  );
  return kpis.map((k) => {
    const spc = kpiSpc(k, configs.get(k.id)!);
    return {
      id: k.id,
      name: k.name,
      unit: k.unit,
      qualityIndicator: k.qualityIndicator,
      schemeId: k.schemeId,
      schemeName: k.scheme ? `${k.scheme.code} ${k.scheme.title}` : null,
      spc,
      guardrailConcern: k.qualityIndicator && isGuardrailConcern(spc.chart),
    };
  });
}
