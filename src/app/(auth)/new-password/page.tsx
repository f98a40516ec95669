import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignOutButton } from "@/components/app-shell/sign-out-button";
import { ChangePasswordForm } from "@/modules/users/components/change-password-form";
import { getSignedInActor } from "@/server/auth/session";
import { routes } from "@/server/routes";

export const metadata: Metadata = { title: "Choose a new password" };

/** Where requireActor() sends someone whose administrator required a new password, until they set one. */
export default async function NewPasswordPage() {
  const actor = await getSignedInActor();
  if (!actor) redirect(routes.signIn);
  return (
    <>
      <header className="flex flex-wrap items-center justify-between gap-4 bg-nhs-blue px-6 py-4 text-white">
        <p className="text-xl font-bold">Recovery Tracker</p>
        <SignOutButton />
      </header>
      <main id="main" className="mx-auto max-w-lg px-6 py-10">
        <h1 className="mb-2 text-3xl font-bold">Choose a new password</h1>
        <p className="mb-6">
          {actor.mustChangePassword
            ? "Your administrator has asked you to choose a new password before you continue."
            : "Your password is up to date."}
        </p>
        <ChangePasswordForm continueTo={routes.home} />
      </main>
    </>
  );
}
