import type { Actor } from "@/server/auth/actor";
import { db } from "@/server/db";
import { DomainError, forbidden } from "@/server/errors";
import { recordAudit } from "@/modules/audit/record-audit";
import { canEditScheme } from "@/modules/schemes/scheme-access";
import { eiaGaps } from "./eia-rules";
import { assertEiaVersion, lockEia, updateEiaVersion } from "./eia-write-helpers";
import { conflict } from "./qia-write-helpers";
import type { EiaVersionInput } from "./equality-schemas";

/** Sends a complete EIA (screening, and the full EIA where required) for sign-off. */
export async function submitEiaForSignOff(actor: Actor, input: EiaVersionInput) {
  return db().$transaction(async (tx) => {
    const eia = await lockEia(tx, actor, input.assessmentId);
    if (!canEditScheme(actor, eia.scheme))
      throw forbidden("Only the scheme's lead, finance or the PMO can submit its EIA.");
    assertEiaVersion(eia, input.version);
    if (eia.status !== "DRAFT") throw conflict("Only a draft EIA can be sent for sign-off.");
    const gaps = eiaGaps(eia);
    if (gaps.length > 0) throw new DomainError("INVALID", `The EIA is not complete. ${gaps.join(" ")}`);
    const after = await updateEiaVersion(tx, eia, { status: "AWAITING_SIGN_OFF" });
    await recordAudit(tx, actor, {
      action: "eia.submit",
      entityType: "equality_assessment",
      entityId: eia.id,
      organisationId: eia.scheme.organisationId,
      before: { status: eia.status },
      after: { status: after.status },
    });
    return after;
  });
}
