import type { Actor } from "@/server/auth/actor";
import { db, type Tx } from "@/server/db";
import { forbidden, invalidField } from "@/server/errors";
import { recordAudit } from "@/modules/audit/record-audit";
import { canEditScheme } from "@/modules/schemes/scheme-access";
import { assertEditable } from "./qia-edit-guard";
import { assertVersion, conflict, lockQia, updateQiaVersion } from "./qia-write-helpers";
import type { IndicatorRow, SaveFullQiaInput } from "./quality-schemas";

/**
 * Saves the full QIA (part done is fine; completeness is checked on submission): per dimension
 * its description, mitigations and residual score; the impact summary and review date; and
 * the quality indicators, which are KPIs of the scheme (the "quality guardrails").
 */
export async function saveFullQia(actor: Actor, input: SaveFullQiaInput) {
  return db().$transaction(async (tx) => {
    const qia = await lockQia(tx, actor, input.assessmentId);
    if (!canEditScheme(actor, qia.scheme))
      throw forbidden("Only the scheme's lead, finance or the PMO can change its QIA.");
    assertVersion(qia, input.version);
    assertEditable(qia);
    if (!qia.screeningComplete) throw conflict("Finish the screening before writing the full QIA.");
    if (!qia.fullRequired)
      throw conflict("Screening found no negative impact above the threshold, so no full QIA is needed.");
    const before = await tx.qualityAssessment.findUniqueOrThrow({
      where: { id: qia.id },
      include: { dimensions: true },
    });
    for (const d of input.dimensions) {
      if (!before.dimensions.some((x) => x.dimensionId === d.dimensionId))
        throw invalidField(`description.${d.dimensionId}`, "Answer this dimension's screening first");
      const { dimensionId, ...fields } = d;
      await tx.qualityAssessmentDimension.update({
        where: { assessmentId_dimensionId: { assessmentId: qia.id, dimensionId } },
        data: fields,
      });
    }
    const indicators = await saveIndicators(tx, qia.scheme.id, input.indicators);
    const after = await updateQiaVersion(tx, qia, {
      status: "DRAFT",
      impactSummary: input.impactSummary,
      reviewDate: input.reviewDate,
    });
    await recordAudit(tx, actor, {
      action: "qia.full.save",
      entityType: "quality_assessment",
      entityId: qia.id,
      organisationId: qia.scheme.organisationId,
      before,
      after: { ...after, indicators },
    });
    return after;
  });
}

/** Creates, changes and removes the scheme's quality indicators; returns them as they now are. */
async function saveIndicators(tx: Tx, schemeId: string, rows: IndicatorRow[]) {
  const existing = await tx.kpi.findMany({ where: { schemeId, qualityIndicator: true }, select: { id: true } });
  for (const row of rows) {
    const data = {
      name: row.name,
      unit: row.unit,
      direction: row.direction,
      baseline: row.baseline,
      target: row.target,
    };
    if (row.id === null) {
      await tx.kpi.create({ data: { schemeId, qualityIndicator: true, ...data } });
      continue;
    }
    if (!existing.some((k) => k.id === row.id))
      throw invalidField(`indicators.${row.index}.name`, "This indicator is no longer on the QIA; reload the page");
    if (row.remove) await tx.kpi.delete({ where: { id: row.id } });
    else await tx.kpi.update({ where: { id: row.id }, data: { ...data, version: { increment: 1 } } });
  }
  return tx.kpi.findMany({ where: { schemeId, qualityIndicator: true }, orderBy: { createdAt: "asc" } });
}
