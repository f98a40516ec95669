import type { Actor } from "@/server/auth/actor";
import { db } from "@/server/db";
import { DomainError, forbidden, isUniqueViolation } from "@/server/errors";
import { recordAudit } from "@/modules/audit/record-audit";
import type { CreateOrganisationInput } from "./organisation-schemas";
import { organisationClash } from "./organisation-clash";
import { typeOfKind } from "./organisation-kinds";
import { administersSystem } from "./system-administration";

const ONE_ICB = "This system already has its ICB; a system has one";

/**
 * An administrator of a system's ICB (or a platform administrator) adds an organisation of any
 * NHS kind to that system. A system has one ICB, made with the system.
 */
export async function createOrganisation(actor: Actor, input: CreateOrganisationInput) {
  if (!administersSystem(actor, input.systemId))
    throw forbidden("Only an administrator of the system's ICB can add organisations to it.");

  const type = typeOfKind(input.kind);
  const system = await db().healthSystem.findUnique({
    where: { id: input.systemId },
    select: { organisations: { where: { type: "ICB" }, select: { id: true } } },
  });
  if (!system) throw new DomainError("NOT_FOUND", "The system was not found.", { systemId: ["Choose the system"] });
  if (type === "ICB" && system.organisations.length > 0)
    throw new DomainError("CONFLICT", ONE_ICB, { kind: [ONE_ICB] });

  const clash = await organisationClash(input);
  if (clash) throw clash;

  try {
    return await db().$transaction(async (tx) => {
      const organisation = await tx.organisation.create({
        data: {
          name: input.name,
          code: input.code,
          odsCode: input.odsCode,
          kind: input.kind,
          type,
          systemId: input.systemId,
        },
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
    // Lost a race with another administrator: say which field clashed.
    if (isUniqueViolation(error))
      throw (
        (await organisationClash(input)) ??
        (type === "ICB" ? new DomainError("CONFLICT", ONE_ICB, { kind: [ONE_ICB] }) : error)
      );
    throw error;
  }
}
