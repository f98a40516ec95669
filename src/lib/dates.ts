import { z } from "zod";
import { financialMonthOf, monthLabel } from "./financial-year";

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

/**
 * "23 Nov 2026": how NHS papers write dates, with the app's one set of month abbreviations
 * (monthLabel: "Sep", where Intl's en-GB short month says "Sept"; issue 13 item 9).
 */
export function formatDate(date: Date): string {
  return `${date.getUTCDate()} ${monthLabel(financialMonthOf(date))} ${date.getUTCFullYear()}`;
}

const TIME_FORMAT = new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", timeZone: "Europe/London" });

/** "23 Nov 2026 14:05", the time as in England (history entries, comments). */
export function formatDateTime(date: Date): string {
  return `${formatDate(date)} ${TIME_FORMAT.format(date)}`;
}

/** YYYY-MM-DD for <input type="date"> values. */
export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Midnight UTC of the day `now` falls in: "overdue" compares whole days. */
export function startOfUtcDay(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}
