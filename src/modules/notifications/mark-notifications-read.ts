import { z } from "zod";
import { uuidField } from "@/lib/form-fields";
import type { Actor } from "@/server/auth/actor";
import { db } from "@/server/db";
import { notFound } from "@/server/errors";

export const markNotificationReadSchema = z.object({ notificationId: uuidField("a notification") });
export const markAllNotificationsReadSchema = z.object({});

/**
 * Read/unread is the person's own view of their list, not a change to any record, so it is not
 * audited. Only the owner can mark it: another person's id is "not found".
 */
export async function markNotificationRead(actor: Actor, input: z.infer<typeof markNotificationReadSchema>) {
  const { count } = await db().notification.updateMany({
    where: { id: input.notificationId, userId: actor.userId },
    data: { readAt: new Date() },
  });
  if (count === 0) throw notFound("That notification is no longer there: its cause may be resolved.");
  return { notificationId: input.notificationId };
}

export async function markAllNotificationsRead(actor: Actor) {
  const { count } = await db().notification.updateMany({
    where: { userId: actor.userId, readAt: null },
    data: { readAt: new Date() },
  });
  return { marked: count };
}
