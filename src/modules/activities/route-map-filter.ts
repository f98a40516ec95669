import { z } from "zod";
import { safeParseFinancialYear } from "@/lib/financial-year";
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

/** The route map's query string; anything unrecognised is ignored rather than an error. */
export const routeMapQuerySchema = z.object({
  programme: optionalUuid,
  lead: optionalUuid,
  status: z.enum(ACTIVITY_STATUSES).optional().catch(undefined),
  group: z.enum(["programme", "workstream"]).default("programme").catch("programme"),
  from: optionalYear,
  to: optionalYear,
  mine: z
    .string()
    .optional()
    .transform((v) => v === "1" || v === "on"),
});
export type RouteMapQuery = z.infer<typeof routeMapQuerySchema>;
