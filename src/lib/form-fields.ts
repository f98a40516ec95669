import { z } from "zod";

/**
 * Control characters (C0, DEL and C1) other than tab, line feed and carriage return. None has a
 * place in typed text; U+0000 cannot even be stored in a PostgreSQL text column, so without this
 * check it became a server error instead of a field message.
 */
const CONTROL_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

export function hasControlCharacter(text: string): boolean {
  return CONTROL_CHARACTER.test(text);
}

/** Shown beside the field, so it needs no label. */
export const CONTROL_CHARACTER_MESSAGE =
  "Remove the invisible control character from this text (it can come in with pasted text; retype it)";

/**
 * The one base for free text: a string without control characters. Every text field of every
 * schema starts here (requiredText, optionalText, lines, conditions, passwords, search boxes);
 * tests/unit/control-characters.test.ts probes each field of each schema with "abc\u0000def".
 */
export const plainString = (params?: Parameters<typeof z.string>[0]) =>
  z.string(params).refine((text) => !hasControlCharacter(text), { message: CONTROL_CHARACTER_MESSAGE, abort: true });

/** Shared zod field builders, so every form trims, limits and words its errors alike. */
export const requiredText = (label: string, min: number, max: number) =>
  plainString({ error: `Enter ${label}` })
    .trim()
    // abort: an empty answer gets one message, not "enter it" and "too short" together.
    .min(1, { message: `Enter ${label}`, abort: true })
    .min(min, `${capitalise(label)} must be at least ${min} characters`)
    .max(max, `${capitalise(label)} must be ${max} characters or fewer`);

export const optionalText = (label: string, max: number) =>
  plainString()
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
