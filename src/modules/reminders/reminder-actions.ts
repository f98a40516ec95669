"use server";

import { authedAction } from "@/server/action";
import { routes } from "@/server/routes";
import { setReminderSettings, setReminderSettingsSchema } from "./set-reminder-settings";

export const setReminderSettingsAction = authedAction(
  "reminder-settings.set",
  setReminderSettingsSchema,
  async (actor, input) => ({
    data: await setReminderSettings(actor, input),
    message: "Reminder settings saved. The next reminder run uses them.",
    revalidate: [routes.reminderSettings],
  }),
);
