import { monthStart, type FinancialMonth } from "@/lib/financial-year";
import type { Actor } from "@/server/auth/actor";
import { db } from "@/server/db";
import { forbidden, invalidField, notFound, stale } from "@/server/errors";
import { recordAudit } from "@/modules/audit/record-audit";
import { canManageProgramme, holdsForProgramme, programmeScope } from "@/modules/programmes/programme-access";
import { canEditScheme, schemeScope } from "@/modules/schemes/scheme-access";
import type { RecordKpiActualInput } from "./kpi-schemas";

/**
 * The KPI's owner (a lead linked to the actor) or finance/PMO records a month's actual; a
 * scheme's KPI (a quality indicator) those who may edit the scheme (its lead, finance/PMO).
 */
export async function recordKpiActual(actor: Actor, input: RecordKpiActualInput, now = new Date()) {
  return db().$transaction(async (tx) => {
    const kpi = await tx.kpi.findFirst({
      where: { id: input.kpiId, OR: [{ programme: programmeScope(actor) }, { scheme: schemeScope(actor) }] },
      include: {
        programme: true,
        scheme: { select: { organisationId: true, leadId: true } },
        ownerLead: { select: { userId: true } },
      },
    });
    if (!kpi) throw notFound("The KPI");
    const { programme, scheme } = kpi;
    if (scheme) {
      if (!canEditScheme(actor, scheme))
        throw forbidden("Only the scheme's lead, finance or the PMO can record this KPI's actuals.");
    } else {
      if (!programme) throw notFound("The KPI");
      const owns = kpi.ownerLead?.userId === actor.userId && holdsForProgramme(actor, "kpi.update.own", programme);
      if (!owns && !canManageProgramme(actor, programme))
        throw forbidden("Only the KPI's owner, finance or the PMO can record its actuals.");
    }
    if (monthStart(input.financialYear, input.month as FinancialMonth).getTime() > now.getTime()) {
      throw invalidField("month", "You cannot record an actual for a month that has not started yet");
    }
    const { count } = await tx.kpi.updateMany({
      where: { id: kpi.id, version: input.version },
      data: { version: { increment: 1 } },
    });
    if (count === 0) throw stale("The KPI");
    const key = { kpiId: kpi.id, financialYear: input.financialYear, month: input.month };
    const before = await tx.kpiPoint.findUnique({ where: { kpiId_financialYear_month: key } });
    const after = await tx.kpiPoint.upsert({
      where: { kpiId_financialYear_month: key },
      create: { ...key, actual: input.actual },
      update: { actual: input.actual },
    });
    await recordAudit(tx, actor, {
      action: "kpi.actual.record",
      entityType: "kpi",
      entityId: kpi.id,
      organisationId: scheme?.organisationId ?? programme?.organisationId ?? null,
      before,
      after,
    });
    return { point: after, version: input.version + 1 };
  });
}
