import type { Actor } from "@/server/auth/actor";
import { db } from "@/server/db";
import { forbidden, isUniqueViolation, notFound } from "@/server/errors";
import { recordAudit } from "@/modules/audit/record-audit";
import { canEditScheme, schemeScope } from "@/modules/schemes/scheme-access";
import { conflict } from "./qia-write-helpers";
import type { StartQiaInput } from "./quality-schemas";

/** Starts a scheme's QIA: version 1, screened against the organisation's threshold of today. */
export async function startQia(actor: Actor, input: StartQiaInput) {
  try {
    return await db().$transaction(async (tx) => {
      const scheme = await tx.scheme.findFirst({
        where: { id: input.schemeId, ...schemeScope(actor) },
        select: { id: true, organisationId: true, leadId: true, organisation: { select: { qiaThreshold: true } } },
      });
      if (!scheme) throw notFound("The scheme");
      if (!canEditScheme(actor, scheme))
        throw forbidden("Only the scheme's lead, finance or the PMO can start its QIA.");
      if (await tx.qualityAssessment.findFirst({ where: { schemeId: scheme.id }, select: { id: true } }))
        throw conflict("This scheme's QIA has already been started.");
      const qia = await tx.qualityAssessment.create({
        data: {
          schemeId: scheme.id,
          number: 1,
          threshold: scheme.organisation.qiaThreshold,
          createdById: actor.userId,
        },
      });
      await recordAudit(tx, actor, {
        action: "qia.start",
        entityType: "quality_assessment",
        entityId: qia.id,
        organisationId: scheme.organisationId,
        after: qia,
      });
      return qia;
    });
  } catch (error) {
    // Two people starting it at once: the second finds it started.
    if (isUniqueViolation(error)) throw conflict("This scheme's QIA has already been started.");
    throw error;
  }
}
