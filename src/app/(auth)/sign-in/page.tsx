import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getActor } from "@/server/auth/session";
import { routes } from "@/server/routes";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  if (await getActor().catch(() => null)) redirect(routes.home);
  const { callbackUrl } = await searchParams;
  // Only same-site paths, so the sign-in page cannot be used to redirect elsewhere.
  const next = callbackUrl?.startsWith("/") && !callbackUrl.startsWith("//") ? callbackUrl : routes.home;
  return (
    <>
      <header className="bg-nhs-blue px-6 py-4 text-white">
        <p className="text-xl font-bold">Recovery Tracker</p>
      </header>
      <main id="main" className="mx-auto max-w-lg px-6 py-10">
        <h1 className="mb-2 text-3xl font-bold">Sign in</h1>
        <p className="mb-6 text-nhs-secondary">Financial recovery programmes for NHS trusts and ICBs.</p>
        <SignInForm callbackUrl={next} />
      </main>
    </>
  );
}
