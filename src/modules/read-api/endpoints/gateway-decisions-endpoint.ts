import { SCHEME_STAGES } from "@/modules/schemes/scheme-rules";
import { db } from "@/server/db";
import { column, isoDateTime } from "../api-columns";
import {
  schemeRecordColumns,
  schemeRecordFilterDocs,
  schemeRecordFilters,
  schemeRecordWhere,
} from "../api-scheme-records";
import { apiScope } from "../api-scope";
import { defineEndpoint } from "../read-endpoint";

const KINDS = [
  "SUBMITTED",
  "APPROVED",
  "REJECTED",
  "DEFERRED",
  "RETURNED",
  "ON_HOLD",
  "RESUMED",
  "WITHDRAWN",
  "REBASELINED",
] as const;

/** Every gateway decision (and submission, hold, return) on the schemes in scope, oldest first. */
export const gatewayDecisionsEndpoint = defineEndpoint({
  name: "gateway-decisions",
  summary: "Gateway decisions on schemes: gate, kind, stage before and after, who and when",
  filters: schemeRecordFilters,
  filterDocs: schemeRecordFilterDocs,
  columns: [
    column("id", "uuid", "Decision id."),
    ...schemeRecordColumns,
    column("gate", "integer", "Gate 1-3 (null for a hold, resume or withdrawal).", { nullable: true }),
    column("kind", "string", "What happened.", { values: KINDS }),
    column("fromStage", "string", "Stage before.", { values: SCHEME_STAGES }),
    column("toStage", "string", "Stage after.", { values: SCHEME_STAGES }),
    column("reason", "string", "Reason recorded.", { nullable: true }),
    column("decidedBy", "string", "Who decided."),
    column("decidedAt", "date-time", "When."),
  ],
  async page(actor, f, { limit, offset }) {
    const scope = await apiScope(actor, "gateway-decisions", f.organisation);
    const where = schemeRecordWhere(scope, f);
    const [rows, total] = await Promise.all([
      db().gatewayDecision.findMany({
        where,
        orderBy: [{ decidedAt: "asc" }, { id: "asc" }],
        take: limit,
        skip: offset,
        include: {
          scheme: { select: { code: true, organisationId: true } },
          decidedBy: { select: { name: true } },
        },
      }),
      db().gatewayDecision.count({ where }),
    ]);
    return {
      total,
      rows: rows.map((d) => ({
        id: d.id,
        schemeId: d.schemeId,
        schemeCode: d.scheme.code,
        organisationId: d.scheme.organisationId,
        gate: d.gate,
        kind: d.kind,
        fromStage: d.fromStage,
        toStage: d.toStage,
        reason: d.reason,
        decidedBy: d.decidedBy.name,
        decidedAt: isoDateTime(d.decidedAt),
      })),
    };
  },
});
