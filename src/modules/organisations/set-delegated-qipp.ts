import { recordAudit } from "@/modules/audit/record-audit";
import type { Actor } from "@/server/auth/actor";
import { db } from "@/server/db";
import { forbidden, invalidField, notFound } from "@/server/errors";
import type { SetDelegatedQippInput } from "./organisation-schemas";
import { administersSystem } from "./system-administration";

/**
 * An administrator of the system's ICB records whether the ICB delegates QIPP-style schemes to
 * one of its trusts (so the trust holds a QIPP target and QIPP schemes beside its CIP).
 */
export async function setDelegatedQipp(actor: Actor, input: SetDelegatedQippInput) {
  const organisation = await db().organisation.findUnique({
    where: { id: input.organisationId },
    select: { id: true, type: true, systemId: true, holdsDelegatedQipp: true },
  });
  if (!organisation) throw notFound("The organisation");
  if (!administersSystem(actor, organisation.systemId))
    throw forbidden("Only an administrator of the system's ICB can change what its trusts hold.");
  if (organisation.type === "ICB") {
    throw invalidField("holdsDelegatedQipp", "An ICB holds QIPP itself; only a trust can be delegated QIPP.");
  }
  return db().$transaction(async (tx) => {
    const after = await tx.organisation.update({
      where: { id: organisation.id },
      data: { holdsDelegatedQipp: input.holdsDelegatedQipp, version: { increment: 1 } },
      select: { id: true, holdsDelegatedQipp: true },
    });
    await recordAudit(tx, actor, {
      action: "organisation.delegated-qipp.set",
      entityType: "organisation",
      entityId: organisation.id,
      organisationId: organisation.id,
      before: { holdsDelegatedQipp: organisation.holdsDelegatedQipp },
      after: { holdsDelegatedQipp: after.holdsDelegatedQipp },
    });
    return after;
  });
}
