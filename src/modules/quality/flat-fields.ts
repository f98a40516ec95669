import { z } from "zod";

/**
 * Forms with one row per dimension or indicator post flat fields ("likelihood.<id>",
 * "indicators.2.name"), so a plain form works without JavaScript and each error comes back
 * keyed by the exact field it belongs to.
 */

/** Groups "prefix.key" entries by key: { key: { prefix: value } }. */
export function groupFlatFields(
  raw: Record<string, unknown>,
  prefixes: readonly string[],
  keyPattern: RegExp,
): Map<string, Record<string, unknown>> {
  const rows = new Map<string, Record<string, unknown>>();
  for (const [name, value] of Object.entries(raw)) {
    const dot = name.indexOf(".");
    if (dot < 0) continue;
    const prefix = name.slice(0, dot);
    const key = name.slice(dot + 1);
    if (!prefixes.includes(prefix) || !keyPattern.test(key)) continue;
    const row = rows.get(key) ?? {};
    row[prefix] = value;
    rows.set(key, row);
  }
  return rows;
}

/** "" or missing -> blank; otherwise the trimmed text (numbers from a plain-object caller too). */
export function text(value: unknown): string {
  if (value === undefined || value === null) return "";
  if (typeof value === "number") return String(value);
  return typeof value === "string" ? value.trim() : "\u0000invalid";
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

/** A 1-5 rating from a select: whole numbers only, never NaN or Infinity. */
export function parseRating(value: string, label: string): Parsed<number> {
  if (!/^\d+$/.test(value)) return { ok: false, message: `Choose the ${label} (1 to 5)` };
  const n = Number(value);
  if (n < 1 || n > 5) return { ok: false, message: `The ${label} must be between 1 and 5` };
  return { ok: true, value: n };
}

export function addFieldIssue(ctx: z.RefinementCtx, field: string, message: string) {
  ctx.addIssue({ code: "custom", path: [field], message });
}
