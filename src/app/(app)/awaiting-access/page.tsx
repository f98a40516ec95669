import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Card, PageHeader } from "@/components/ui/page-header";
import { requireActor } from "@/server/auth/session";
import { routes } from "@/server/routes";

export const metadata: Metadata = { title: "Awaiting access" };

/** Where a person signed in by SSO lands until an administrator grants them a role. */
export default async function AwaitingAccessPage() {
  const actor = await requireActor();
  if (actor.organisations.length > 0) redirect(routes.home);
  return (
    <>
      <PageHeader title="Awaiting access" caption={actor.email} />
      <Card>
        <p className="mb-2">You are signed in, but you have not been given access to any organisation yet.</p>
        <p>
          An administrator must grant you a role (for example finance, programme lead or board member). They can see you
          listed as awaiting access on their Users page. Once they have, sign out and sign in again, or reload this
          page.
        </p>
      </Card>
    </>
  );
}
