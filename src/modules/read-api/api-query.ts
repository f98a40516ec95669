import { z } from "zod";
import { plainString } from "@/lib/form-fields";
import { parseYearParam } from "@/modules/schemes/register/register-filter";
import { ApiError } from "./api-errors";

/**
 * The read API's query parameters, parsed strictly: unlike the register page (which ignores a
 * bad filter), an API client is told exactly which parameter is wrong, with a 400.
 */

export const MAX_PAGE_SIZE = 1000;
export const DEFAULT_PAGE_SIZE = 100;
export const MAX_PAGE = 100_000;
/** A list filter (`organisation=a,b`) names at most this many ids. */
export const MAX_LIST_IDS = 100;

export class ApiQueryError extends ApiError {
  constructor(readonly fields: Record<string, string[]>) {
    super(
      400,
      Object.entries(fields)
        .map(([k, v]) => `${k}: ${v.join(" ")}`)
        .join(" "),
    );
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const ORGANISATION_FILTER_DOC =
  "Organisation ids, comma-separated (at most 100); default: every organisation the token can read.";

/** Comma-separated UUIDs, at most MAX_LIST_IDS. */
export const idList = z
  .string()
  .max(MAX_LIST_IDS * 37, `At most ${MAX_LIST_IDS} ids.`)
  .transform((text, ctx) => {
    const ids = text.split(",").map((s) => s.trim());
    if (ids.length > MAX_LIST_IDS) {
      ctx.addIssue({ code: "custom", message: `At most ${MAX_LIST_IDS} ids.` });
      return z.NEVER;
    }
    if (!ids.every((id) => UUID.test(id))) {
      ctx.addIssue({ code: "custom", message: "Give ids (UUIDs) separated by commas." });
      return z.NEVER;
    }
    return [...new Set(ids.map((id) => id.toLowerCase()))];
  })
  .optional();

export const uuidParam = z.string().regex(UUID, "Give an id (UUID).").optional();

export const yearParam = z
  .string()
  .transform((text, ctx) => {
    const year = parseYearParam(text);
    if (year === undefined) {
      ctx.addIssue({ code: "custom", message: "Give a financial year as 2025 or 2025-26." });
      return z.NEVER;
    }
    return year;
  })
  .optional();

/** Free text: trimmed, at most 200 characters, no control characters (PostgreSQL refuses NUL). */
export const textParam = plainString()
  .trim()
  .max(200, "At most 200 characters.")
  .transform((t) => t || undefined)
  .optional();

export const enumParam = <T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { error: `One of: ${values.join(", ")}.` }).optional();

const intParam = (min: number, max: number, fallback: number) =>
  z
    .string()
    .regex(/^\d{1,9}$/, `A whole number from ${min} to ${max}.`)
    .transform(Number)
    .pipe(
      z.number().min(min, `A whole number from ${min} to ${max}.`).max(max, `A whole number from ${min} to ${max}.`),
    )
    .optional()
    .transform((v) => v ?? fallback);

const pagingShape = {
  format: z.enum(["json", "csv"], { error: "json or csv." }).optional().default("json"),
  limit: intParam(1, MAX_PAGE_SIZE, DEFAULT_PAGE_SIZE),
  page: intParam(1, MAX_PAGE, 1),
};

export interface Paging {
  format: "json" | "csv";
  limit: number;
  page: number;
}

/**
 * Parses the query string against the endpoint's filters plus format/limit/page. Unknown or
 * repeated parameters are errors (a misspelt filter would otherwise return everything).
 */
export function parseApiQuery<S extends z.ZodRawShape>(
  params: URLSearchParams,
  filters: S,
): { paging: Paging; filters: z.output<z.ZodObject<S>> } {
  const schema = z.strictObject({ ...filters, ...pagingShape });
  const raw: Record<string, string> = {};
  const fields: Record<string, string[]> = {};
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key);
    if (values.length > 1) fields[key.slice(0, 40)] = ["Give this parameter once."];
    raw[key] = values[0]!;
  }
  if (Object.keys(fields).length) throw new ApiQueryError(fields);
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      if (issue.code === "unrecognized_keys") {
        for (const key of issue.keys) (fields[key.slice(0, 40)] ??= []).push("Unknown parameter.");
      } else {
        (fields[String(issue.path[0] ?? "query")] ??= []).push(issue.message);
      }
    }
    throw new ApiQueryError(fields);
  }
  const { format, limit, page, ...rest } = parsed.data as Record<string, unknown> & Paging;
  return { paging: { format, limit, page }, filters: rest as z.output<z.ZodObject<S>> };
}
