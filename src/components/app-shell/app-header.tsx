import Link from "next/link";
import type { Actor, ActorOrganisation } from "@/server/auth/actor";
import { routes } from "@/server/routes";
import { MainNavigation } from "./main-navigation";
import { navigationFor } from "./navigation";
import { NotificationBell } from "./notification-bell";
import { OrganisationSwitcher } from "./organisation-switcher";
import { SignOutButton } from "./sign-out-button";

export function AppHeader({
  actor,
  current,
  unreadNotifications,
}: {
  actor: Actor;
  current: ActorOrganisation | undefined;
  unreadNotifications: number;
}) {
  return (
    <>
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:bg-nhs-yellow focus:p-2 focus:text-nhs-text"
      >
        Skip to main content
      </a>
      <header data-app-header className="bg-nhs-blue text-white">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center justify-between gap-x-4 gap-y-2 px-4 py-3 md:px-6">
          <Link href={routes.home} className="text-xl font-bold text-white no-underline hover:text-white">
            Recovery Tracker
          </Link>
          <div className="flex min-w-0 flex-wrap items-center gap-x-4 gap-y-2">
            {current && (
              <OrganisationSwitcher
                organisations={actor.organisations.map((o) => ({ id: o.id, name: o.name }))}
                currentId={current.id}
              />
            )}
            <NotificationBell unread={unreadNotifications} />
            <Link
              href={routes.account}
              className="text-white hover:text-white"
              aria-label={`Your account: ${actor.name}`}
            >
              {actor.name}
            </Link>
            <SignOutButton />
          </div>
        </div>
      </header>
      <MainNavigation items={navigationFor(actor).map(({ href, label }) => ({ href, label }))} />
    </>
  );
}
