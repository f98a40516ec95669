import type { Role } from "@/generated/prisma/enums";

/**
 * Roles from identity-provider groups (issue 15), as pure functions. An administrator maps a
 * group to a role at their organisation; a person signing in by SSO holds exactly the mapped
 * roles of the groups in their ID token, plus whatever was granted by hand. Administrator and
 * clinical approver are never mapped: an administrator's power should not follow a directory
 * group another team manages, and a clinical approver signs QIAs by name in a stated capacity.
 * A mapped finance role is the PMO's, never the finance director's.
 */
export const MAPPABLE_ROLES = ["FINANCE", "LEAD", "BOARD"] as const satisfies readonly Role[];
export type MappableRole = (typeof MAPPABLE_ROLES)[number];

/** Entra sends at most 200 groups in a token before it switches to an overage claim. */
const MAX_GROUPS = 500;
const MAX_GROUP_LENGTH = 200;

/**
 * The `groups` claim as a set of group ids. Missing or malformed means none, so a mapped role
 * is removed rather than kept when the provider stops sending groups (Entra's overage case too).
 */
export function claimGroups(claim: unknown): Set<string> {
  if (!Array.isArray(claim)) return new Set();
  return new Set(
    claim
      .slice(0, MAX_GROUPS)
      .filter((g): g is string => typeof g === "string" && g.length > 0 && g.length <= MAX_GROUP_LENGTH)
      .map((g) => g.trim().toLowerCase()),
  );
}

export interface GroupMapping {
  id: string;
  organisationId: string;
  groupId: string;
  role: Role;
}

export interface HeldMembership {
  id: string;
  organisationId: string;
  role: Role;
  /** The mapping that granted it; null when granted by hand. */
  ssoGroupRoleId: string | null;
}

export interface GroupRolePlan {
  grant: GroupMapping[];
  revoke: HeldMembership[];
}

/**
 * What a sign-in changes: grant each mapped role of the person's groups that they do not hold
 * (one per organisation and role), revoke each mapped membership whose mapping no longer applies.
 * Memberships granted by hand are never touched.
 */
export function planGroupRoles(mappings: GroupMapping[], groups: Set<string>, held: HeldMembership[]): GroupRolePlan {
  const applicable = mappings.filter((m) => groups.has(m.groupId.toLowerCase()));
  const key = (m: { organisationId: string; role: Role }) => `${m.organisationId}:${m.role}`;
  const applicableIds = new Set(applicable.map((m) => m.id));
  const revoke = held.filter((m) => m.ssoGroupRoleId !== null && !applicableIds.has(m.ssoGroupRoleId));
  const revoked = new Set(revoke.map((m) => m.id));
  const kept = new Set(held.filter((m) => !revoked.has(m.id)).map(key));
  const grant: GroupMapping[] = [];
  for (const mapping of applicable) {
    if (kept.has(key(mapping))) continue;
    kept.add(key(mapping));
    grant.push(mapping);
  }
  return { grant, revoke };
}
