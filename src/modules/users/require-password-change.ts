import { canAnywhere, type Actor } from "@/server/auth/actor";
import { db } from "@/server/db";
import { forbidden, notFound } from "@/server/errors";
import { recordAudit } from "@/modules/audit/record-audit";
import { getUser } from "./find-users";
import type { RequirePasswordChangeInput } from "./password-schemas";

/**
 * An administrator forces a password reset (e.g. a password was shared or may be known): every
 * session of the person ends at once, and their next sign-in must set a new password before
 * anything else. Only for people holding a role where the administrator manages users.
 */
export async function requirePasswordChange(actor: Actor, input: RequirePasswordChangeInput) {
  const refusal = "Only an administrator of one of this person's organisations can require a new password.";
  if (!canAnywhere(actor, "user.manage")) throw forbidden(refusal);
  const user = await getUser(actor, input.userId); // NOT_FOUND outside the administrator's organisations
  if (user.memberships.length === 0) {
    throw forbidden(refusal);
  }
  if (user.id === actor.userId) throw forbidden("Change your own password under Your account instead.");
  return db().$transaction(async (tx) => {
    const updated = await tx.user.updateMany({ where: { id: user.id }, data: { mustChangePassword: true } });
    if (updated.count === 0) throw notFound("The user");
    const ended = await tx.session.deleteMany({ where: { userId: user.id } });
    await recordAudit(tx, actor, {
      action: "user.password.reset_required",
      entityType: "user",
      entityId: user.id,
      organisationId: user.memberships[0]?.organisation.id ?? null,
      after: { sessionsEnded: ended.count },
    });
    return { name: user.name, sessionsEnded: ended.count };
  });
}
