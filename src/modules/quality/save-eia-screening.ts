import type { Actor } from "@/server/auth/actor";
import { db } from "@/server/db";
import { forbidden } from "@/server/errors";
import { recordAudit } from "@/modules/audit/record-audit";
import { canEditScheme } from "@/modules/schemes/scheme-access";
import { isFullEiaRequired } from "./eia-rules";
import { BACK_TO_DRAFT, assertEiaVersion, lockEia, updateEiaVersion } from "./eia-write-helpers";
import type { SaveEiaScreeningInput } from "./equality-schemas";

/** Saves the screening of all nine protected characteristics; a negative impact requires the full EIA. */
export async function saveEiaScreening(actor: Actor, input: SaveEiaScreeningInput) {
  return db().$transaction(async (tx) => {
    const eia = await lockEia(tx, actor, input.assessmentId);
    if (!canEditScheme(actor, eia.scheme))
      throw forbidden("Only the scheme's lead, finance or the PMO can change its EIA.");
    assertEiaVersion(eia, input.version);
    for (const { characteristic, impact, note } of input.screening) {
      await tx.equalityScreening.upsert({
        where: { assessmentId_characteristic: { assessmentId: eia.id, characteristic } },
        create: { assessmentId: eia.id, characteristic, impact, note },
        update: { impact, note },
      });
    }
    const after = await updateEiaVersion(tx, eia, {
      ...BACK_TO_DRAFT,
      screeningComplete: true,
      fullRequired: isFullEiaRequired(input.screening),
    });
    const { scheme: _scheme, ...before } = eia;
    void _scheme;
    await recordAudit(tx, actor, {
      action: "eia.screening.save",
      entityType: "equality_assessment",
      entityId: eia.id,
      organisationId: eia.scheme.organisationId,
      before,
      after,
    });
    return after;
  });
}
