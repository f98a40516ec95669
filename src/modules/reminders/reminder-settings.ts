import { z } from "zod";

/** Per-organisation reminder settings, set by finance. Working days are counted after month end. */
export type ReminderSettings = {
  /** The monthly update is due by working day N after month end. */
  updateDueWorkingDay: number;
  /** Finance should have closed the month by working day M after month end. */
  monthCloseWorkingDay: number;
  /** An update overdue by more than E working days also goes to the programme SRO / finance director. */
  escalateAfterWorkingDays: number;
};

export const DEFAULT_REMINDER_SETTINGS: ReminderSettings = {
  updateDueWorkingDay: 3,
  monthCloseWorkingDay: 8,
  escalateAfterWorkingDays: 5,
};

const workingDay = (label: string) =>
  z.coerce
    .number({ error: `Enter ${label} as a number of working days` })
    .int(`Enter ${label} as a whole number of working days`)
    .min(1, `${label} must be at least 1 working day`)
    .max(20, `${label} must be at most 20 working days`);

export const reminderSettingsSchema = z.object({
  updateDueWorkingDay: workingDay("the working day updates are due"),
  monthCloseWorkingDay: workingDay("the working day finance closes the month"),
  escalateAfterWorkingDays: workingDay("the working days before escalation"),
});

/** Stored settings may be partial (or absent): anything missing takes the default. */
export function withDefaults(stored: Partial<ReminderSettings> | null | undefined): ReminderSettings {
  return {
    ...DEFAULT_REMINDER_SETTINGS,
    ...Object.fromEntries(Object.entries(stored ?? {}).filter(([, v]) => v != null)),
  };
}
