import Link from "next/link";
import { routes } from "@/server/routes";

/** The header's bell: a link to the notifications list, its name saying how many are unread. */
export function NotificationBell({ unread }: { unread: number }) {
  const label = unread === 0 ? "Notifications, none unread" : `Notifications, ${unread} unread`;
  return (
    <Link
      href={routes.notifications}
      aria-label={label}
      data-notification-bell
      className="relative inline-flex items-center gap-1 rounded px-1 text-white no-underline hover:text-white"
    >
      <svg aria-hidden="true" viewBox="0 0 24 24" width="24" height="24" fill="currentColor">
        <path d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z" />
      </svg>
      {unread > 0 && (
        <span
          aria-hidden="true"
          className="rounded-full bg-nhs-yellow px-1.5 text-sm font-bold leading-5 text-nhs-text"
        >
          {unread > 99 ? "99+" : unread}
        </span>
      )}
    </Link>
  );
}
