import { monthStart, type FinancialMonth } from "@/lib/financial-year";
import type { Actor } from "@/server/auth/actor";
import { db } from "@/server/db";
import { DomainError, forbidden, invalidField, isUniqueViolation, notFound, stale } from "@/server/errors";
import { recordAudit } from "@/modules/audit/record-audit";
import type { RecordChangePointInput, RemoveChangePointInput, SaveSpcSettingsInput } from "./spc-schemas";
import { monthPointLabel } from "./spc-series";
import { findSpcSubject, type SpcSubjectInfo } from "./spc-subject";

const REFUSED = "Only finance or the PMO of the chart's owner can change its SPC settings and change points.";

function assertConfigure(info: SpcSubjectInfo): void {
  if (!info.canConfigure) throw forbidden(REFUSED);
}

/**
 * Screening on or off and the baseline length of one chart. Version 0 creates the row (the
 * chart had the defaults); otherwise the row must still be at that version.
 */
export async function saveSpcSettings(actor: Actor, input: SaveSpcSettingsInput) {
  try {
    return await db().$transaction(async (tx) => {
      const info = await findSpcSubject(tx, actor, input.subject, input.subjectId);
      assertConfigure(info);
      const key = { subject: input.subject, subjectId: input.subjectId };
      const before = await tx.spcChartSetting.findUnique({ where: { subject_subjectId: key } });
      const data = { screenMovingRanges: input.screenMovingRanges, baselinePoints: input.baselinePoints };
      let after;
      if (input.version === 0) {
        if (before) throw stale("The chart's settings");
        after = await tx.spcChartSetting.create({ data: { ...key, ...data } });
      } else {
        const { count } = await tx.spcChartSetting.updateMany({
          where: { ...key, version: input.version },
          data: { ...data, version: { increment: 1 } },
        });
        if (count === 0) throw stale("The chart's settings");
        after = await tx.spcChartSetting.findUniqueOrThrow({ where: { subject_subjectId: key } });
      }
      await recordAudit(tx, actor, {
        action: "spc.settings.save",
        entityType: "spc_chart",
        entityId: input.subjectId,
        organisationId: info.organisationId,
        before: before ?? { subject: input.subject, screenMovingRanges: true, baselinePoints: null, defaults: true },
        after,
      });
      return { setting: after, info };
    });
  } catch (error) {
    // Two people saving the defaults at once: the second is told, as with any stale version.
    if (!(error instanceof DomainError) && isUniqueViolation(error)) throw stale("The chart's settings");
    throw error;
  }
}

/** A rebase from this month on: the month starts a new segment with its own limits. */
export async function recordChangePoint(actor: Actor, input: RecordChangePointInput, now = new Date()) {
  const when = monthPointLabel(input.financialYear, input.month);
  try {
    return await db().$transaction(async (tx) => {
      const info = await findSpcSubject(tx, actor, input.subject, input.subjectId);
      assertConfigure(info);
      // A change in a month that has not started is a plan, not a record.
      if (monthStart(input.financialYear, input.month as FinancialMonth).getTime() > now.getTime()) {
        throw invalidField("month", "A change point must be in a month that has started");
      }
      const existing = await tx.spcChangePoint.findUnique({
        where: {
          subject_subjectId_financialYear_month: {
            subject: input.subject,
            subjectId: input.subjectId,
            financialYear: input.financialYear,
            month: input.month,
          },
        },
      });
      if (existing) throw invalidField("month", `This chart already has a change point at ${when}`);
      const changePoint = await tx.spcChangePoint.create({
        data: {
          subject: input.subject,
          subjectId: input.subjectId,
          financialYear: input.financialYear,
          month: input.month,
          reason: input.reason,
          recordedById: actor.userId,
        },
      });
      await recordAudit(tx, actor, {
        action: "spc.change_point.record",
        entityType: "spc_change_point",
        entityId: changePoint.id,
        organisationId: info.organisationId,
        after: changePoint,
      });
      return { changePoint, info };
    });
  } catch (error) {
    if (!(error instanceof DomainError) && isUniqueViolation(error)) {
      throw invalidField("month", `This chart already has a change point at ${when}`);
    }
    throw error;
  }
}

/** Removes a recorded change point, with the reason kept in the audit log. */
export async function removeChangePoint(actor: Actor, input: RemoveChangePointInput) {
  return db().$transaction(async (tx) => {
    const changePoint = await tx.spcChangePoint.findUnique({ where: { id: input.changePointId } });
    if (!changePoint) throw notFound("The change point");
    const info = await findSpcSubject(tx, actor, changePoint.subject, changePoint.subjectId);
    assertConfigure(info);
    // Deleting by id and version-free is safe: the row is either still there or already gone.
    const { count } = await tx.spcChangePoint.deleteMany({ where: { id: changePoint.id } });
    if (count === 0) throw notFound("The change point");
    await recordAudit(tx, actor, {
      action: "spc.change_point.remove",
      entityType: "spc_change_point",
      entityId: changePoint.id,
      organisationId: info.organisationId,
      before: changePoint,
      after: { removedBecause: input.reason },
    });
    return { changePoint, info };
  });
}
