import { z } from "zod";
import { plainString } from "@/lib/form-fields";
import type { SchemeCategory, SchemeStage, SchemeType } from "@/generated/prisma/enums";
import { financialYearOf, type FinancialMonth, type FinancialYear } from "@/lib/financial-year";
import {
  DEFAULT_FINANCIAL_YEAR_RANGE,
  chooseYear,
  financialYearRange,
  formatYearParam,
  type FinancialYearRange,
} from "@/lib/financial-year-range";
import { routes } from "@/server/routes";
import { IDENTIFIED_STAGES, NOT_IDENTIFIED_STAGES, SCHEME_STAGES } from "../scheme-rules";

/**
 * The scheme register's filters, sort and page as they live in the URL (a GET form), so a
 * filtered register can be bookmarked, shared, exported and linked to from the dashboards.
 */

export const SCHEME_REGISTER_PAGE_SIZE = 25;

export const SCHEME_CATEGORIES = ["PAY", "NON_PAY", "INCOME"] as const satisfies readonly SchemeCategory[];
/**
 * "IDENTIFIED" = opportunity to complete (IDENTIFIED_STAGES), the register's default, so its
 * totals are the dashboard's identified figure; "NOT_IDENTIFIED" = on hold, rejected and
 * withdrawn; "ALL" = every stage.
 */
export const STAGE_FILTERS = [...SCHEME_STAGES, "IDENTIFIED", "NOT_IDENTIFIED", "ALL"] as const;
/** The stage filter a register URL without one means. */
export const DEFAULT_STAGE_FILTER = "IDENTIFIED" satisfies StageFilter;
/** As the badge shows it: a complete scheme is blue whatever its stored RAG; NONE = not rated. */
export const RAG_FILTERS = ["RED", "AMBER", "GREEN", "COMPLETE", "NONE"] as const;
export const RECURRENCE_FILTERS = ["recurrent", "non-recurrent"] as const;
export const SCHEME_SORTS = ["code", "title", "inYear", "fye", "stage", "rag"] as const;

export type StageFilter = (typeof STAGE_FILTERS)[number];
export type RagFilter = (typeof RAG_FILTERS)[number];
export type SchemeSort = (typeof SCHEME_SORTS)[number];
export type SortDirection = "asc" | "desc";

/** What selects the schemes; shared by the register, its totals, the export and the dashboards. */
export interface SchemeFilters {
  organisation?: string;
  division?: string;
  workstream?: string;
  /** Schemes whose workstream belongs to this programme. */
  programme?: string;
  stage?: StageFilter;
  rag?: RagFilter;
  category?: SchemeCategory;
  recurrence?: (typeof RECURRENCE_FILTERS)[number];
  /** The lead's user id. */
  lead?: string;
  /**
   * Schemes that owe a monthly update (MONTHLY_UPDATE_STAGES) and have none for this month of the
   * year: the dashboard's overdue list in full.
   */
  noUpdate?: FinancialMonth;
  /** CIP or QIPP schemes only (the dashboard's programme filter). */
  type?: SchemeType;
  /** The scheme's financial year (2025 = 2025/26). */
  year: FinancialYear;
  /** Case-insensitive text in the code, title or description. */
  q?: string;
}

export interface SchemeRegisterQuery extends SchemeFilters {
  sort: SchemeSort;
  dir: SortDirection;
  page: number;
  /** Why the URL's year was not used (unreadable or outside the range); shown above the register. */
  yearNotice?: string;
}

const uuid = z.string().uuid().optional().catch(undefined);
const optionalEnum = <T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values).optional().catch(undefined);

/** The raw query string's fields (the year is read by parseYearParam afterwards). */
export const schemeRegisterQuerySchema = z.object({
  organisation: uuid,
  division: uuid,
  workstream: uuid,
  programme: uuid,
  stage: z.enum(STAGE_FILTERS).default(DEFAULT_STAGE_FILTER).catch(DEFAULT_STAGE_FILTER),
  rag: optionalEnum(RAG_FILTERS),
  category: optionalEnum(SCHEME_CATEGORIES),
  recurrence: optionalEnum(RECURRENCE_FILTERS),
  lead: uuid,
  noUpdate: z.coerce
    .number()
    .int()
    .min(1)
    .max(12)
    .transform((m) => m as FinancialMonth)
    .optional()
    .catch(undefined),
  type: optionalEnum(["CIP", "QIPP"] as const),
  year: plainString().optional().catch(undefined),
  q: plainString()
    .trim()
    .max(200)
    .optional()
    .catch(undefined)
    .transform((v) => v || undefined),
  sort: z.enum(SCHEME_SORTS).default("code").catch("code"),
  dir: z.enum(["asc", "desc"]).default("asc").catch("asc"),
  page: z.coerce.number().int().min(1).max(10_000).default(1).catch(1),
});

// One format for the year in URLs ("2025-26"); older links ("2025", "2025/26") still read.
export { formatYearParam, parseYearParam } from "@/lib/financial-year-range";

type RawParams = Record<string, string | string[] | undefined> | URLSearchParams;

/**
 * Reads the query string leniently: an unknown or malformed value is ignored (it is a filter,
 * not a form to correct). The year defaults to the financial year `now` falls in; a year outside
 * `range` is not shown, and `yearNotice` says so.
 */
export function parseSchemeRegisterQuery(
  raw: RawParams,
  now = new Date(),
  range: FinancialYearRange = financialYearRange(DEFAULT_FINANCIAL_YEAR_RANGE, now),
): SchemeRegisterQuery {
  const entries =
    raw instanceof URLSearchParams
      ? [...raw.keys()].map((k) => [k, raw.get(k) ?? undefined] as const)
      : Object.entries(raw);
  // A repeated parameter (?stage=A&stage=B) counts once: the first.
  const flat = Object.fromEntries(entries.map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const parsed = schemeRegisterQuerySchema.parse(flat);
  const { year, ...rest } = parsed;
  const choice = chooseYear(year, range, financialYearOf(now));
  return stripUndefined({ ...rest, year: choice.year, yearNotice: choice.notice });
}

function stripUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** Every filter's name, in the URL's order (a new filter is added here too). */
const FILTER_KEYS = [
  "organisation",
  "division",
  "programme",
  "workstream",
  "stage",
  "rag",
  "category",
  "recurrence",
  "lead",
  "noUpdate",
  "type",
  "year",
  "q",
] as const satisfies readonly (keyof SchemeFilters)[];

/** Only the filter part of a query (what the totals and the export depend on). */
export function filtersOf(query: SchemeFilters): SchemeFilters {
  const picked: Partial<SchemeFilters> = Object.fromEntries(FILTER_KEYS.map((key) => [key, query[key]]));
  return stripUndefined({ ...picked, year: query.year });
}

const PARAM_ORDER = [...FILTER_KEYS, "sort", "dir", "page"] as const;

/** The query string ("?a=b", or "" when empty); defaults (code ascending, page 1) are left out. */
export function schemeRegisterQueryString(query: Partial<SchemeRegisterQuery>): string {
  const params = new URLSearchParams();
  for (const key of PARAM_ORDER) {
    const value = query[key];
    if (value === undefined || value === "") continue;
    if (key === "sort" && value === "code" && (query.dir ?? "asc") === "asc") continue;
    if (key === "dir" && value === "asc") continue;
    if (key === "page" && value === 1) continue;
    if (key === "year") {
      // Written "2025-26": readable, and a bookmark keeps its year as time moves on.
      params.set(key, formatYearParam(value as number));
      continue;
    }
    params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : "";
}

/** A link to the register filtered like this (e.g. a dashboard's drill-down). */
export function schemeRegisterHref(filters: Partial<SchemeRegisterQuery>): string {
  return `${routes.schemes}${schemeRegisterQueryString(filters)}`;
}

/** The CSV of the same filters and order (every matching row, so no page). */
export function schemeExportHref(query: Partial<SchemeRegisterQuery>): string {
  return `${routes.schemeExport}${schemeRegisterQueryString({ ...query, page: undefined })}`;
}

/** Stages a stage filter selects (undefined: every stage). */
export function stagesOf(stage: StageFilter | undefined): SchemeStage[] | undefined {
  if (!stage || stage === "ALL") return undefined;
  if (stage === "IDENTIFIED") return [...IDENTIFIED_STAGES];
  if (stage === "NOT_IDENTIFIED") return [...NOT_IDENTIFIED_STAGES];
  return [stage];
}
