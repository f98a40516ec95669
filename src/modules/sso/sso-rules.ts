/**
 * Who may sign in by single sign-on (issue 15), as a pure function of the ID token's claims and
 * the configured policy. Matching is by email only; roles come only through an administrator's
 * group mappings (sso-group-rules.ts).
 */

export interface SsoPolicy {
  /** Lower-case email domains; empty = any. */
  allowedDomains: string[];
  /** Entra tenant ids (`tid`); empty = any. */
  allowedTenants: string[];
  requireVerifiedEmail: boolean;
}

export interface SsoClaims {
  sub?: unknown;
  email?: unknown;
  email_verified?: unknown;
  preferred_username?: unknown;
  name?: unknown;
  tid?: unknown;
  /** Group ids (Entra: object ids), used only through an administrator's mappings. */
  groups?: unknown;
}

export type SsoRefusal = "no_email" | "unverified_email" | "domain_not_allowed" | "tenant_not_allowed";

export type SsoDecision =
  | { ok: true; subject: string; email: string; name: string; tenantId: string | null }
  | { ok: false; reason: SsoRefusal };

export const SSO_REFUSAL_MESSAGES: Record<SsoRefusal | "disabled", string> = {
  no_email: "Your single sign-on account did not give an email address, so it cannot be matched to a user.",
  unverified_email: "Your single sign-on account's email address is not verified.",
  domain_not_allowed: "Single sign-on is not open to your email domain. Ask your administrator.",
  tenant_not_allowed: "Single sign-on is not open to your organisation's directory. Ask your administrator.",
  disabled: "Your account is disabled. Ask your administrator.",
};

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function parseList(text: string): string[] {
  return text
    .split(",")
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
}

export function evaluateSsoClaims(claims: SsoClaims, policy: SsoPolicy): SsoDecision {
  const subject = typeof claims.sub === "string" ? claims.sub : "";
  // Entra ID puts the sign-in address in preferred_username when `email` is not set.
  const raw = typeof claims.email === "string" && claims.email ? claims.email : claims.preferred_username;
  const email = typeof raw === "string" ? raw.trim().toLowerCase() : "";
  if (!subject || !EMAIL.test(email) || email.length > 254) return { ok: false, reason: "no_email" };
  if (policy.requireVerifiedEmail && claims.email_verified !== true) return { ok: false, reason: "unverified_email" };
  const domain = email.slice(email.lastIndexOf("@") + 1);
  if (policy.allowedDomains.length && !policy.allowedDomains.includes(domain))
    return { ok: false, reason: "domain_not_allowed" };
  const tenantId = typeof claims.tid === "string" ? claims.tid.toLowerCase() : null;
  if (policy.allowedTenants.length && !(tenantId && policy.allowedTenants.includes(tenantId)))
    return { ok: false, reason: "tenant_not_allowed" };
  const name = typeof claims.name === "string" && claims.name.trim() ? claims.name.trim().slice(0, 120) : email;
  return { ok: true, subject, email, name, tenantId };
}
