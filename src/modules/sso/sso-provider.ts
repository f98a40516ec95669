import type { Account, CallbacksOptions, User } from "next-auth";
import type { OAuthConfig } from "next-auth/providers/oauth";
import { createSession } from "@/server/auth/sessions";
import { SSO_PROVIDER_ID, ssoConfig } from "./sso-config";
import { resolveSsoSignIn } from "./resolve-sso-sign-in";
import type { SsoClaims } from "./sso-rules";

type SsoUser = User & { claims?: SsoClaims; ssoUserId?: string };

/**
 * The OpenID Connect provider for next-auth, or none when SSO is not configured. The
 * authorization code flow with PKCE, state and nonce; openid-client checks the ID token's
 * signature, issuer, audience, expiry and nonce against the provider's discovery document.
 */
export function ssoProvider(): OAuthConfig<SsoClaims & { sub: string }>[] {
  const config = ssoConfig();
  if (!config) return [];
  return [
    {
      id: SSO_PROVIDER_ID,
      name: config.label,
      type: "oauth",
      wellKnown: `${config.issuer}/.well-known/openid-configuration`,
      issuer: config.issuer,
      clientId: config.clientId,
      clientSecret: config.clientSecret,
      authorization: { params: { scope: "openid email profile" } },
      idToken: true,
      checks: ["pkce", "state", "nonce"],
      // The claims travel to the signIn callback on the user object; the account's id is set there.
      profile: (claims) => ({ id: claims.sub, email: null, name: null, claims }) as SsoUser,
    },
  ];
}

/**
 * next-auth's signIn callback: password sign-ins pass (they were checked by authorize); an SSO
 * sign-in is matched to a user, or refused with a reason the sign-in page explains.
 */
export const ssoSignIn: CallbacksOptions["signIn"] = async ({ user, account }) => {
  if (account?.provider !== SSO_PROVIDER_ID) return true;
  const config = ssoConfig();
  const claims = (user as SsoUser).claims;
  if (!config || !claims) return "/sign-in?error=SsoRefused";
  const result = await resolveSsoSignIn(config.issuer, claims, config.policy);
  if (!result.ok) return `/sign-in?error=SsoRefused&reason=${result.reason}`;
  (user as SsoUser).ssoUserId = result.userId;
  return true;
};

/** In the jwt callback of an SSO sign-in: the database session behind the cookie. */
export async function ssoSessionId(
  account: Account | null | undefined,
  user: User | undefined,
): Promise<string | null> {
  if (account?.provider !== SSO_PROVIDER_ID) return null;
  const userId = (user as SsoUser | undefined)?.ssoUserId;
  if (!userId) throw new Error("SSO sign-in reached the session without a matched user");
  return (await createSession(userId)).id;
}
