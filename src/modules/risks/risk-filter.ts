import { z } from "zod";
import { plainString } from "@/lib/form-fields";
import type { Prisma } from "@/generated/prisma/client";
import { DEFAULT_RISK_BANDS } from "./risk-scoring";
import { RISK_CATEGORIES } from "./risk-schemas";

const uuid = z.string().uuid().optional().catch(undefined);
const rating = z.coerce.number().int().min(1).max(5).optional().catch(undefined);
export const RISK_SORTS = ["score", "review", "title", "updated"] as const;
export const RISK_PAGE_SIZE = 25;

/** The register's query string. Unknown values are ignored, not errors: it is a filter. */
export const riskQuerySchema = z.object({
  organisation: uuid,
  programme: uuid,
  workstream: uuid,
  scheme: uuid,
  level: z.enum(["programme", "workstream", "scheme"]).optional().catch(undefined),
  category: z.enum(RISK_CATEGORIES).optional().catch(undefined),
  owner: uuid,
  band: z
    .enum(DEFAULT_RISK_BANDS.map((b) => b.key) as [string, ...string[]])
    .optional()
    .catch(undefined),
  /** A heatmap cell: likelihood and consequence of the chosen view. */
  likelihood: rating,
  consequence: rating,
  view: z.enum(["current", "target"]).default("current").catch("current"),
  overdue: z
    .string()
    .optional()
    .transform((v) => v === "1" || v === "on"),
  status: z.enum(["OPEN", "CLOSED", "ALL"]).default("OPEN").catch("OPEN"),
  q: plainString().trim().max(200).optional().catch(undefined),
  sort: z.enum(RISK_SORTS).default("score").catch("score"),
  page: z.coerce.number().int().min(1).max(10_000).default(1).catch(1),
});
export type RiskQuery = z.infer<typeof riskQuerySchema>;

/** The query as a where clause; `withoutCell` drops the heatmap cell (for the heatmap's own counts). */
export function riskWhere(
  query: RiskQuery,
  scope: Prisma.RiskWhereInput,
  today: Date,
  withoutCell = false,
): Prisma.RiskWhereInput {
  const band = query.band ? DEFAULT_RISK_BANDS.find((b) => b.key === query.band) : undefined;
  const scoreField = query.view === "target" ? "targetScore" : "currentScore";
  const likelihoodField = query.view === "target" ? "targetLikelihood" : "currentLikelihood";
  const consequenceField = query.view === "target" ? "targetConsequence" : "currentConsequence";
  // Prisma's `contains` is ILIKE: escape its wildcards so "%" searches for a percent sign.
  const needle = query.q?.replace(/[\\%_]/g, (c) => `\\${c}`);
  const text = needle
    ? {
        OR: (["title", "cause", "event", "effect"] as const).map((f) => ({
          [f]: { contains: needle, mode: "insensitive" as const },
        })),
      }
    : {};
  const organisation = query.organisation
    ? {
        OR: [{ programme: { organisationId: query.organisation } }, { scheme: { organisationId: query.organisation } }],
      }
    : {};
  const level =
    query.level === "programme"
      ? { programmeId: { not: null }, workstreamId: null }
      : query.level === "workstream"
        ? { workstreamId: { not: null } }
        : query.level === "scheme"
          ? { schemeId: { not: null } }
          : {};
  return {
    AND: [scope, organisation, ...(text.OR ? [text] : [])],
    // The level first: an exact programme, workstream or scheme below narrows it further.
    ...level,
    ...(query.programme ? { programmeId: query.programme } : {}),
    ...(query.workstream ? { workstreamId: query.workstream } : {}),
    ...(query.scheme ? { schemeId: query.scheme } : {}),
    ...(query.category ? { category: query.category } : {}),
    ...(query.owner ? { ownerId: query.owner } : {}),
    ...(band ? { [scoreField]: { gte: band.min, lte: band.max } } : {}),
    ...(!withoutCell && query.likelihood ? { [likelihoodField]: query.likelihood } : {}),
    ...(!withoutCell && query.consequence ? { [consequenceField]: query.consequence } : {}),
    ...(query.overdue ? { reviewDate: { lt: today }, status: "OPEN" as const } : {}),
    ...(query.status !== "ALL" && !query.overdue ? { status: query.status } : {}),
  };
}

export function riskOrderBy(sort: RiskQuery["sort"]): Prisma.RiskOrderByWithRelationInput[] {
  switch (sort) {
    case "review":
      return [{ reviewDate: "asc" }, { currentScore: "desc" }];
    case "title":
      return [{ title: "asc" }];
    case "updated":
      return [{ updatedAt: "desc" }];
    case "score":
      return [{ currentScore: "desc" }, { reviewDate: "asc" }, { title: "asc" }];
  }
}

/** The same filters as a query string, e.g. for links from the heatmap and the CSV export. */
export function riskQueryString(
  query: Partial<RiskQuery>,
  changes: Partial<Record<keyof RiskQuery, string | number | boolean | undefined>> = {},
): string {
  const params = new URLSearchParams();
  const merged: Record<string, unknown> = { ...query, ...changes };
  for (const [key, value] of Object.entries(merged)) {
    if (value === undefined || value === false || value === "" || value === null) continue;
    if (key === "page" && value === 1) continue;
    if (key === "view" && value === "current") continue;
    if (key === "sort" && value === "score") continue;
    if (key === "status" && value === "OPEN") continue;
    params.set(key, value === true ? "1" : String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : "";
}
