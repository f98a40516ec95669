import type { Actor } from "@/server/auth/actor";
import type { Tx } from "@/server/db";
import { DomainError, notFound, stale } from "@/server/errors";
import { isFullQiaRequired, isScreeningComplete } from "./qia-rules";
import { qiaScope } from "./quality-access";

/**
 * Loads a QIA version for a write, with its scheme and sign-offs, after locking its row: the
 * writes to one QIA (two signatories at the same moment, an edit and a signature) then run one
 * after the other, so each sees the other's result.
 */
export async function lockQia(tx: Tx, actor: Actor, assessmentId: string) {
  await tx.$queryRaw`SELECT id FROM quality_assessment WHERE id = ${assessmentId}::uuid FOR UPDATE`;
  const qia = await tx.qualityAssessment.findFirst({
    where: { id: assessmentId, ...qiaScope(actor) },
    include: {
      scheme: { select: { id: true, organisationId: true, leadId: true } },
      signOffs: { select: { id: true, userId: true, capacity: true, outcome: true } },
    },
  });
  if (!qia) throw notFound("The QIA");
  return qia;
}

export type LockedQia = Awaited<ReturnType<typeof lockQia>>;

/** Optimistic concurrency: the version the user loaded must still be the stored one. */
export function assertVersion(qia: { version: number }, version: number): void {
  if (qia.version !== version) throw stale("The QIA");
}

export const conflict = (message: string) => new DomainError("CONFLICT", message);

/** Writes `data` and the next version number, only if nobody changed the row meanwhile. */
export async function updateQiaVersion(
  tx: Tx,
  qia: { id: string; version: number },
  data: Parameters<Tx["qualityAssessment"]["updateMany"]>[0]["data"],
) {
  const { count } = await tx.qualityAssessment.updateMany({
    where: { id: qia.id, version: qia.version },
    data: { ...data, version: { increment: 1 } },
  });
  if (count === 0) throw stale("The QIA");
  return tx.qualityAssessment.findUniqueOrThrow({ where: { id: qia.id }, include: { dimensions: true } });
}

/**
 * The next version of a QIA: a draft copying the answers and the full QIA, at the
 * organisation's threshold of today, needing both signatures again; the old one is superseded.
 * The committee's override is not copied: it accepted the old version's scores.
 */
export async function startNextVersion(tx: Tx, old: LockedQia, createdById: string) {
  const organisation = await tx.organisation.findUniqueOrThrow({
    where: { id: old.scheme.organisationId },
    select: { qiaThreshold: true },
  });
  // Sequential: a transaction's one connection runs one query at a time.
  const dimensions = await tx.qualityAssessmentDimension.findMany({ where: { assessmentId: old.id } });
  const active = await tx.qualityDimension.findMany({ where: { active: true }, select: { id: true } });
  const activeIds = active.map((d) => d.id);
  const answered = dimensions.filter((d) => activeIds.includes(d.dimensionId));
  const superseded = await updateQiaVersion(tx, old, { status: "SUPERSEDED" });
  const next = await tx.qualityAssessment.create({
    data: {
      schemeId: old.schemeId,
      number: old.number + 1,
      threshold: organisation.qiaThreshold,
      screeningComplete: isScreeningComplete(
        activeIds,
        answered.map((d) => d.dimensionId),
      ),
      fullRequired: isFullQiaRequired(answered, organisation.qiaThreshold),
      impactSummary: old.impactSummary,
      reviewDate: old.reviewDate,
      createdById,
      dimensions: {
        create: dimensions.map(({ assessmentId: _a, ...d }) => {
          void _a;
          return d;
        }),
      },
    },
    include: { dimensions: true },
  });
  return { superseded, next };
}
