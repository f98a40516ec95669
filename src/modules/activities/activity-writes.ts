import type { Actor } from "@/server/auth/actor";
import { db } from "@/server/db";
import { DomainError, forbidden, invalidField, isUniqueViolation, notFound, stale } from "@/server/errors";
import { recordAudit } from "@/modules/audit/record-audit";
import { loadManageableProgramme } from "@/modules/programmes/load-for-write";
import { canManageProgramme, holdsForProgramme, isLeadOf, programmeScope } from "@/modules/programmes/programme-access";
import type { CreateActivityInput, UpdateActivityProgressInput } from "./activity-schemas";
import { timescaleToColumns } from "./activity-timescale";

const numberTaken = (number: string) => {
  const message = `Activity ${number} already exists in this programme`;
  return new DomainError("CONFLICT", message, { number: [message] });
};

/** Finance/PMO add a numbered activity with its leads and timescale to a programme. */
export async function createActivity(actor: Actor, input: CreateActivityInput) {
  try {
    return await db().$transaction(async (tx) => {
      const programme = await loadManageableProgramme(tx, actor, input.programmeId);
      if (input.workstreamId) {
        const workstream = await tx.workstream.findFirst({
          where: { id: input.workstreamId, programmeId: programme.id },
        });
        if (!workstream) throw invalidField("workstreamId", "Choose a workstream of this programme");
      }
      const leads = await tx.lead.findMany({
        where: { id: { in: input.leadIds }, systemId: programme.systemId },
        select: { id: true },
      });
      if (leads.length !== new Set(input.leadIds).size)
        throw invalidField("leadIds", "One of the chosen leads does not exist; choose leads from the list");
      if (
        input.number &&
        (await tx.activity.findFirst({ where: { programmeId: programme.id, number: input.number } }))
      ) {
        throw numberTaken(input.number);
      }
      const last = await tx.activity.aggregate({ where: { programmeId: programme.id }, _max: { sequence: true } });
      const activity = await tx.activity.create({
        data: {
          programmeId: programme.id,
          workstreamId: input.workstreamId ?? null,
          number: input.number ?? null,
          sequence: (last._max.sequence ?? 0) + 1,
          description: input.description,
          ...timescaleToColumns(input.timescale),
          status: input.status,
          deliverables: input.deliverables,
          leads: { create: leads.map((l) => ({ leadId: l.id })) },
        },
        include: { leads: true },
      });
      await recordAudit(tx, actor, {
        action: "activity.create",
        entityType: "activity",
        entityId: activity.id,
        organisationId: programme.organisationId,
        after: activity,
      });
      return activity;
    });
  } catch (error) {
    if (isUniqueViolation(error) && input.number) throw numberTaken(input.number);
    throw error;
  }
}

/** A lead updates status and deliverables of an activity they lead (finance/PMO of any). */
export async function updateActivityProgress(actor: Actor, input: UpdateActivityProgressInput) {
  return db().$transaction(async (tx) => {
    const before = await tx.activity.findFirst({
      where: { id: input.activityId, programme: programmeScope(actor) },
      include: { programme: true, leads: { include: { lead: { select: { userId: true } } } } },
    });
    if (!before) throw notFound("The activity");
    const { programme, leads, ...activity } = before;
    const ownsIt = isLeadOf(actor, leads) && holdsForProgramme(actor, "activity.update.own", programme);
    if (!ownsIt && !canManageProgramme(actor, programme)) {
      throw forbidden("Only the activity's leads, finance or the PMO can update this activity.");
    }
    const { count } = await tx.activity.updateMany({
      where: { id: activity.id, version: input.version },
      data: { status: input.status, deliverables: input.deliverables, version: { increment: 1 } },
    });
    if (count === 0) throw stale("The activity");
    const after = await tx.activity.findUniqueOrThrow({ where: { id: activity.id } });
    await recordAudit(tx, actor, {
      action: "activity.progress",
      entityType: "activity",
      entityId: activity.id,
      organisationId: programme.organisationId,
      before: activity,
      after,
    });
    return after;
  });
}
