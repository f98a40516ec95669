import type { Actor } from "@/server/auth/actor";
import type { Tx } from "@/server/db";
import { notFound, stale } from "@/server/errors";
import { eiaScope } from "./quality-access";

/** Loads an EIA for a write after locking its row (see lockQia), scoped to the actor. */
export async function lockEia(tx: Tx, actor: Actor, assessmentId: string) {
  await tx.$queryRaw`SELECT id FROM equality_assessment WHERE id = ${assessmentId}::uuid FOR UPDATE`;
  const eia = await tx.equalityAssessment.findFirst({
    where: { id: assessmentId, ...eiaScope(actor) },
    include: { scheme: { select: { id: true, organisationId: true, leadId: true } }, screening: true },
  });
  if (!eia) throw notFound("The EIA");
  return eia;
}

export function assertEiaVersion(eia: { version: number }, version: number): void {
  if (eia.version !== version) throw stale("The EIA");
}

/**
 * Writes `data` and the next version, only if nobody changed the row meanwhile. Changing the
 * content of an EIA that was sent for or given sign-off returns it to draft; the old sign-off
 * stays in the audit log (the caller's audit event carries it as `before`).
 */
export async function updateEiaVersion(
  tx: Tx,
  eia: { id: string; version: number },
  data: Parameters<Tx["equalityAssessment"]["updateMany"]>[0]["data"],
) {
  const { count } = await tx.equalityAssessment.updateMany({
    where: { id: eia.id, version: eia.version },
    data: { ...data, version: { increment: 1 } },
  });
  if (count === 0) throw stale("The EIA");
  return tx.equalityAssessment.findUniqueOrThrow({ where: { id: eia.id }, include: { screening: true } });
}

export const BACK_TO_DRAFT = { status: "DRAFT", signedOffById: null, signedOffAt: null, signOffComment: null } as const;
