import { recordAudit } from "@/modules/audit/record-audit";
import type { Actor } from "@/server/auth/actor";
import { db, type Tx } from "@/server/db";
import { forbidden, notFound } from "@/server/errors";
import { canEditScheme, schemeScope } from "./scheme-access";
import type { AddMilestoneInput, AddSchemeKpiInput, SetMilestoneStatusInput } from "./scheme-plan-schemas";

async function editableScheme(tx: Tx, actor: Actor, schemeId: string) {
  const scheme = await tx.scheme.findFirst({
    where: { id: schemeId, ...schemeScope(actor) },
    select: { id: true, organisationId: true, leadId: true },
  });
  if (!scheme) throw notFound("The scheme");
  if (!canEditScheme(actor, scheme))
    throw forbidden("Only the scheme's lead, finance or the PMO can change its milestones and KPIs.");
  return scheme;
}

export async function addSchemeMilestone(actor: Actor, input: AddMilestoneInput) {
  return db().$transaction(async (tx) => {
    const scheme = await editableScheme(tx, actor, input.schemeId);
    const milestone = await tx.schemeMilestone.create({
      data: {
        schemeId: scheme.id,
        description: input.description,
        dueDate: input.dueDate ? new Date(`${input.dueDate}T00:00:00Z`) : null,
      },
    });
    await recordAudit(tx, actor, {
      action: "scheme.milestone.add",
      entityType: "scheme_milestone",
      entityId: milestone.id,
      organisationId: scheme.organisationId,
      after: milestone,
    });
    return milestone;
  });
}

export async function setMilestoneStatus(actor: Actor, input: SetMilestoneStatusInput) {
  return db().$transaction(async (tx) => {
    const before = await tx.schemeMilestone.findFirst({ where: { id: input.milestoneId, scheme: schemeScope(actor) } });
    if (!before) throw notFound("The milestone");
    const scheme = await editableScheme(tx, actor, before.schemeId);
    const after = await tx.schemeMilestone.update({ where: { id: before.id }, data: { status: input.status } });
    await recordAudit(tx, actor, {
      action: "scheme.milestone.status",
      entityType: "scheme_milestone",
      entityId: before.id,
      organisationId: scheme.organisationId,
      before,
      after,
    });
    return after;
  });
}

export async function addSchemeKpi(actor: Actor, input: AddSchemeKpiInput) {
  return db().$transaction(async (tx) => {
    const scheme = await editableScheme(tx, actor, input.schemeId);
    const kpi = await tx.kpi.create({
      data: {
        schemeId: scheme.id,
        name: input.name,
        unit: input.unit,
        direction: input.direction,
        baseline: input.baseline ?? null,
        target: input.target ?? null,
        targetNote: input.targetNote ?? null,
      },
    });
    await recordAudit(tx, actor, {
      action: "scheme.kpi.add",
      entityType: "kpi",
      entityId: kpi.id,
      organisationId: scheme.organisationId,
      after: kpi,
    });
    return kpi;
  });
}
