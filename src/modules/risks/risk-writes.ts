import type { Actor } from "@/server/auth/actor";
import { db, type Tx } from "@/server/db";
import { DomainError, forbidden, invalidField, notFound, stale } from "@/server/errors";
import { recordAudit } from "@/modules/audit/record-audit";
import { programmeScope } from "@/modules/programmes/programme-access";
import { schemeScope } from "@/modules/schemes/scheme-access";
import { canManageRisk, mayNameOwner, registerOwner, riskScope, type Owner } from "./risk-access";
import type {
  AddRiskActionInput,
  CloseRiskInput,
  CreateRiskInput,
  SetRiskActionStatusInput,
  UpdateRiskInput,
} from "./risk-schemas";
import { riskScore } from "./risk-scoring";

export type RiskFields = Omit<CreateRiskInput, "programmeId" | "schemeId" | "workstreamId">;

/** A risk row as the forms write it; the import writes the same. */
export function riskData(input: RiskFields) {
  return {
    title: input.title,
    cause: input.cause,
    event: input.event,
    effect: input.effect,
    ownerId: input.ownerId,
    category: input.category,
    inherentLikelihood: input.inherentLikelihood,
    inherentConsequence: input.inherentConsequence,
    currentLikelihood: input.currentLikelihood,
    currentConsequence: input.currentConsequence,
    targetLikelihood: input.targetLikelihood,
    targetConsequence: input.targetConsequence,
    // Derived, never typed (DESIGN.md section 5); the database checks the products too.
    currentScore: riskScore(input.currentLikelihood, input.currentConsequence),
    targetScore: riskScore(input.targetLikelihood, input.targetConsequence),
    reviewDate: input.reviewDate,
  };
}

/**
 * Owners of risks and actions must be able to act on them: an active finance/PMO user or
 * lead in the programme's system.
 */
async function assertPersonInSystem(tx: Tx, userId: string, systemId: string, field: string) {
  const member = await tx.membership.findFirst({
    where: { userId, organisation: { systemId }, role: { in: ["FINANCE", "LEAD"] }, user: { active: true } },
    select: { id: true },
  });
  if (!member) throw invalidField(field, "Choose a finance or lead colleague who works in this system");
}

/** The register a new risk goes on: a programme (optionally one workstream) or a scheme. */
async function loadRegister(
  tx: Tx,
  actor: Actor,
  input: CreateRiskInput,
): Promise<Owner & { programmeId: string | null; schemeId: string | null }> {
  if (input.schemeId) {
    const scheme = await tx.scheme.findFirst({
      where: { id: input.schemeId, ...schemeScope(actor) },
      include: { organisation: { select: { systemId: true } } },
    });
    if (!scheme) throw notFound("The scheme");
    return {
      organisationId: scheme.organisationId,
      systemId: scheme.organisation.systemId,
      programmeId: null,
      schemeId: scheme.id,
    };
  }
  const programme = await tx.programme.findFirst({ where: { id: input.programmeId, ...programmeScope(actor) } });
  if (!programme) throw notFound("The programme");
  return {
    organisationId: programme.organisationId,
    systemId: programme.systemId,
    programmeId: programme.id,
    schemeId: null,
  };
}

/** The risk with its register's owner as `programme` (the name the rules below use). */
async function loadRisk(tx: Tx, actor: Actor, riskId: string) {
  const found = await tx.risk.findFirst({
    where: { id: riskId, ...riskScope(actor) },
    include: {
      programme: true,
      scheme: { select: { organisationId: true, organisation: { select: { systemId: true } } } },
    },
  });
  if (!found) throw notFound("The risk");
  const { programme: programmeRow, scheme, ...risk } = found;
  return { ...risk, programme: registerOwner({ programme: programmeRow, scheme }) };
}

export async function createRisk(actor: Actor, input: CreateRiskInput) {
  return db().$transaction(async (tx) => {
    const programme = await loadRegister(tx, actor, input);
    if (!canManageRisk(actor, programme))
      throw forbidden("Only finance, the PMO or a lead can raise risks on this register.");
    if (!mayNameOwner(actor, programme, input.ownerId))
      throw invalidField("ownerId", "You can raise risks that you own; finance or the PMO can name another owner");
    if (
      input.workstreamId &&
      !(
        programme.programmeId &&
        (await tx.workstream.findFirst({ where: { id: input.workstreamId, programmeId: programme.programmeId } }))
      )
    ) {
      throw invalidField("workstreamId", "Choose a workstream of this programme");
    }
    await assertPersonInSystem(tx, input.ownerId, programme.systemId, "ownerId");
    const risk = await tx.risk.create({
      data: {
        programmeId: programme.programmeId,
        schemeId: programme.schemeId,
        workstreamId: input.workstreamId ?? null,
        ...riskData(input),
      },
    });
    await tx.riskScoreChange.create({
      data: {
        riskId: risk.id,
        changedById: actor.userId,
        currentLikelihood: risk.currentLikelihood,
        currentConsequence: risk.currentConsequence,
        currentScore: risk.currentScore,
        targetScore: risk.targetScore,
      },
    });
    await recordAudit(tx, actor, {
      action: "risk.create",
      entityType: "risk",
      entityId: risk.id,
      organisationId: programme.organisationId,
      after: risk,
    });
    return risk;
  });
}

export async function updateRisk(actor: Actor, input: UpdateRiskInput) {
  return db().$transaction(async (tx) => {
    const { programme, ...before } = await loadRisk(tx, actor, input.riskId);
    if (!canManageRisk(actor, programme, before))
      throw forbidden("Only the risk's owner, finance or the PMO can change this risk.");
    if (before.status === "CLOSED")
      throw new DomainError("INVALID", "This risk is closed; it can no longer be changed.");
    if (input.ownerId !== before.ownerId && !mayNameOwner(actor, programme, input.ownerId)) {
      throw invalidField("ownerId", "Only finance or the PMO can hand a risk to another owner");
    }
    await assertPersonInSystem(tx, input.ownerId, programme.systemId, "ownerId");
    const data = riskData(input);
    const { count } = await tx.risk.updateMany({
      where: { id: before.id, version: input.version },
      data: { ...data, version: { increment: 1 } },
    });
    if (count === 0) throw stale("The risk");
    const after = await tx.risk.findUniqueOrThrow({ where: { id: before.id } });
    const rescored =
      before.currentLikelihood !== after.currentLikelihood ||
      before.currentConsequence !== after.currentConsequence ||
      before.targetScore !== after.targetScore;
    if (rescored) {
      await tx.riskScoreChange.create({
        data: {
          riskId: after.id,
          changedById: actor.userId,
          currentLikelihood: after.currentLikelihood,
          currentConsequence: after.currentConsequence,
          currentScore: after.currentScore,
          targetScore: after.targetScore,
        },
      });
    }
    await recordAudit(tx, actor, {
      action: "risk.update",
      entityType: "risk",
      entityId: before.id,
      organisationId: programme.organisationId,
      before,
      after,
    });
    return after;
  });
}

export async function closeRisk(actor: Actor, input: CloseRiskInput) {
  return db().$transaction(async (tx) => {
    const { programme, ...before } = await loadRisk(tx, actor, input.riskId);
    if (!canManageRisk(actor, programme, before))
      throw forbidden("Only the risk's owner, finance or the PMO can close this risk.");
    if (before.status === "CLOSED") throw invalidField("closureReason", "This risk is already closed");
    const { count } = await tx.risk.updateMany({
      where: { id: before.id, version: input.version },
      data: { status: "CLOSED", closureReason: input.closureReason, closedAt: new Date(), version: { increment: 1 } },
    });
    if (count === 0) throw stale("The risk");
    const after = await tx.risk.findUniqueOrThrow({ where: { id: before.id } });
    await recordAudit(tx, actor, {
      action: "risk.close",
      entityType: "risk",
      entityId: before.id,
      organisationId: programme.organisationId,
      before,
      after,
    });
    return after;
  });
}

export async function addRiskAction(actor: Actor, input: AddRiskActionInput) {
  return db().$transaction(async (tx) => {
    const { programme, ...risk } = await loadRisk(tx, actor, input.riskId);
    if (!canManageRisk(actor, programme, risk))
      throw forbidden("Only the risk's owner, finance or the PMO can add actions to this risk.");
    if (risk.status === "CLOSED") throw new DomainError("INVALID", "This risk is closed; add actions to an open risk.");
    await assertPersonInSystem(tx, input.ownerId, programme.systemId, "ownerId");
    const action = await tx.riskAction.create({
      data: { riskId: risk.id, description: input.description, ownerId: input.ownerId, dueDate: input.dueDate },
    });
    await recordAudit(tx, actor, {
      action: "risk.action.add",
      entityType: "risk",
      entityId: risk.id,
      organisationId: programme.organisationId,
      after: action,
    });
    return action;
  });
}

/** The action's owner, the risk's owner, finance or the PMO move an action along. */
export async function setRiskActionStatus(actor: Actor, input: SetRiskActionStatusInput) {
  return db().$transaction(async (tx) => {
    const before = await tx.riskAction.findFirst({
      where: { id: input.actionId, risk: riskScope(actor) },
      select: { id: true, riskId: true },
    });
    if (!before) throw notFound("The action");
    const risk = await loadRisk(tx, actor, before.riskId);
    const action = await tx.riskAction.findUniqueOrThrow({ where: { id: before.id } });
    const allowed =
      canManageRisk(actor, risk.programme, risk) ||
      (action.ownerId === actor.userId && canManageRisk(actor, risk.programme));
    if (!allowed)
      throw forbidden("Only the action's owner, the risk's owner, finance or the PMO can update this action.");
    const after = await tx.riskAction.update({
      where: { id: action.id },
      data: { status: input.status, completedAt: input.status === "DONE" ? (action.completedAt ?? new Date()) : null },
    });
    await recordAudit(tx, actor, {
      action: "risk.action.status",
      entityType: "risk",
      entityId: risk.id,
      organisationId: risk.programme.organisationId,
      before: action,
      after,
    });
    return after;
  });
}
