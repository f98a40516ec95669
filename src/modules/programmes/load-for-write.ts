import type { Actor } from "@/server/auth/actor";
import type { Tx } from "@/server/db";
import { forbidden, notFound } from "@/server/errors";
import { canManageProgramme, programmeScope } from "./programme-access";

/**
 * The programme a write is about, checked inside the transaction: it exists, the actor
 * can see it (else "not found", so ids of other organisations reveal nothing) and may
 * manage it.
 */
export async function loadManageableProgramme(tx: Tx, actor: Actor, programmeId: string) {
  const programme = await tx.programme.findFirst({ where: { id: programmeId, ...programmeScope(actor) } });
  if (!programme) throw notFound("The programme");
  if (!canManageProgramme(actor, programme))
    throw forbidden("Only finance, the PMO or an administrator can change this programme.");
  return programme;
}
