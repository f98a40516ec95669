import { formatQuarter, quarterFromIndex } from "@/lib/financial-year";
import { db } from "@/server/db";
import { column, money, moneyColumns } from "../api-columns";
import { idList } from "../api-query";
import { PROGRAMME_SCOPE_DOC, programmeApiWhere } from "../api-programme-scope";
import { apiScope } from "../api-scope";
import { defineEndpoint } from "../read-endpoint";

const STATUSES = ["NOT_STARTED", "ON_TRACK", "AT_RISK", "LATE", "DONE"] as const;

const quarter = (index: number | null) => {
  if (index === null) return { label: null, fy: null, q: null };
  const q = quarterFromIndex(index);
  return { label: formatQuarter(q), fy: q.fy, q: q.q };
};

/** The route map: every activity with its programme and workstream and its start and end quarters. */
export const activitiesEndpoint = defineEndpoint({
  name: "activities",
  summary: "Programmes, workstreams and activities (the route map) with start and end quarters",
  filters: { organisation: idList, programme: idList },
  filterDocs: {
    organisation: PROGRAMME_SCOPE_DOC,
    programme: "Programme ids, comma-separated (at most 100).",
  },
  columns: [
    column("id", "uuid", "Activity id."),
    column("programmeId", "uuid", "Programme id."),
    column("programme", "string", "Programme name."),
    column("theme", "string", "The programme's theme."),
    column("organisationId", "uuid", "The programme's organisation (null for a shared system programme).", {
      nullable: true,
    }),
    column("workstreamId", "uuid", "Workstream id.", { nullable: true }),
    column("workstream", "string", "Workstream name.", { nullable: true }),
    ...moneyColumns("workstreamTarget", "The workstream's savings target", { nullable: true }),
    column("number", "string", "Activity number as printed.", { nullable: true }),
    column("description", "string", "What the activity is."),
    column("status", "string", "Status.", { values: STATUSES }),
    column("startQuarter", "string", "Start quarter, e.g. Q1 2025/26 (null: ongoing).", { nullable: true }),
    column("startFinancialYear", "integer", "Start quarter's financial year.", { nullable: true }),
    column("startQuarterNumber", "integer", "Start quarter's number (1 = Apr-Jun).", { nullable: true }),
    column("endQuarter", "string", "End quarter (null: ongoing).", { nullable: true }),
    column("endFinancialYear", "integer", "End quarter's financial year.", { nullable: true }),
    column("endQuarterNumber", "integer", "End quarter's number.", { nullable: true }),
  ],
  async page(actor, f, { limit, offset }) {
    const scope = await apiScope(actor, "activities", f.organisation);
    const where = {
      programme: programmeApiWhere(actor, scope),
      ...(f.programme ? { programmeId: { in: f.programme } } : {}),
    };
    const [rows, total] = await Promise.all([
      db().activity.findMany({
        where,
        orderBy: [{ programmeId: "asc" }, { sequence: "asc" }, { id: "asc" }],
        take: limit,
        skip: offset,
        include: {
          programme: { select: { name: true, theme: true, organisationId: true } },
          workstream: { select: { name: true, targetPence: true } },
        },
      }),
      db().activity.count({ where }),
    ]);
    return {
      total,
      rows: rows.map((a) => {
        const start = quarter(a.startQuarter);
        const end = quarter(a.endQuarter);
        const target = a.workstream?.targetPence;
        return {
          id: a.id,
          programmeId: a.programmeId,
          programme: a.programme.name,
          theme: a.programme.theme,
          organisationId: a.programme.organisationId,
          workstreamId: a.workstreamId,
          workstream: a.workstream?.name ?? null,
          ...money("workstreamTarget", target === null || target === undefined ? null : Number(target)),
          number: a.number,
          description: a.description,
          status: a.status,
          startQuarter: start.label,
          startFinancialYear: start.fy,
          startQuarterNumber: start.q,
          endQuarter: end.label,
          endFinancialYear: end.fy,
          endQuarterNumber: end.q,
        };
      }),
    };
  },
});
