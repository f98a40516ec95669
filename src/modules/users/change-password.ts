import type { Actor } from "@/server/auth/actor";
import { hashPassword } from "@/server/auth/password";
import { lockedMessage, verifyCredentials } from "@/server/auth/verify-credentials";
import { db } from "@/server/db";
import { invalidField } from "@/server/errors";
import { recordAudit } from "@/modules/audit/record-audit";
import { newPasswordProblem, type ChangePasswordInput } from "./password-schemas";

/**
 * A person changes their own password. The current one is checked as a sign-in is (counted, and
 * locked after too many failures, so a borrowed session cannot guess it); every other session of
 * theirs ends, this one stays; a password change an administrator required is then done.
 */
export async function changeOwnPassword(
  actor: Actor,
  input: ChangePasswordInput,
): Promise<{ otherSessionsEnded: number }> {
  const current = await verifyCredentials(actor.email, input.currentPassword);
  if (!current.ok) {
    throw invalidField(
      "currentPassword",
      current.reason === "locked" ? lockedMessage(current.minutes) : "Your current password is not right",
    );
  }
  const personal = newPasswordProblem(input.newPassword, [actor.email, actor.name]);
  if (personal) throw invalidField("newPassword", personal);
  const passwordHash = await hashPassword(input.newPassword);
  return db().$transaction(async (tx) => {
    await tx.user.update({
      where: { id: actor.userId },
      data: { passwordHash, mustChangePassword: false, passwordChangedAt: new Date() },
    });
    const ended = await tx.session.deleteMany({
      where: { userId: actor.userId, ...(actor.sessionId ? { id: { not: actor.sessionId } } : {}) },
    });
    await recordAudit(tx, actor, {
      action: "user.password.change",
      entityType: "user",
      entityId: actor.userId,
      after: { otherSessionsEnded: ended.count, wasRequired: actor.mustChangePassword ?? false },
    });
    return { otherSessionsEnded: ended.count };
  });
}
