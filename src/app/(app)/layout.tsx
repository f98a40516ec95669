import type { ReactNode } from "react";
import { AppHeader } from "@/components/app-shell/app-header";
import { currentOrganisation } from "@/server/auth/current-organisation";
import { requireActor } from "@/server/auth/session";

export default async function AppLayout({ children }: { children: ReactNode }) {
  const actor = await requireActor();
  const current = await currentOrganisation(actor);
  return (
    <>
      <AppHeader actor={actor} current={current} />
      <main id="main" className="mx-auto max-w-7xl px-4 py-6 md:px-6 md:py-8">
        {children}
      </main>
    </>
  );
}
