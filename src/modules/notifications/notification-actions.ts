"use server";

import { authedAction } from "@/server/action";
import { routes } from "@/server/routes";
import {
  markAllNotificationsRead,
  markAllNotificationsReadSchema,
  markNotificationRead,
  markNotificationReadSchema,
} from "./mark-notifications-read";
import { setEmailPreferences, setEmailPreferencesSchema } from "./email-preferences";

export const markNotificationReadAction = authedAction(
  "notification.read",
  markNotificationReadSchema,
  async (actor, input) => ({
    data: await markNotificationRead(actor, input),
    message: "Marked as read.",
    revalidate: [routes.notifications, routes.home],
  }),
);

export const markAllNotificationsReadAction = authedAction(
  "notification.read-all",
  markAllNotificationsReadSchema,
  async (actor) => {
    const data = await markAllNotificationsRead(actor);
    return { data, message: `${data.marked} marked as read.`, revalidate: [routes.notifications] };
  },
);

export const setEmailPreferencesAction = authedAction(
  "email-preferences.set",
  setEmailPreferencesSchema,
  async (actor, input) => ({
    data: await setEmailPreferences(actor, input),
    message: "Email choices saved.",
    revalidate: [routes.notificationPreferences],
  }),
);
