import { schemeScope } from "@/modules/schemes/scheme-access";
import type { Actor } from "@/server/auth/actor";
import { db } from "@/server/db";
import type { Gate } from "./gateway-rules";
import { decisionStanding } from "./approver-standing";

/** Schemes awaiting a gateway decision in the actor's organisations, oldest submission first. */
export async function findGatewayPipeline(actor: Actor) {
  const schemes = await db().scheme.findMany({
    where: { ...schemeScope(actor), submittedGate: { not: null } },
    orderBy: [{ submittedAt: "asc" }, { code: "asc" }],
    include: {
      organisation: { select: { name: true, code: true, directorThresholdPence: true } },
      lead: { select: { name: true } },
    },
  });
  return schemes.map((s) => ({
    id: s.id,
    code: s.code,
    title: s.title,
    organisation: s.organisation.name,
    lead: s.lead.name,
    gate: s.submittedGate as Gate,
    submittedAt: s.submittedAt!,
    fullYearEffectPence: Number(s.fullYearEffectPence),
    ...decisionStanding(actor, s, s.organisation.directorThresholdPence, s.submittedGate as Gate),
  }));
}

export async function countSchemesAwaitingDecision(actor: Actor, organisationIds?: string[]): Promise<number> {
  return db().scheme.count({
    // AND, not a spread: a second organisationId key would replace the actor's scope.
    where: {
      AND: [schemeScope(actor), organisationIds ? { organisationId: { in: organisationIds } } : {}],
      submittedGate: { not: null },
    },
  });
}
