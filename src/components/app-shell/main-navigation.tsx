"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useState, useSyncExternalStore } from "react";
import type { NavItem } from "./navigation";

/**
 * The main menu. On a phone (below the md breakpoint) it folds behind a "Menu" button
 * (aria-expanded, closes when a link is followed); from md up it is always open. Without
 * JavaScript the list shows, so the menu never becomes unreachable.
 */
export function MainNavigation({ items }: { items: Pick<NavItem, "href" | "label">[] }) {
  const [open, setOpen] = useState(false);
  const pathname = usePathname();
  const [openedAt, setOpenedAt] = useState(pathname);
  // false in the server's HTML and during hydration, true after: the list stays open without JavaScript.
  const hydrated = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  // Following a link closes the menu (state adjusted during render, React's pattern for "reset on prop change").
  if (openedAt !== pathname) {
    setOpenedAt(pathname);
    setOpen(false);
  }
  const folded = hydrated && !open;
  return (
    <nav data-app-nav aria-label="Main" className="border-b border-nhs-border bg-white">
      <div className="mx-auto max-w-7xl px-4 md:px-6">
        <button
          type="button"
          aria-expanded={open}
          aria-controls="main-menu"
          onClick={() => setOpen((o) => !o)}
          className={`my-2 rounded border-2 border-nhs-blue px-3 py-1 font-semibold text-nhs-blue md:hidden ${hydrated ? "" : "hidden"}`}
        >
          {open ? "Close menu" : "Menu"}
        </button>
        <ul
          id="main-menu"
          className={`${folded ? "hidden" : "flex"} flex-col gap-1 pb-2 md:flex md:flex-row md:flex-wrap md:gap-6 md:py-2`}
        >
          {items.map((item) => (
            <li key={item.href}>
              <Link
                href={item.href}
                aria-current={pathname === item.href ? "page" : undefined}
                className="block py-1 font-semibold md:inline md:py-0"
              >
                {item.label}
              </Link>
            </li>
          ))}
        </ul>
      </div>
    </nav>
  );
}

const noSubscription = () => () => {};
