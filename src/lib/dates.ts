import { z } from "zod";

/** A calendar date typed as YYYY-MM-DD (what <input type="date"> sends), as UTC midnight. */
export const dateField = (label: string) =>
  z
    .string({ error: `Enter ${label}` })
    .trim()
    .min(1, `Enter ${label}`)
    .regex(/^\d{4}-\d{2}-\d{2}$/, `Enter ${label} as a date, e.g. 2026-12-31`)
    .transform((text, ctx) => {
      const date = new Date(`${text}T00:00:00.000Z`);
      if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== text) {
        ctx.addIssue({ code: "custom", message: `${text} is not a real date` });
        return z.NEVER;
      }
      return date;
    });

// One formatter for the process: building an Intl.DateTimeFormat costs ~0.8 ms, which made the
// reminder sync spend most of its time formatting dates (issue 16 bench).
const DATE_FORMAT = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  year: "numeric",
  timeZone: "UTC",
});

/** "23 Nov 2026": how NHS papers write dates. */
export function formatDate(date: Date): string {
  return DATE_FORMAT.format(date);
}

/** YYYY-MM-DD for <input type="date"> values. */
export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Midnight UTC of the day `now` falls in: "overdue" compares whole days. */
export function startOfUtcDay(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}
