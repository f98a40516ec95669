import Link from "next/link";
import type { Actor, ActorOrganisation } from "@/server/auth/actor";
import { routes } from "@/server/routes";
import { navigationFor } from "./navigation";
import { OrganisationSwitcher } from "./organisation-switcher";
import { SignOutButton } from "./sign-out-button";

export function AppHeader({ actor, current }: { actor: Actor; current: ActorOrganisation | undefined }) {
  return (
    <>
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:bg-nhs-yellow focus:p-2 focus:text-nhs-text"
      >
        Skip to main content
      </a>
      <header data-app-header className="bg-nhs-blue text-white">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center justify-between gap-4 px-6 py-3">
          <Link href={routes.home} className="text-xl font-bold text-white no-underline hover:text-white">
            Recovery Tracker
          </Link>
          <div className="flex flex-wrap items-center gap-4">
            {current && (
              <OrganisationSwitcher
                organisations={actor.organisations.map((o) => ({ id: o.id, name: o.name }))}
                currentId={current.id}
              />
            )}
            <span aria-label="Signed in as">{actor.name}</span>
            <SignOutButton />
          </div>
        </div>
      </header>
      <nav data-app-nav aria-label="Main" className="border-b border-nhs-border bg-white">
        <ul className="mx-auto flex max-w-7xl flex-wrap gap-6 px-6 py-2">
          {navigationFor(actor).map((item) => (
            <li key={item.href}>
              <Link href={item.href} className="font-semibold">
                {item.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
    </>
  );
}
