import { z } from "zod";
import { uuidField } from "@/lib/form-fields";
import { recordAudit } from "@/modules/audit/record-audit";
import { poundsField } from "@/modules/programmes/programme-schemas";
import { can, organisationOf, type Actor } from "@/server/auth/actor";
import { db } from "@/server/db";
import { forbidden } from "@/server/errors";

export const setGatewaySettingsSchema = z.object({
  organisationId: uuidField("an organisation"),
  directorThreshold: poundsField("full-year effect from which the finance director decides"),
  qiaThreshold: z.coerce
    .number({ error: "Enter the QIA screening threshold as a whole number from 1 to 24" })
    .int("Enter the QIA screening threshold as a whole number from 1 to 24")
    .min(1, "Enter the QIA screening threshold as a whole number from 1 to 24")
    .max(24, "Enter the QIA screening threshold as a whole number from 1 to 24"),
});
export type SetGatewaySettingsInput = z.infer<typeof setGatewaySettingsSchema>;

export async function findGatewaySettings(organisationId: string) {
  const o = await db().organisation.findUniqueOrThrow({
    where: { id: organisationId },
    select: { directorThresholdPence: true, qiaThreshold: true },
  });
  return { directorThresholdPence: Number(o.directorThresholdPence), qiaThreshold: o.qiaThreshold };
}

/**
 * The finance director sets the value from which gateways need them rather than the PMO, and
 * the QIA screening threshold. The PMO may not: it would decide its own approval limit.
 */
export async function setGatewaySettings(actor: Actor, input: SetGatewaySettingsInput) {
  const director =
    can(actor, "gateway.decide", input.organisationId) &&
    organisationOf(actor, input.organisationId)?.financeCapacities.includes("DIRECTOR");
  if (!director)
    throw forbidden("Only the finance director of this organisation can change the gateway and QIA thresholds.");
  return db().$transaction(async (tx) => {
    const before = await tx.organisation.findUniqueOrThrow({
      where: { id: input.organisationId },
      select: { directorThresholdPence: true, qiaThreshold: true },
    });
    const after = await tx.organisation.update({
      where: { id: input.organisationId },
      data: {
        directorThresholdPence: BigInt(input.directorThreshold),
        qiaThreshold: input.qiaThreshold,
        version: { increment: 1 },
      },
      select: { directorThresholdPence: true, qiaThreshold: true },
    });
    await recordAudit(tx, actor, {
      action: "gateway-settings.set",
      entityType: "organisation",
      entityId: input.organisationId,
      organisationId: input.organisationId,
      before,
      after,
    });
    return after;
  });
}
