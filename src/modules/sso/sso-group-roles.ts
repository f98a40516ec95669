import { recordAudit } from "@/modules/audit/record-audit";
import { assertCan, type Actor } from "@/server/auth/actor";
import { db } from "@/server/db";
import { DomainError, isUniqueViolation, notFound } from "@/server/errors";
import type { CreateSsoGroupRoleInput, DeleteSsoGroupRoleInput } from "./sso-group-schemas";

const ALREADY_MAPPED = "This group is already mapped to this role here";
const ONLY_ADMIN = "Only an administrator of this organisation can map single sign-on groups to its roles.";

/** The organisation's group mappings, with how many people each currently gives its role. */
export async function findSsoGroupRoles(actor: Actor, organisationId: string) {
  assertCan(actor, "user.manage", organisationId, ONLY_ADMIN);
  return db().ssoGroupRole.findMany({
    where: { organisationId },
    orderBy: [{ groupId: "asc" }, { role: "asc" }],
    select: {
      id: true,
      groupId: true,
      role: true,
      createdAt: true,
      createdBy: { select: { name: true } },
      _count: { select: { memberships: true } },
    },
  });
}

export async function createSsoGroupRole(actor: Actor, input: CreateSsoGroupRoleInput) {
  assertCan(actor, "user.manage", input.organisationId, ONLY_ADMIN);
  try {
    return await db().$transaction(async (tx) => {
      const mapping = await tx.ssoGroupRole.create({
        data: { ...input, createdById: actor.userId },
        select: { id: true, organisationId: true, groupId: true, role: true },
      });
      await recordAudit(tx, actor, {
        action: "sso_group_role.create",
        entityType: "sso_group_role",
        entityId: mapping.id,
        organisationId: mapping.organisationId,
        after: mapping,
      });
      return mapping;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new DomainError("CONFLICT", ALREADY_MAPPED, { groupId: [ALREADY_MAPPED] });
    throw error;
  }
}

/** Removes the mapping and, with it, every role it granted (audited with who lost it). */
export async function deleteSsoGroupRole(actor: Actor, input: DeleteSsoGroupRoleInput) {
  const found = await db().ssoGroupRole.findUnique({
    where: { id: input.ssoGroupRoleId },
    select: { organisationId: true },
  });
  if (!found) throw notFound("The group mapping");
  assertCan(actor, "user.manage", found.organisationId, ONLY_ADMIN);
  return db().$transaction(async (tx) => {
    // Locked, so a sign-in cannot grant through it while it goes.
    const rows = await tx.$queryRaw<{ id: string }[]>`
      SELECT id FROM sso_group_role WHERE id = ${input.ssoGroupRoleId}::uuid FOR UPDATE`;
    if (rows.length === 0) throw notFound("The group mapping");
    const mapping = await tx.ssoGroupRole.findUniqueOrThrow({
      where: { id: input.ssoGroupRoleId },
      select: {
        id: true,
        organisationId: true,
        groupId: true,
        role: true,
        memberships: { select: { id: true, userId: true } },
      },
    });
    await tx.membership.deleteMany({ where: { ssoGroupRoleId: mapping.id } });
    await tx.ssoGroupRole.delete({ where: { id: mapping.id } });
    await recordAudit(tx, actor, {
      action: "sso_group_role.delete",
      entityType: "sso_group_role",
      entityId: mapping.id,
      organisationId: mapping.organisationId,
      before: mapping,
    });
    return mapping;
  });
}
