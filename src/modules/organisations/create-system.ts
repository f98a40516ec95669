import type { Actor } from "@/server/auth/actor";
import { db } from "@/server/db";
import { DomainError, forbidden, isUniqueViolation } from "@/server/errors";
import { recordAudit } from "@/modules/audit/record-audit";
import { organisationClash } from "./organisation-clash";
import type { CreateSystemInput } from "./organisation-schemas";
import { createsSystems } from "./system-administration";

const SYSTEM_TAKEN = "A system with this name already exists";
const ICB_FIELDS = { name: "icbName", code: "icbCode", odsCode: "icbOdsCode" };

/**
 * A platform administrator creates an integrated care system and its ICB in one transaction
 * (issue 11 item 2); the system's trusts are then added with createOrganisation.
 */
export async function createSystem(actor: Actor, input: CreateSystemInput) {
  if (!createsSystems(actor)) throw forbidden("Only a platform administrator can create a system.");

  const icb = { name: input.icbName, code: input.icbCode, odsCode: input.icbOdsCode, fields: ICB_FIELDS };
  const checkClashes = async () => {
    const taken = await db().healthSystem.findFirst({
      where: { name: { equals: input.name, mode: "insensitive" } },
      select: { id: true },
    });
    if (taken) return new DomainError("CONFLICT", SYSTEM_TAKEN, { name: [SYSTEM_TAKEN] });
    return organisationClash(icb);
  };
  const clash = await checkClashes();
  if (clash) throw clash;

  try {
    return await db().$transaction(async (tx) => {
      const system = await tx.healthSystem.create({ data: { name: input.name } });
      const organisation = await tx.organisation.create({
        data: {
          name: input.icbName,
          code: input.icbCode,
          odsCode: input.icbOdsCode,
          kind: "ICB",
          type: "ICB",
          systemId: system.id,
        },
      });
      await recordAudit(tx, actor, {
        action: "system.create",
        entityType: "health_system",
        entityId: system.id,
        organisationId: organisation.id,
        after: { system, icb: organisation },
      });
      return { system, icb: organisation };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw (await checkClashes()) ?? error;
    throw error;
  }
}
