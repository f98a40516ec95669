import { recordAudit } from "@/modules/audit/record-audit";
import type { Actor } from "@/server/auth/actor";
import type { Tx } from "@/server/db";
import { planGroupRoles } from "./sso-group-rules";

/**
 * At an SSO sign-in, inside its transaction: gives the person the mapped roles of the groups in
 * their ID token and removes mapped roles whose group they have left (pure plan in
 * sso-group-rules.ts). Each grant and removal is audited with the group that caused it.
 */
export async function syncGroupRoles(tx: Tx, person: Actor, groups: Set<string>): Promise<void> {
  const [mappings, held] = await Promise.all([
    groups.size
      ? tx.ssoGroupRole.findMany({
          where: { groupId: { in: [...groups] } },
          select: { id: true, organisationId: true, groupId: true, role: true },
        })
      : Promise.resolve([]),
    tx.membership.findMany({
      where: { userId: person.userId },
      select: { id: true, organisationId: true, role: true, ssoGroupRoleId: true },
    }),
  ]);
  const plan = planGroupRoles(mappings, groups, held);
  for (const membership of plan.revoke) {
    await tx.membership.delete({ where: { id: membership.id } });
    await recordAudit(tx, person, {
      action: "membership.revoke",
      entityType: "membership",
      entityId: membership.id,
      organisationId: membership.organisationId,
      before: membership,
      after: { reason: "sso_group_left" },
    });
  }
  for (const mapping of plan.grant) {
    const membership = await tx.membership.create({
      data: {
        userId: person.userId,
        organisationId: mapping.organisationId,
        role: mapping.role,
        // A finance role from a group is the PMO's; the finance director is named by hand.
        financeCapacity: mapping.role === "FINANCE" ? "PMO" : null,
        ssoGroupRoleId: mapping.id,
      },
      select: { id: true, organisationId: true, role: true, financeCapacity: true, ssoGroupRoleId: true },
    });
    await recordAudit(tx, person, {
      action: "membership.grant",
      entityType: "membership",
      entityId: membership.id,
      organisationId: membership.organisationId,
      after: { ...membership, groupId: mapping.groupId, source: "sso_group" },
    });
  }
}
