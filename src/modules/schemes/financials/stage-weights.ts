import { z } from "zod";
import type { SchemeStage } from "@/generated/prisma/enums";
import { uuidField } from "@/lib/form-fields";
import { can, type Actor } from "@/server/auth/actor";
import { db } from "@/server/db";
import { forbidden } from "@/server/errors";
import { recordAudit } from "@/modules/audit/record-audit";
import { SCHEME_STAGES, stageWeights } from "../scheme-rules";

const weightField = (stage: string) =>
  z.coerce
    .number({ error: `Enter the ${stage} weight as a whole percentage` })
    .int(`Enter the ${stage} weight as a whole percentage`)
    .min(0, `The ${stage} weight must be between 0% and 100%`)
    .max(100, `The ${stage} weight must be between 0% and 100%`);

/** One field per stage, named after it, e.g. PLANNING=50. */
export const setStageWeightsSchema = z.object({
  organisationId: uuidField("an organisation"),
  OPPORTUNITY: weightField("opportunity"),
  PLANNING: weightField("planning"),
  DELIVERY: weightField("delivery"),
  COMPLETE: weightField("complete"),
  ON_HOLD: weightField("on hold"),
  REJECTED: weightField("rejected"),
  WITHDRAWN: weightField("withdrawn"),
}) satisfies z.ZodType<{ organisationId: string } & Record<SchemeStage, number>>;
export type SetStageWeightsInput = z.infer<typeof setStageWeightsSchema>;

/** The weights in force at an organisation: its overrides, else DESIGN.md's defaults. */
export async function findStageWeights(organisationId: string): Promise<Record<SchemeStage, number>> {
  return stageWeights(
    await db().stageWeight.findMany({ where: { organisationId }, select: { stage: true, weightPercent: true } }),
  );
}

/** Finance sets how much each stage's value counts towards the risk-adjusted figure. */
export async function setStageWeights(actor: Actor, input: SetStageWeightsInput) {
  if (!can(actor, "target.manage", input.organisationId))
    throw forbidden("Only finance or the PMO of this organisation can change the stage weights.");
  return db().$transaction(async (tx) => {
    const before = stageWeights(await tx.stageWeight.findMany({ where: { organisationId: input.organisationId } }));
    for (const stage of SCHEME_STAGES) {
      await tx.stageWeight.upsert({
        where: { organisationId_stage: { organisationId: input.organisationId, stage } },
        create: { organisationId: input.organisationId, stage, weightPercent: input[stage] },
        update: { weightPercent: input[stage] },
      });
    }
    const after = Object.fromEntries(SCHEME_STAGES.map((s) => [s, input[s]]));
    await recordAudit(tx, actor, {
      action: "stage-weights.set",
      entityType: "organisation",
      entityId: input.organisationId,
      organisationId: input.organisationId,
      before,
      after,
    });
    return after;
  });
}
