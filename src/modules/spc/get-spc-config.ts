import type { SpcSubject } from "@/generated/prisma/enums";
import { db } from "@/server/db";
import type { SpcChangePoint } from "./spc-types";
import { monthKey, monthPointLabel } from "./spc-series";

/** A chart's stored settings and change points, ready for buildXmrChart and for the forms. */
export interface SpcConfig {
  version: number;
  screenMovingRanges: boolean;
  baselinePoints: number | null;
  changePoints: (SpcChangePoint & { id: string; financialYear: number; month: number; recordedBy: string })[];
}

export const DEFAULT_SPC_CONFIG: SpcConfig = {
  version: 0,
  screenMovingRanges: true,
  baselinePoints: null,
  changePoints: [],
};

/**
 * Settings and change points of many charts of one kind in two queries (the board summary
 * draws a chart per KPI). The caller has already scoped the subject ids to the actor.
 */
export async function findSpcConfigs(subject: SpcSubject, subjectIds: string[]): Promise<Map<string, SpcConfig>> {
  const out = new Map<string, SpcConfig>();
  if (subjectIds.length === 0) return out;
  const [settings, changePoints] = await Promise.all([
    db().spcChartSetting.findMany({ where: { subject, subjectId: { in: subjectIds } } }),
    db().spcChangePoint.findMany({
      where: { subject, subjectId: { in: subjectIds } },
      orderBy: [{ financialYear: "asc" }, { month: "asc" }],
      include: { recordedBy: { select: { name: true } } },
    }),
  ]);
  for (const id of subjectIds) out.set(id, { ...DEFAULT_SPC_CONFIG, changePoints: [] });
  for (const s of settings) {
    out.set(s.subjectId, {
      ...out.get(s.subjectId)!,
      version: s.version,
      screenMovingRanges: s.screenMovingRanges,
      baselinePoints: s.baselinePoints,
    });
  }
  for (const c of changePoints) {
    out.get(c.subjectId)!.changePoints.push({
      id: c.id,
      key: monthKey(c.financialYear, c.month),
      label: monthPointLabel(c.financialYear, c.month),
      reason: c.reason,
      financialYear: c.financialYear,
      month: c.month,
      recordedBy: c.recordedBy.name,
    });
  }
  return out;
}

export async function getSpcConfig(subject: SpcSubject, subjectId: string): Promise<SpcConfig> {
  return (await findSpcConfigs(subject, [subjectId])).get(subjectId)!;
}
