import { z } from "zod";

/** Shared zod field builders, so every form trims, limits and words its errors alike. */
export const requiredText = (label: string, min: number, max: number) =>
  z
    .string({ error: `Enter ${label}` })
    .trim()
    // abort: an empty answer gets one message, not "enter it" and "too short" together.
    .min(1, { message: `Enter ${label}`, abort: true })
    .min(min, `${capitalise(label)} must be at least ${min} characters`)
    .max(max, `${capitalise(label)} must be ${max} characters or fewer`);

export const optionalText = (label: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, `${capitalise(label)} must be ${max} characters or fewer`)
    .optional()
    .transform((v) => (v ? v : undefined));

export const uuidField = (label: string) => z.string({ error: `Choose ${label}` }).uuid(`Choose ${label}`);

/** An HTML checkbox sends "on" when ticked and nothing when not. */
export const checkbox = z
  .union([z.literal("on"), z.literal("true"), z.literal("false"), z.boolean()])
  .optional()
  .transform((v) => v === true || v === "on" || v === "true");

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
