import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SSO_PROVIDER_ID, ssoConfig } from "@/modules/sso/sso-config";
import { SSO_REFUSAL_MESSAGES } from "@/modules/sso/sso-rules";
import { getActor } from "@/server/auth/session";
import { routes } from "@/server/routes";
import { SignInForm } from "./sign-in-form";
import { SsoButton } from "./sso-button";

export const metadata: Metadata = { title: "Sign in" };

/** Why single sign-on came back here: a refusal reason of ours, or next-auth's error code. */
function ssoError(error: string | undefined, reason: string | undefined): string | null {
  if (!error) return null;
  if (error === "SsoRefused" && reason && reason in SSO_REFUSAL_MESSAGES)
    return SSO_REFUSAL_MESSAGES[reason as keyof typeof SSO_REFUSAL_MESSAGES];
  return "Single sign-on did not complete, so you are not signed in. Try again; if it keeps failing, ask your administrator.";
}

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string; error?: string; reason?: string }>;
}) {
  if (await getActor().catch(() => null)) redirect(routes.home);
  const { callbackUrl, error, reason } = await searchParams;
  // Only same-site paths, so the sign-in page cannot be used to redirect elsewhere.
  const next = callbackUrl?.startsWith("/") && !callbackUrl.startsWith("//") ? callbackUrl : routes.home;
  const sso = ssoConfig();
  const problem = sso ? ssoError(error, reason) : null;
  return (
    <>
      <header className="bg-nhs-blue px-6 py-4 text-white">
        <p className="text-xl font-bold">Recovery Tracker</p>
      </header>
      <main id="main" className="mx-auto max-w-lg px-6 py-10">
        <h1 className="mb-2 text-3xl font-bold">Sign in</h1>
        <p className="mb-6 text-nhs-secondary">Financial recovery programmes for NHS trusts and ICBs.</p>
        {problem && (
          <div role="alert" className="mb-4 border-4 border-nhs-red bg-white p-3 font-semibold">
            {problem}
          </div>
        )}
        {sso && (
          <div className="mb-6 rounded border border-nhs-border bg-white p-6">
            <SsoButton providerId={SSO_PROVIDER_ID} label={sso.label} callbackUrl={next} />
          </div>
        )}
        {!sso?.hidePasswordForm && (
          <>
            {sso && <h2 className="mb-2 text-xl font-bold">Or sign in with your email and password</h2>}
            <SignInForm callbackUrl={next} />
          </>
        )}
      </main>
    </>
  );
}
