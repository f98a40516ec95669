import type { SchemeStage } from "@/generated/prisma/enums";
import { canEditScheme } from "@/modules/schemes/scheme-access";
import { can, type Actor } from "@/server/auth/actor";
import { db, type Tx } from "@/server/db";
import { decisionStanding } from "./approver-standing";
import { gatesPassed, mayHold, mayWithdraw, nextGate, returnableStages } from "./gateway-flow";
import { evaluateAllGates, type Gate } from "./gateway-rules";
import { loadGatewaySnapshot } from "./gateway-snapshot";

interface SchemeForPanel {
  id: string;
  organisationId: string;
  leadId: string;
  stage: SchemeStage;
  version: number;
  submittedGate: number | null;
  submittedAt: Date | null;
  fullYearEffectPence: bigint;
  planLockedAt: Date | null;
  benefitValidatedAt: Date | null;
  stageBeforeHold: SchemeStage | null;
}

/**
 * The gateway panel of the scheme page: each gate's live checklist (the same rules the server
 * applies), what this actor may do now, the decision history with conditions, the baselines.
 */
export async function getGatewayPanel(actor: Actor, scheme: SchemeForPanel, now = new Date()) {
  const client = db();
  const [snapshot, organisation, decisions, baselines, milestones, kpis] = await Promise.all([
    loadGatewaySnapshot(client as unknown as Tx, scheme.id, now),
    client.organisation.findUniqueOrThrow({
      where: { id: scheme.organisationId },
      select: { directorThresholdPence: true },
    }),
    client.gatewayDecision.findMany({
      where: { schemeId: scheme.id },
      orderBy: { decidedAt: "desc" },
      include: {
        decidedBy: { select: { name: true } },
        conditions: { include: { metBy: { select: { name: true } } }, orderBy: { createdAt: "asc" } },
      },
    }),
    client.planBaseline.findMany({
      where: { schemeId: scheme.id },
      orderBy: { number: "desc" },
      include: { createdBy: { select: { name: true } } },
    }),
    client.schemeMilestone.findMany({
      where: { schemeId: scheme.id },
      orderBy: [{ dueDate: "asc" }, { createdAt: "asc" }],
    }),
    client.kpi.findMany({ where: { schemeId: scheme.id }, orderBy: { name: "asc" } }),
  ]);
  const stageImport = await client.schemeStageImport.findUnique({
    where: { schemeId: scheme.id },
    select: { stage: true, importRun: { select: { createdAt: true, actor: { select: { name: true } } } } },
  });
  const verdicts = evaluateAllGates(snapshot);
  const gate = nextGate(scheme.stage);
  const editable = canEditScheme(actor, scheme);
  const finance = can(actor, "gateway.decide", scheme.organisationId);
  const pendingGate = scheme.submittedGate as Gate | null;
  const standing = pendingGate
    ? decisionStanding(actor, scheme, organisation.directorThresholdPence, pendingGate)
    : { mayDecide: false, refusal: null };
  const isLead = scheme.leadId === actor.userId && can(actor, "scheme.submit", scheme.organisationId);
  return {
    verdicts,
    nextGate: gate,
    passedGates: gatesPassed(scheme.stage, scheme.stageBeforeHold),
    /** The approval that passed each gate (latest first in `decisions`, so the first found). */
    approvals: Object.fromEntries(
      ([1, 2, 3] as const).flatMap((g) => {
        const d = decisions.find((x) => x.kind === "APPROVED" && x.gate === g);
        return d ? [[g, { by: d.decidedBy.name, at: d.decidedAt }]] : [];
      }),
    ) as Partial<Record<Gate, { by: string; at: Date }>>,
    pendingGate,
    /** "Stage set by import on <date> by <user>": finance's initial load, no gateway decision. */
    stageImport: stageImport
      ? { stage: stageImport.stage, at: stageImport.importRun.createdAt, by: stageImport.importRun.actor.name }
      : null,
    decisions,
    baselines,
    milestones,
    kpis,
    editable,
    maySubmit:
      gate !== null && pendingGate === null && (isLead || can(actor, "scheme.edit.any", scheme.organisationId)),
    mayDecide: standing.mayDecide,
    decisionRefusal: standing.refusal,
    returnTo: finance ? returnableStages(scheme.stage, scheme.stageBeforeHold) : [],
    mayHold: editable && mayHold(scheme.stage),
    mayResume: editable && scheme.stage === "ON_HOLD",
    mayWithdraw: editable && mayWithdraw(scheme.stage),
    mayRebaseline:
      can(actor, "plan.rebaseline", scheme.organisationId) &&
      scheme.planLockedAt !== null &&
      scheme.leadId !== actor.userId,
    mayValidateBenefit:
      finance && scheme.stage === "DELIVERY" && scheme.benefitValidatedAt === null && scheme.leadId !== actor.userId,
    mayMeetConditions: finance && scheme.leadId !== actor.userId,
  };
}
export type GatewayPanelData = Awaited<ReturnType<typeof getGatewayPanel>>;
