import { assertCan, type Actor } from "@/server/auth/actor";
import { hashPassword } from "@/server/auth/password";
import { db } from "@/server/db";
import { DomainError, invalidField, isUniqueViolation, notFound } from "@/server/errors";
import { recordAudit } from "@/modules/audit/record-audit";
import { assertCanGrantSystemWide, systemWideError } from "./role-grant-rules";
import type { CreateUserInput } from "./user-schemas";

const EMAIL_TAKEN = "A user with this email address already exists";

/** An administrator creates a user with a first role at one of their organisations. */
export async function createUser(actor: Actor, input: CreateUserInput) {
  assertCan(
    actor,
    "user.manage",
    input.organisationId,
    "Only an administrator of this organisation can add users to it.",
  );
  const organisation = await db().organisation.findUnique({
    where: { id: input.organisationId },
    select: { type: true },
  });
  if (!organisation) throw notFound("The organisation");
  const scopeError = systemWideError(input.systemWide, organisation.type);
  if (scopeError) throw invalidField("systemWide", scopeError);
  if (input.systemWide) await assertCanGrantSystemWide(actor, input.organisationId);
  if (await db().user.findUnique({ where: { email: input.email }, select: { id: true } })) {
    throw new DomainError("CONFLICT", EMAIL_TAKEN, { email: [EMAIL_TAKEN] });
  }
  const passwordHash = await hashPassword(input.password);
  try {
    return await db().$transaction(async (tx) => {
      const user = await tx.user.create({
        data: { name: input.name, email: input.email, jobTitle: input.jobTitle ?? null, passwordHash },
        select: { id: true, name: true, email: true, jobTitle: true },
      });
      const membership = await tx.membership.create({
        data: {
          userId: user.id,
          organisationId: input.organisationId,
          role: input.role,
          clinicalCapacity: input.clinicalCapacity ?? null,
          // A finance role without a capacity is the finance director's.
          financeCapacity: input.role === "FINANCE" ? (input.financeCapacity ?? "DIRECTOR") : null,
          systemWide: input.systemWide,
        },
      });
      await recordAudit(tx, actor, {
        action: "user.create",
        entityType: "user",
        entityId: user.id,
        organisationId: input.organisationId,
        after: { ...user, membership },
      });
      return user;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new DomainError("CONFLICT", EMAIL_TAKEN, { email: [EMAIL_TAKEN] });
    throw error;
  }
}
