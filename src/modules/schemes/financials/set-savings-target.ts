import { recordAudit } from "@/modules/audit/record-audit";
import type { Actor } from "@/server/auth/actor";
import { assertCan } from "@/server/auth/actor";
import { db } from "@/server/db";
import type { SetSavingsTargetInput } from "./financials-schemas";

/** Finance sets (or replaces) their organisation's savings target for a financial year. */
export async function setSavingsTarget(actor: Actor, input: SetSavingsTargetInput) {
  assertCan(actor, "target.manage", input.organisationId, "Only finance can set the savings target.");
  const key = { organisationId: input.organisationId, financialYear: input.financialYear };
  return db().$transaction(async (tx) => {
    const before = await tx.savingsTarget.findUnique({ where: { organisationId_financialYear: key } });
    const after = await tx.savingsTarget.upsert({
      where: { organisationId_financialYear: key },
      create: { ...key, targetPence: BigInt(input.target) },
      update: { targetPence: BigInt(input.target) },
    });
    await recordAudit(tx, actor, {
      action: "savings-target.set",
      entityType: "organisation",
      entityId: input.organisationId,
      organisationId: input.organisationId,
      before,
      after,
    });
    return after;
  });
}
