import { recordAudit, recordDeniedAttempt } from "@/modules/audit/record-audit";
import { defaultProgrammeType, holdsProgrammeType, notHeldMessage } from "@/modules/organisations/programme-types";
import type { Actor } from "@/server/auth/actor";
import { assertCan } from "@/server/auth/actor";
import { db } from "@/server/db";
import { invalidField, notFound } from "@/server/errors";
import type { SetSavingsTargetInput } from "./financials-schemas";

/**
 * Finance sets (or replaces) their organisation's savings target for a financial year and a
 * programme type it holds (CIP at a trust, QIPP at an ICB, both at a trust with delegated QIPP).
 * A target for a type it does not hold is refused on the field, and the refusal audited.
 */
export async function setSavingsTarget(actor: Actor, input: SetSavingsTargetInput) {
  assertCan(actor, "target.manage", input.organisationId, "Only finance can set the savings target.");
  const organisation = await db().organisation.findUnique({
    where: { id: input.organisationId },
    select: { name: true, type: true, holdsDelegatedQipp: true },
  });
  if (!organisation) throw notFound("The organisation");
  const programmeType = input.programmeType ?? defaultProgrammeType(organisation);
  if (!holdsProgrammeType(organisation, programmeType)) {
    const error = invalidField("programmeType", notHeldMessage(organisation.name, programmeType));
    await recordDeniedAttempt(actor, "setSavingsTarget", input, { code: error.code, message: error.message });
    error.audited = true;
    throw error;
  }
  const key = {
    organisationId: input.organisationId,
    financialYear: input.financialYear,
    programmeType,
  };
  return db().$transaction(async (tx) => {
    const before = await tx.savingsTarget.findUnique({ where: { organisationId_financialYear_programmeType: key } });
    const after = await tx.savingsTarget.upsert({
      where: { organisationId_financialYear_programmeType: key },
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
