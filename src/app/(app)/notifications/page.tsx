import type { Metadata } from "next";
import Link from "next/link";
import { RefreshOnce } from "@/components/app-shell/refresh-once";
import { Card, PageHeader } from "@/components/ui/page-header";
import { MarkAllReadButton, MarkReadButton } from "@/modules/notifications/components/mark-read-button";
import { findMyNotifications } from "@/modules/notifications/find-notifications";
import { NOTIFICATION_KIND_LABELS } from "@/modules/notifications/notification-labels";
import { syncNotifications } from "@/modules/reminders/sync-notifications";
import { requireActor } from "@/server/auth/session";
import { routes } from "@/server/routes";

export const metadata: Metadata = { title: "Notifications" };

export default async function NotificationsPage() {
  const actor = await requireActor();
  // This person's reminders as of now, so what they just resolved is gone (the job refreshes everyone's).
  const refresh = await syncNotifications({ userId: actor.userId }).catch((error: unknown) => {
    console.error("[notifications] refresh failed; showing the last run's", error);
    return null;
  });
  // The header's bell was counted beside this render, or not at all on a client navigation (the
  // layout is kept): when the refresh changed anything, fetch the page and layout once more so
  // the bell agrees with the list (that second refresh finds nothing to change, so no loop).
  const changed = refresh !== null && refresh.created + refresh.updated + refresh.removed > 0;
  const items = await findMyNotifications(actor.userId);
  const unread = items.filter((n) => n.readAt === null).length;
  return (
    <>
      {changed && <RefreshOnce />}
      <PageHeader
        title="Notifications"
        caption={items.length === 0 ? "Nothing waiting" : `${unread} unread of ${items.length}`}
      />
      {items.length === 0 ? (
        <Card>
          <p>
            Nothing needs you now. Reminders appear here when an update, a decision, a signature or a review is due.
          </p>
        </Card>
      ) : (
        <Card>
          <p className="mb-3">
            Each reminder links to the form that resolves it, and disappears by itself once it is resolved.
          </p>
          <p className="mb-3">
            <Link href={routes.notificationPreferences}>Email choices</Link>: daily digest, weekly or off, per kind.
          </p>
          <MarkAllReadButton unread={unread} />
          <ul className="divide-y divide-nhs-border" aria-label="Your notifications, unread first">
            {items.map((n) => (
              <li key={n.id} className="flex flex-wrap items-start justify-between gap-3 py-3">
                <div>
                  <p className="text-sm font-semibold text-nhs-secondary">
                    {n.readAt === null && (
                      <span className="mr-2 rounded bg-nhs-blue px-1.5 py-0.5 text-xs text-white">Unread</span>
                    )}
                    {NOTIFICATION_KIND_LABELS[n.kind]}
                  </p>
                  <Link href={n.href} className={n.readAt === null ? "font-bold" : ""}>
                    {n.title}
                  </Link>
                  {n.detail && <p className="text-nhs-secondary">{n.detail}</p>}
                </div>
                {n.readAt === null && <MarkReadButton notificationId={n.id} what={n.title} />}
              </li>
            ))}
          </ul>
        </Card>
      )}
    </>
  );
}
