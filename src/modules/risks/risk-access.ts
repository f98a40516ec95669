import type { Prisma } from "@/generated/prisma/client";
import type { Actor } from "@/server/auth/actor";
import { holdsForProgramme, programmeScope } from "@/modules/programmes/programme-access";
import { schemeScope } from "@/modules/schemes/scheme-access";

/** Whose register a risk is on: an organisation (or, for a system programme, its system). */
export type Owner = { organisationId: string | null; systemId: string };

/** Risks the actor may read: on registers of programmes or schemes they can see. */
export function riskScope(actor: Actor): Prisma.RiskWhereInput {
  return { OR: [{ programme: programmeScope(actor) }, { scheme: schemeScope(actor) }] };
}

/** The register's owner, from a risk loaded with its programme or its scheme's organisation. */
export function registerOwner(risk: {
  programme: { organisationId: string | null; systemId: string } | null;
  scheme: { organisationId: string; organisation: { systemId: string } } | null;
}): Owner {
  if (risk.programme) return { organisationId: risk.programme.organisationId, systemId: risk.programme.systemId };
  if (risk.scheme) return { organisationId: risk.scheme.organisationId, systemId: risk.scheme.organisation.systemId };
  throw new Error("A risk must be on a programme's or a scheme's register");
}

/** "Programme name › workstream" or "BH-CIP-0007 Scheme title", for lists. */
export function registerName(risk: {
  programme: { name: string } | null;
  workstream?: { name: string } | null;
  scheme: { code: string; title: string } | null;
}): string {
  if (risk.scheme) return `${risk.scheme.code} ${risk.scheme.title}`;
  return `${risk.programme?.name ?? ""}${risk.workstream ? ` › ${risk.workstream.name}` : ""}`;
}

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
