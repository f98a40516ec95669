import type { Actor } from "@/server/auth/actor";
import { db } from "@/server/db";
import { DomainError, isUniqueViolation, stale } from "@/server/errors";
import { recordAudit } from "@/modules/audit/record-audit";
import { PROGRAMME_NAME_TAKEN } from "./create-programme";
import { loadManageableProgramme } from "./load-for-write";
import type { SetProgrammeTargetInput, UpdateProgrammeInput } from "./programme-schemas";

export async function updateProgramme(actor: Actor, input: UpdateProgrammeInput) {
  try {
    return await db().$transaction(async (tx) => {
      const before = await loadManageableProgramme(tx, actor, input.programmeId);
      const clash = await tx.programme.findFirst({
        where: { systemId: before.systemId, id: { not: before.id }, name: { equals: input.name, mode: "insensitive" } },
        select: { id: true },
      });
      if (clash) throw new DomainError("CONFLICT", PROGRAMME_NAME_TAKEN, { name: [PROGRAMME_NAME_TAKEN] });
      // Optimistic concurrency: only the version the user saw may be changed.
      const { count } = await tx.programme.updateMany({
        where: { id: before.id, version: input.version },
        data: {
          theme: input.theme,
          name: input.name,
          objective: input.objective,
          sro: input.sro ?? null,
          version: { increment: 1 },
        },
      });
      if (count === 0) throw stale("The programme");
      const after = await tx.programme.findUniqueOrThrow({ where: { id: before.id } });
      await recordAudit(tx, actor, {
        action: "programme.update",
        entityType: "programme",
        entityId: before.id,
        organisationId: before.organisationId,
        before,
        after,
      });
      return after;
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw new DomainError("CONFLICT", PROGRAMME_NAME_TAKEN, { name: [PROGRAMME_NAME_TAKEN] });
    throw error;
  }
}

/** Sets (or replaces) the programme's savings target for one financial year. */
export async function setProgrammeTarget(actor: Actor, input: SetProgrammeTargetInput) {
  return db().$transaction(async (tx) => {
    const programme = await loadManageableProgramme(tx, actor, input.programmeId);
    const key = { programmeId: programme.id, financialYear: input.financialYear };
    const before = await tx.programmeTarget.findUnique({ where: { programmeId_financialYear: key } });
    const after = await tx.programmeTarget.upsert({
      where: { programmeId_financialYear: key },
      create: { ...key, targetPence: BigInt(input.target) },
      update: { targetPence: BigInt(input.target) },
    });
    await recordAudit(tx, actor, {
      action: "programme.target.set",
      entityType: "programme",
      entityId: programme.id,
      organisationId: programme.organisationId,
      before,
      after,
    });
    return after;
  });
}
