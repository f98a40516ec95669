import { elapsedMonths } from "@/lib/financial-year";
import { loadAssessmentStates } from "@/modules/quality/assessment-state";
import type { Tx } from "@/server/db";
import type { GatewaySnapshot } from "./gateway-rules";

/**
 * Everything the gateway rules look at, read from the database inside the caller's
 * transaction, so a decision is judged on the same rows it then changes.
 */
export async function loadGatewaySnapshot(tx: Tx, schemeId: string, now: Date): Promise<GatewaySnapshot> {
  const scheme = await tx.scheme.findUniqueOrThrow({
    where: { id: schemeId },
    include: { _count: { select: { milestones: true, kpis: true, risks: true } } },
  });
  // Sequential: inside a transaction every query shares one connection.
  const months = await tx.schemeMonth.findMany({
    where: { schemeId, financialYear: scheme.financialYear },
    select: { month: true, planPence: true, actualPence: true },
  });
  const states = await loadAssessmentStates(tx, schemeId);
  const plan: (number | null)[] = Array.from({ length: 12 }, () => null);
  const actual: (number | null)[] = Array.from({ length: 12 }, () => null);
  for (const m of months) {
    plan[m.month - 1] = m.planPence === null ? null : Number(m.planPence);
    actual[m.month - 1] = m.actualPence === null ? null : Number(m.actualPence);
  }
  return {
    title: scheme.title,
    description: scheme.description,
    hasLead: Boolean(scheme.leadId),
    hasOrganisation: Boolean(scheme.organisationId),
    hasWorkstream: scheme.workstreamId !== null,
    hasCategory: Boolean(scheme.category),
    recurrenceStated: typeof scheme.recurrent === "boolean",
    fullYearEffectPence: Number(scheme.fullYearEffectPence),
    inYearValuePence: Number(scheme.inYearValuePence),
    financialYear: scheme.financialYear,
    startMonth: scheme.startMonth,
    plan,
    actual,
    elapsedMonths: elapsedMonths(scheme.financialYear, now),
    activityCount: scheme._count.milestones,
    kpiCount: scheme._count.kpis,
    riskCount: scheme._count.risks,
    // The scheme form always records the three WTE figures (0 is a statement: no change).
    wteStated: true,
    qia: states.qia,
    eia: states.eia,
    financeValidatedBenefit: scheme.benefitValidatedAt !== null,
  };
}
