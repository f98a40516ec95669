import type { Actor } from "@/server/auth/actor";
import { db } from "@/server/db";
import { forbidden } from "@/server/errors";
import { recordAudit } from "@/modules/audit/record-audit";
import { canEditScheme } from "@/modules/schemes/scheme-access";
import { BACK_TO_DRAFT, assertEiaVersion, lockEia, updateEiaVersion } from "./eia-write-helpers";
import { conflict } from "./qia-write-helpers";
import type { SaveFullEiaInput } from "./equality-schemas";

/** Saves the full EIA (analysis, mitigations, engagement); part done is fine until submission. */
export async function saveFullEia(actor: Actor, input: SaveFullEiaInput) {
  return db().$transaction(async (tx) => {
    const eia = await lockEia(tx, actor, input.assessmentId);
    if (!canEditScheme(actor, eia.scheme))
      throw forbidden("Only the scheme's lead, finance or the PMO can change its EIA.");
    assertEiaVersion(eia, input.version);
    if (!eia.fullRequired)
      throw conflict("Screening found no negative impact on a protected characteristic, so no full EIA is needed.");
    const after = await updateEiaVersion(tx, eia, {
      ...BACK_TO_DRAFT,
      analysis: input.analysis ?? null,
      mitigations: input.mitigations ?? null,
      engagement: input.engagement ?? null,
    });
    const { scheme: _scheme, ...before } = eia;
    void _scheme;
    await recordAudit(tx, actor, {
      action: "eia.full.save",
      entityType: "equality_assessment",
      entityId: eia.id,
      organisationId: eia.scheme.organisationId,
      before,
      after,
    });
    return after;
  });
}
