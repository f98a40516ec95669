import type { FinancialYear } from "@/lib/financial-year";
import { PROGRAMME_TYPES, type ProgrammeType } from "@/modules/organisations/programme-types";
import { financeHeadline } from "./finance-dashboard";
import { identifiedByStage, type StageFigures } from "./scheme-figures";
import type { OrganisationScope } from "./scheme-filter-sql";

/**
 * CIP and QIPP side by side, and their total (issue 11 item 3): each with its own target,
 * identified and risk-adjusted value, unidentified gap and maturity by stage. The total row is
 * the sum of the two, so it equals the unfiltered headline.
 */

export interface ProgrammeTypeRow {
  type: ProgrammeType | "TOTAL";
  targetPence: number;
  identifiedPence: number;
  riskAdjustedPence: number;
  /** target − identified: positive = a gap still to find. */
  unidentifiedPence: number;
  schemeCount: number;
  ytdPlanPence: number;
  ytdActualPence: number;
  /** Identified value per stage, opportunity to complete. */
  stages: StageFigures[];
}

export async function figuresByProgrammeType(
  scope: OrganisationScope,
  year: FinancialYear,
  now = new Date(),
): Promise<ProgrammeTypeRow[]> {
  const rows = await Promise.all(
    PROGRAMME_TYPES.map(async (type): Promise<ProgrammeTypeRow> => {
      const [h, stages] = await Promise.all([
        financeHeadline(scope, year, now, type),
        identifiedByStage(scope, year, { type }),
      ]);
      return {
        type,
        targetPence: h.targetPence,
        identifiedPence: h.identifiedPence,
        riskAdjustedPence: h.riskAdjustedPence,
        unidentifiedPence: h.unidentifiedPence,
        schemeCount: h.schemeCount,
        ytdPlanPence: h.ytdPlanPence,
        ytdActualPence: h.ytdActualPence,
        stages,
      };
    }),
  );
  return [...rows, totalOf(rows)];
}

export function totalOf(rows: readonly ProgrammeTypeRow[]): ProgrammeTypeRow {
  const sum = (pick: (r: ProgrammeTypeRow) => number) => rows.reduce((n, r) => n + pick(r), 0);
  const stages = (rows[0]?.stages ?? []).map((first, i) => ({
    stage: first.stage,
    count: sum((r) => r.stages[i]?.count ?? 0),
    inYearPence: sum((r) => r.stages[i]?.inYearPence ?? 0),
    riskAdjustedPence: sum((r) => r.stages[i]?.riskAdjustedPence ?? 0),
  }));
  return {
    type: "TOTAL",
    targetPence: sum((r) => r.targetPence),
    identifiedPence: sum((r) => r.identifiedPence),
    riskAdjustedPence: sum((r) => r.riskAdjustedPence),
    unidentifiedPence: sum((r) => r.unidentifiedPence),
    schemeCount: sum((r) => r.schemeCount),
    ytdPlanPence: sum((r) => r.ytdPlanPence),
    ytdActualPence: sum((r) => r.ytdActualPence),
    stages,
  };
}
