import { db } from "@/server/db";

/** A person's notifications: unread first, then what is due or waiting longest. */
export async function findMyNotifications(userId: string) {
  const rows = await db().notification.findMany({
    where: { userId },
    select: {
      id: true,
      kind: true,
      title: true,
      detail: true,
      href: true,
      dueOn: true,
      waitingSince: true,
      readAt: true,
      createdAt: true,
    },
    take: 500,
  });
  const when = (n: (typeof rows)[number]) => (n.dueOn ?? n.waitingSince ?? n.createdAt).getTime();
  return rows.sort(
    (a, b) =>
      Number(a.readAt !== null) - Number(b.readAt !== null) || when(a) - when(b) || a.title.localeCompare(b.title),
  );
}

/** The bell's number: unread notifications. */
export async function countUnreadNotifications(userId: string): Promise<number> {
  return db().notification.count({ where: { userId, readAt: null } });
}
