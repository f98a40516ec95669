import { env } from "@/env";
import { parseList, type SsoPolicy } from "./sso-rules";

export const SSO_PROVIDER_ID = "nhs-sso";

export interface SsoConfig {
  issuer: string;
  clientId: string;
  clientSecret: string;
  label: string;
  hidePasswordForm: boolean;
  policy: SsoPolicy;
}

/** The SSO settings, or null when OIDC_ISSUER / OIDC_CLIENT_ID / OIDC_CLIENT_SECRET are not all set. */
export function ssoConfig(): SsoConfig | null {
  const e = env();
  if (!e.OIDC_ISSUER || !e.OIDC_CLIENT_ID || !e.OIDC_CLIENT_SECRET) return null;
  return {
    issuer: e.OIDC_ISSUER.replace(/\/$/, ""),
    clientId: e.OIDC_CLIENT_ID,
    clientSecret: e.OIDC_CLIENT_SECRET,
    label: e.OIDC_PROVIDER_NAME,
    hidePasswordForm: e.OIDC_HIDE_PASSWORD_FORM,
    policy: {
      allowedDomains: parseList(e.OIDC_ALLOWED_DOMAINS),
      allowedTenants: parseList(e.OIDC_ALLOWED_TENANTS),
      requireVerifiedEmail: e.OIDC_REQUIRE_VERIFIED_EMAIL,
    },
  };
}
