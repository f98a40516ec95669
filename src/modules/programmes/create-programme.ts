import type { Actor } from "@/server/auth/actor";
import { db } from "@/server/db";
import { DomainError, forbidden, isUniqueViolation } from "@/server/errors";
import { recordAudit } from "@/modules/audit/record-audit";
import { canManageProgramme, programmeOwnersFor } from "./programme-access";
import type { CreateProgrammeInput } from "./programme-schemas";

export const PROGRAMME_NAME_TAKEN = "A programme with this name already exists in this system";

export async function createProgramme(actor: Actor, input: CreateProgrammeInput) {
  const owner = programmeOwnersFor(actor).find((o) => o.value === input.owner);
  if (!owner || !canManageProgramme(actor, owner))
    throw forbidden("Only finance, the PMO or an administrator can create programmes here.");
  const clash = await db().programme.findFirst({
    where: { systemId: owner.systemId, name: { equals: input.name, mode: "insensitive" } },
    select: { id: true },
  });
  if (clash) throw new DomainError("CONFLICT", PROGRAMME_NAME_TAKEN, { name: [PROGRAMME_NAME_TAKEN] });
  try {
    return await db().$transaction(async (tx) => {
      const programme = await tx.programme.create({
        data: {
          systemId: owner.systemId,
          organisationId: owner.organisationId,
          theme: input.theme,
          name: input.name,
          objective: input.objective,
          sro: input.sro ?? null,
        },
      });
      await recordAudit(tx, actor, {
        action: "programme.create",
        entityType: "programme",
        entityId: programme.id,
        organisationId: programme.organisationId,
        after: programme,
      });
      return programme;
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw new DomainError("CONFLICT", PROGRAMME_NAME_TAKEN, { name: [PROGRAMME_NAME_TAKEN] });
    throw error;
  }
}
