import type { Actor } from "@/server/auth/actor";
import { db } from "@/server/db";
import { forbidden } from "@/server/errors";
import { recordAudit } from "@/modules/audit/record-audit";
import { eiaSignOffRefusal } from "./eia-rules";
import { eiaSignatoryAt } from "./quality-access";
import { assertEiaVersion, lockEia, updateEiaVersion } from "./eia-write-helpers";
import { conflict } from "./qia-write-helpers";
import type { SignEiaInput } from "./equality-schemas";

/** A clinical approver or the finance director (never the scheme's lead) approves or rejects an EIA. */
export async function signEia(actor: Actor, input: SignEiaInput, now = new Date()) {
  return db().$transaction(async (tx) => {
    const eia = await lockEia(tx, actor, input.assessmentId);
    const refusal = eiaSignOffRefusal(eiaSignatoryAt(actor, eia.scheme.organisationId), eia.scheme);
    if (refusal) throw forbidden(refusal);
    if (eia.status !== "AWAITING_SIGN_OFF") throw conflict("This EIA is not awaiting sign-off.");
    assertEiaVersion(eia, input.version);
    const after = await updateEiaVersion(tx, eia, {
      status: input.outcome,
      signedOffById: actor.userId,
      signedOffAt: now,
      signOffComment: input.comment ?? null,
    });
    await recordAudit(tx, actor, {
      action: "eia.sign",
      entityType: "equality_assessment",
      entityId: eia.id,
      organisationId: eia.scheme.organisationId,
      before: { status: eia.status },
      after: { status: after.status, signedOffById: actor.userId, signOffComment: after.signOffComment },
    });
    return after;
  });
}
