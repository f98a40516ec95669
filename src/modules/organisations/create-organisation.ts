import type { Actor } from "@/server/auth/actor";
import { db } from "@/server/db";
import { DomainError, forbidden, isUniqueViolation } from "@/server/errors";
import { recordAudit } from "@/modules/audit/record-audit";
import type { CreateOrganisationInput } from "./organisation-schemas";
import { administersSystem } from "./system-administration";

/** An administrator of a system's ICB adds an organisation (a trust, or the ICB) to that system. */
export async function createOrganisation(actor: Actor, input: CreateOrganisationInput) {
  if (!administersSystem(actor, input.systemId))
    throw forbidden("Only an administrator of the system's ICB can add organisations to it.");

  const clash = await db().organisation.findFirst({
    where: { OR: [{ name: { equals: input.name, mode: "insensitive" } }, { code: input.code }] },
    select: { name: true, code: true },
  });
  if (clash) throw clashError(clash.code === input.code ? "code" : "name");

  try {
    return await db().$transaction(async (tx) => {
      const organisation = await tx.organisation.create({
        data: { name: input.name, code: input.code, type: input.type, systemId: input.systemId },
      });
      await recordAudit(tx, actor, {
        action: "organisation.create",
        entityType: "organisation",
        entityId: organisation.id,
        organisationId: organisation.id,
        after: organisation,
      });
      return organisation;
    });
  } catch (error) {
    // Lost a race with another admin: say which of the two unique fields clashed.
    if (isUniqueViolation(error)) {
      const codeTaken = await db().organisation.findUnique({ where: { code: input.code }, select: { id: true } });
      throw clashError(codeTaken ? "code" : "name");
    }
    throw error;
  }
}

function clashError(field: "name" | "code") {
  const message =
    field === "code" ? "Another organisation already uses this code" : "An organisation with this name already exists";
  return new DomainError("CONFLICT", message, { [field]: [message] });
}
