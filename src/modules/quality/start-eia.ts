import type { Actor } from "@/server/auth/actor";
import { db } from "@/server/db";
import { forbidden, isUniqueViolation, notFound } from "@/server/errors";
import { recordAudit } from "@/modules/audit/record-audit";
import { canEditScheme, schemeScope } from "@/modules/schemes/scheme-access";
import { conflict } from "./qia-write-helpers";
import type { StartEiaInput } from "./equality-schemas";

/** Starts a scheme's equality impact assessment (one per scheme). */
export async function startEia(actor: Actor, input: StartEiaInput) {
  try {
    return await db().$transaction(async (tx) => {
      const scheme = await tx.scheme.findFirst({
        where: { id: input.schemeId, ...schemeScope(actor) },
        select: { id: true, organisationId: true, leadId: true },
      });
      if (!scheme) throw notFound("The scheme");
      if (!canEditScheme(actor, scheme))
        throw forbidden("Only the scheme's lead, finance or the PMO can start its EIA.");
      if (await tx.equalityAssessment.findUnique({ where: { schemeId: scheme.id }, select: { id: true } }))
        throw conflict("This scheme's EIA has already been started.");
      const eia = await tx.equalityAssessment.create({ data: { schemeId: scheme.id } });
      await recordAudit(tx, actor, {
        action: "eia.start",
        entityType: "equality_assessment",
        entityId: eia.id,
        organisationId: scheme.organisationId,
        after: eia,
      });
      return eia;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict("This scheme's EIA has already been started.");
    throw error;
  }
}
