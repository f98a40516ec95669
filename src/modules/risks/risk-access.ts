import type { Actor } from "@/server/auth/actor";
import { holdsForProgramme } from "@/modules/programmes/programme-access";

type Owner = { organisationId: string | null; systemId: string };

/**
 * Who may change a risk: finance/PMO anywhere in the programme's organisation (or system),
 * a lead only risks they own. Board members and clinical approvers never.
 */
export function canManageRisk(actor: Actor, programme: Owner, risk?: { ownerId: string }): boolean {
  if (holdsForProgramme(actor, "risk.manage.any", programme)) return true;
  return holdsForProgramme(actor, "risk.manage.own", programme) && (!risk || risk.ownerId === actor.userId);
}

/** A lead raising a risk must own it; finance may name any owner. */
export function mayNameOwner(actor: Actor, programme: Owner, ownerId: string): boolean {
  return holdsForProgramme(actor, "risk.manage.any", programme) || ownerId === actor.userId;
}
