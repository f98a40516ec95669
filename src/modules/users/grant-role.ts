import { assertCan, type Actor } from "@/server/auth/actor";
import { db } from "@/server/db";
import { DomainError, forbidden, invalidField, isUniqueViolation, notFound } from "@/server/errors";
import { recordAudit } from "@/modules/audit/record-audit";
import { assertCanGrantSystemWide, systemWideError } from "./role-grant-rules";
import type { GrantRoleInput, RevokeRoleInput } from "./user-schemas";

const ALREADY_HELD = "This user already holds this role at this organisation";

export async function grantRole(actor: Actor, input: GrantRoleInput) {
  assertCan(
    actor,
    "user.manage",
    input.organisationId,
    "Only an administrator of this organisation can grant roles there.",
  );
  const [user, organisation] = await Promise.all([
    db().user.findUnique({ where: { id: input.userId }, select: { id: true } }),
    db().organisation.findUnique({ where: { id: input.organisationId }, select: { type: true } }),
  ]);
  if (!user) throw notFound("The user");
  if (!organisation) throw notFound("The organisation");
  const scopeError = systemWideError(input.systemWide, organisation.type);
  if (scopeError) throw invalidField("systemWide", scopeError);
  if (input.systemWide) await assertCanGrantSystemWide(actor, input.organisationId);
  try {
    return await db().$transaction(async (tx) => {
      const membership = await tx.membership.create({
        data: {
          userId: input.userId,
          organisationId: input.organisationId,
          role: input.role,
          clinicalCapacity: input.clinicalCapacity ?? null,
          // A finance role without a capacity is the finance director's.
          financeCapacity: input.role === "FINANCE" ? (input.financeCapacity ?? "DIRECTOR") : null,
          systemWide: input.systemWide,
        },
      });
      await recordAudit(tx, actor, {
        action: "membership.grant",
        entityType: "membership",
        entityId: membership.id,
        organisationId: membership.organisationId,
        after: membership,
      });
      return membership;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new DomainError("CONFLICT", ALREADY_HELD, { role: [ALREADY_HELD] });
    throw error;
  }
}

export async function revokeRole(actor: Actor, input: RevokeRoleInput) {
  const membership = await db().membership.findUnique({ where: { id: input.membershipId } });
  if (!membership) throw notFound("The role");
  assertCan(
    actor,
    "user.manage",
    membership.organisationId,
    "Only an administrator of this organisation can remove roles there.",
  );
  // An administrator cannot lock themselves out; another administrator must do it.
  if (membership.userId === actor.userId && membership.role === "ADMIN") {
    throw forbidden("You cannot remove your own administrator role. Ask another administrator.");
  }
  return db().$transaction(async (tx) => {
    const deleted = await tx.membership.deleteMany({ where: { id: membership.id } });
    if (deleted.count === 0) throw notFound("The role");
    await recordAudit(tx, actor, {
      action: "membership.revoke",
      entityType: "membership",
      entityId: membership.id,
      organisationId: membership.organisationId,
      before: membership,
    });
    return membership;
  });
}
