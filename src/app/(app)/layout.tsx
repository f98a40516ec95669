import type { ReactNode } from "react";
import { AppHeader } from "@/components/app-shell/app-header";
import { countUnreadNotifications } from "@/modules/notifications/find-notifications";
import { currentOrganisation } from "@/server/auth/current-organisation";
import { requireActor } from "@/server/auth/session";

export default async function AppLayout({ children }: { children: ReactNode }) {
  const actor = await requireActor();
  const [current, unread] = await Promise.all([currentOrganisation(actor), countUnreadNotifications(actor.userId)]);
  return (
    <>
      <AppHeader actor={actor} current={current} unreadNotifications={unread} />
      <main id="main" className="mx-auto max-w-7xl px-4 py-6 md:px-6 md:py-8">
        {children}
      </main>
    </>
  );
}
