import type { TrackedCondition } from "@/generated/prisma/client";
import { recordAudit } from "@/modules/audit/record-audit";
import type { Actor } from "@/server/auth/actor";
import type { Tx } from "@/server/db";
import { DomainError } from "@/server/errors";

/**
 * Records that a tracked condition (of a gateway approval or of a QIA sign-off) has been met.
 * Conditional on it being open, so of two people marking it at once, one records it and the
 * other gets a conflict. The caller has found the condition in scope and authorized the actor.
 */
export async function recordConditionMet(
  tx: Tx,
  actor: Actor,
  condition: TrackedCondition & { scheme: { organisationId: string } },
  note: string | null,
  now: Date,
  auditAction: string,
) {
  const { count } = await tx.trackedCondition.updateMany({
    where: { id: condition.id, metAt: null },
    data: { metAt: now, metById: actor.userId, metNote: note },
  });
  if (count === 0) throw new DomainError("CONFLICT", "This condition has already been marked met.");
  const after = await tx.trackedCondition.findUniqueOrThrow({ where: { id: condition.id } });
  const { scheme, ...before } = condition;
  await recordAudit(tx, actor, {
    action: auditAction,
    entityType: "tracked_condition",
    entityId: condition.id,
    organisationId: scheme.organisationId,
    before,
    after,
  });
  return after;
}
