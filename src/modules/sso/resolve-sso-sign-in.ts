import { recordAudit } from "@/modules/audit/record-audit";
import type { Actor } from "@/server/auth/actor";
import { db } from "@/server/db";
import { isUniqueViolation } from "@/server/errors";
import { claimGroups } from "./sso-group-rules";
import { evaluateSsoClaims, type SsoClaims, type SsoPolicy, type SsoRefusal } from "./sso-rules";
import { syncGroupRoles } from "./sync-group-roles";

/** Never matches a bcrypt hash: a user created by SSO has no password until an administrator sets one. */
export const NO_PASSWORD_HASH = "!sso-only";

export type SsoSignIn =
  | { ok: true; userId: string; created: boolean; awaitingAccess: boolean }
  | { ok: false; reason: SsoRefusal | "disabled" };

/**
 * Turns a verified ID token into a user: the existing account with that email (case-insensitive),
 * or a new one with no roles (awaiting access). Disabled accounts are refused. Roles mapped by an
 * administrator to the token's `groups` are granted (and removed once the group is gone). Every outcome is
 * audited (auth.sso.sign_in / auth.sso.refused) with the issuer, never a token.
 */
export async function resolveSsoSignIn(
  issuer: string,
  claims: SsoClaims,
  policy: SsoPolicy,
  now = new Date(),
): Promise<SsoSignIn> {
  const decision = evaluateSsoClaims(claims, policy);
  if (!decision.ok) {
    await db().$transaction((tx) =>
      recordAudit(tx, null, {
        action: "auth.sso.refused",
        entityType: "sso",
        entityId: String(claims.sub ?? "").slice(0, 64) || "unknown",
        after: {
          issuer,
          reason: decision.reason,
          email: typeof claims.email === "string" ? claims.email.slice(0, 254) : null,
        },
      }),
    );
    return decision;
  }
  try {
    return await link(issuer, decision, claimGroups(claims.groups), now);
  } catch (error) {
    // Two first sign-ins at once: the other created the user, identity or mapped role; link again.
    if (isUniqueViolation(error)) return link(issuer, decision, claimGroups(claims.groups), now);
    throw error;
  }
}

async function link(
  issuer: string,
  d: { subject: string; email: string; name: string; tenantId: string | null },
  groups: Set<string>,
  now: Date,
): Promise<SsoSignIn> {
  return db().$transaction(async (tx) => {
    let user = await tx.user.findFirst({
      where: { email: { equals: d.email, mode: "insensitive" } },
      select: { id: true, active: true },
    });
    if (user && !user.active) {
      await recordAudit(tx, asActor(user.id, d.email), {
        action: "auth.sso.refused",
        entityType: "user",
        entityId: user.id,
        after: { issuer, reason: "disabled" },
      });
      return { ok: false as const, reason: "disabled" as const };
    }
    const created = !user;
    if (!user) {
      const row = await tx.user.create({
        data: { email: d.email, name: d.name, passwordHash: NO_PASSWORD_HASH },
        select: { id: true, active: true },
      });
      user = row;
    }
    await tx.ssoIdentity.upsert({
      where: { issuer_subject: { issuer, subject: d.subject } },
      create: { userId: user.id, issuer, subject: d.subject, tenantId: d.tenantId, lastSignInAt: now },
      update: { userId: user.id, tenantId: d.tenantId, lastSignInAt: now },
    });
    await recordAudit(tx, asActor(user.id, d.email), {
      action: "auth.sso.sign_in",
      entityType: "user",
      entityId: user.id,
      after: { issuer, tenantId: d.tenantId, created },
    });
    await syncGroupRoles(tx, asActor(user.id, d.email), groups);
    const memberships = await tx.membership.count({ where: { userId: user.id } });
    return { ok: true as const, userId: user.id, created, awaitingAccess: memberships === 0 };
  });
}

/** The signing-in user as the audit record's actor. */
function asActor(userId: string, email: string): Actor {
  return { userId, email, name: email, organisations: [] };
}
