import { z } from "zod";
import { plainString } from "@/lib/form-fields";
import { quarterIndex, safeParseFinancialYear, safeParseTimescale } from "@/lib/financial-year";
import { ACTIVITY_STATUSES } from "./activity-status";

const optionalUuid = z.string().uuid().optional().catch(undefined);
const optionalYear = z
  .string()
  .optional()
  .transform((v) => {
    if (!v) return undefined;
    const parsed = safeParseFinancialYear(v);
    return parsed.ok ? parsed.value : undefined;
  });

/** "Due" as written ("Q3 2021/22", "Q3 21-22", "Q1 2021/22 - Q2 2022/23"): the quarter indexes it covers. */
export type DueFilter =
  | { kind: "none" }
  | { kind: "quarters"; text: string; from: number; to: number }
  | { kind: "unreadable"; text: string; message: string };

export function parseDue(text: string | undefined): DueFilter {
  const trimmed = text?.trim() ?? "";
  if (trimmed === "") return { kind: "none" };
  const parsed = safeParseTimescale(trimmed);
  if (!parsed.ok) return { kind: "unreadable", text: trimmed, message: parsed.error };
  const timescale = parsed.value;
  if (timescale.kind === "ongoing")
    return { kind: "unreadable", text: trimmed, message: "Ongoing activities have no due quarter: choose a quarter." };
  const from = quarterIndex(timescale.kind === "quarter" ? timescale.quarter : timescale.from);
  const to = quarterIndex(timescale.kind === "quarter" ? timescale.quarter : timescale.to);
  return { kind: "quarters", text: trimmed, from, to };
}

/**
 * The route map's query string; anything unrecognised is ignored rather than an error.
 * `org`: an organisation id, "all" for every organisation the user sees, or absent for the
 * user's own (current) organisation. `leads`: sole (one lead) or joint (two or more).
 * `ongoing`: whether activities without a quarter are listed (they fall in every range).
 */
export const routeMapQuerySchema = z.object({
  org: z
    .union([z.literal("all"), z.string().uuid()])
    .optional()
    .catch(undefined),
  programme: optionalUuid,
  lead: optionalUuid,
  status: z.enum(ACTIVITY_STATUSES).optional().catch(undefined),
  leads: z.enum(["sole", "joint"]).optional().catch(undefined),
  due: plainString()
    .max(60)
    .optional()
    .catch(undefined)
    .transform((v) => parseDue(v)),
  ongoing: z.enum(["include", "exclude"]).default("include").catch("include"),
  group: z.enum(["programme", "workstream"]).default("programme").catch("programme"),
  from: optionalYear,
  to: optionalYear,
  mine: z
    .string()
    .optional()
    .transform((v) => v === "1" || v === "on"),
  page: z.coerce.number().int().min(1).max(100_000).default(1).catch(1),
});
export type RouteMapQuery = z.infer<typeof routeMapQuerySchema>;
