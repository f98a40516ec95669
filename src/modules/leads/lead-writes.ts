import type { Actor } from "@/server/auth/actor";
import { rolesHaveCapability } from "@/server/auth/permissions";
import { db, type Tx } from "@/server/db";
import { DomainError, forbidden, invalidField, isUniqueViolation, notFound } from "@/server/errors";
import { recordAudit } from "@/modules/audit/record-audit";
import type { CreateLeadInput, LinkLeadInput } from "./lead-schemas";

/** Leads are shared by a system's programmes; finance/PMO or administrators there keep them. */
export function canManageLeads(actor: Actor, systemId: string): boolean {
  return actor.organisations.some((o) => o.systemId === systemId && rolesHaveCapability(o.roles, "programme.manage"));
}

const TITLE_TAKEN = "This system already has a lead with this title";

/** A lead may only be linked to someone who works in the same system. */
async function assertUserInSystem(tx: Tx, userId: string, systemId: string) {
  const member = await tx.membership.findFirst({
    where: { userId, organisation: { systemId }, user: { active: true } },
    select: { id: true },
  });
  if (!member) throw invalidField("userId", "Choose a person who works in this system");
}

export async function createLead(actor: Actor, input: CreateLeadInput) {
  if (!canManageLeads(actor, input.systemId))
    throw forbidden("Only finance, the PMO or an administrator can add leads.");
  try {
    return await db().$transaction(async (tx) => {
      if (input.userId) await assertUserInSystem(tx, input.userId, input.systemId);
      if (
        await tx.lead.findFirst({
          where: { systemId: input.systemId, title: { equals: input.title, mode: "insensitive" } },
        })
      ) {
        throw new DomainError("CONFLICT", TITLE_TAKEN, { title: [TITLE_TAKEN] });
      }
      const lead = await tx.lead.create({
        data: {
          systemId: input.systemId,
          title: input.title,
          description: input.description ?? null,
          userId: input.userId ?? null,
        },
      });
      await recordAudit(tx, actor, { action: "lead.create", entityType: "lead", entityId: lead.id, after: lead });
      return lead;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new DomainError("CONFLICT", TITLE_TAKEN, { title: [TITLE_TAKEN] });
    throw error;
  }
}

/** Links a lead to a person (or unlinks it): their activities then appear under "My activities". */
export async function linkLead(actor: Actor, input: LinkLeadInput) {
  return db().$transaction(async (tx) => {
    const before = await tx.lead.findUnique({ where: { id: input.leadId } });
    if (!before || !actor.organisations.some((o) => o.systemId === before.systemId)) throw notFound("The lead");
    if (!canManageLeads(actor, before.systemId))
      throw forbidden("Only finance, the PMO or an administrator can link leads to people.");
    if (input.userId) await assertUserInSystem(tx, input.userId, before.systemId);
    const after = await tx.lead.update({ where: { id: before.id }, data: { userId: input.userId ?? null } });
    await recordAudit(tx, actor, { action: "lead.link", entityType: "lead", entityId: before.id, before, after });
    return after;
  });
}
