import type { Metadata } from "next";
import Link from "next/link";
import { Card, PageHeader } from "@/components/ui/page-header";
import { MarkAllReadButton, MarkReadButton } from "@/modules/notifications/components/mark-read-button";
import { findMyNotifications } from "@/modules/notifications/find-notifications";
import { NOTIFICATION_KIND_LABELS } from "@/modules/notifications/notification-labels";
import { syncNotifications } from "@/modules/reminders/sync-notifications";
import { requireActor } from "@/server/auth/session";

export const metadata: Metadata = { title: "Notifications" };

export default async function NotificationsPage() {
  const actor = await requireActor();
  // This person's reminders as of now, so what they just resolved is gone (the job refreshes everyone's).
  await syncNotifications({ userId: actor.userId }).catch((error: unknown) =>
    console.error("[notifications] refresh failed; showing the last run's", error),
  );
  const items = await findMyNotifications(actor.userId);
  const unread = items.filter((n) => n.readAt === null).length;
  return (
    <>
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
          {unread > 0 && <MarkAllReadButton />}
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
