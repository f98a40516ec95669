import { assertCan, type Actor } from "@/server/auth/actor";
import { db } from "@/server/db";
import { DomainError, isUniqueViolation } from "@/server/errors";
import { recordAudit } from "@/modules/audit/record-audit";
import type { CreateDivisionInput } from "./organisation-schemas";

const CLASH = "This organisation already has a division with this name";

export async function createDivision(actor: Actor, input: CreateDivisionInput) {
  assertCan(
    actor,
    "organisation.manage",
    input.organisationId,
    "Only an administrator of this organisation can add divisions.",
  );
  const clash = await db().division.findFirst({
    where: { organisationId: input.organisationId, name: { equals: input.name, mode: "insensitive" } },
    select: { id: true },
  });
  if (clash) throw new DomainError("CONFLICT", CLASH, { name: [CLASH] });
  try {
    return await db().$transaction(async (tx) => {
      const division = await tx.division.create({ data: input });
      await recordAudit(tx, actor, {
        action: "division.create",
        entityType: "division",
        entityId: division.id,
        organisationId: division.organisationId,
        after: division,
      });
      return division;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new DomainError("CONFLICT", CLASH, { name: [CLASH] });
    throw error;
  }
}
