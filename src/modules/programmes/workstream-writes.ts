import type { Actor } from "@/server/auth/actor";
import { db } from "@/server/db";
import { DomainError, isUniqueViolation, notFound, stale } from "@/server/errors";
import { recordAudit } from "@/modules/audit/record-audit";
import { loadManageableProgramme } from "./load-for-write";
import type { CreateWorkstreamInput, UpdateWorkstreamInput } from "./programme-schemas";

const NAME_TAKEN = "This programme already has a workstream with this name";
const nameTaken = () => new DomainError("CONFLICT", NAME_TAKEN, { name: [NAME_TAKEN] });

function workstreamData(input: CreateWorkstreamInput | UpdateWorkstreamInput) {
  return {
    name: input.name,
    vision: input.vision ?? null,
    caseForChange: input.caseForChange ?? null,
    objectives: input.objectives,
    sro: input.sro ?? null,
    deliveryLeads: input.deliveryLeads,
    baselinePence: input.baseline === undefined ? null : BigInt(input.baseline),
    targetPence: input.target === undefined ? null : BigInt(input.target),
  };
}

export async function createWorkstream(actor: Actor, input: CreateWorkstreamInput) {
  try {
    return await db().$transaction(async (tx) => {
      const programme = await loadManageableProgramme(tx, actor, input.programmeId);
      if (
        await tx.workstream.findFirst({
          where: { programmeId: programme.id, name: { equals: input.name, mode: "insensitive" } },
        })
      ) {
        throw nameTaken();
      }
      const last = await tx.workstream.aggregate({ where: { programmeId: programme.id }, _max: { number: true } });
      const workstream = await tx.workstream.create({
        data: { programmeId: programme.id, number: (last._max.number ?? 0) + 1, ...workstreamData(input) },
      });
      await recordAudit(tx, actor, {
        action: "workstream.create",
        entityType: "workstream",
        entityId: workstream.id,
        organisationId: programme.organisationId,
        after: workstream,
      });
      return workstream;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken();
    throw error;
  }
}

export async function updateWorkstream(actor: Actor, input: UpdateWorkstreamInput) {
  try {
    return await db().$transaction(async (tx) => {
      const before = await tx.workstream.findUnique({ where: { id: input.workstreamId } });
      if (!before) throw notFound("The workstream");
      const programme = await loadManageableProgramme(tx, actor, before.programmeId);
      const clash = await tx.workstream.findFirst({
        where: { programmeId: programme.id, id: { not: before.id }, name: { equals: input.name, mode: "insensitive" } },
        select: { id: true },
      });
      if (clash) throw nameTaken();
      const { count } = await tx.workstream.updateMany({
        where: { id: before.id, version: input.version },
        data: { ...workstreamData(input), version: { increment: 1 } },
      });
      if (count === 0) throw stale("The workstream");
      const after = await tx.workstream.findUniqueOrThrow({ where: { id: before.id } });
      await recordAudit(tx, actor, {
        action: "workstream.update",
        entityType: "workstream",
        entityId: before.id,
        organisationId: programme.organisationId,
        before,
        after,
      });
      return after;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken();
    throw error;
  }
}
