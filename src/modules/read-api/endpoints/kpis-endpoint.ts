import type { Prisma } from "@/generated/prisma/client";
import { db } from "@/server/db";
import { column } from "../api-columns";
import { idList, yearParam } from "../api-query";
import { PROGRAMME_SCOPE_DOC, programmeApiWhere } from "../api-programme-scope";
import { apiScope } from "../api-scope";
import { defineEndpoint } from "../read-endpoint";

const num = (d: Prisma.Decimal | null) => (d === null ? null : Number(d));

/**
 * KPIs with their series in long form: one row per KPI and month (trajectory and actual), with
 * the KPI's own fields repeated, so a report relates on kpiId or reads the rows as they are.
 */
export const kpisEndpoint = defineEndpoint({
  name: "kpis",
  summary: "KPIs of programmes and schemes with their monthly series (trajectory and actual), long form",
  filters: { organisation: idList, year: yearParam, kpi: idList },
  filterDocs: {
    organisation: PROGRAMME_SCOPE_DOC,
    year: "Financial year of the points, 2025 or 2025-26; default: every year.",
    kpi: "KPI ids, comma-separated (at most 100).",
  },
  columns: [
    column("kpiId", "uuid", "KPI id."),
    column("name", "string", "KPI name."),
    column("organisationId", "uuid", "Organisation (null for a shared system programme's KPI).", { nullable: true }),
    column("programmeId", "uuid", "Programme id, for a programme KPI.", { nullable: true }),
    column("workstreamId", "uuid", "Workstream id.", { nullable: true }),
    column("schemeId", "uuid", "Scheme id, for a scheme KPI.", { nullable: true }),
    column("qualityIndicator", "boolean", "A quality guardrail of the scheme's QIA."),
    column("unit", "string", "How the value reads: %, £, count, days."),
    column("direction", "string", "Which way is better.", { values: ["HIGHER_IS_BETTER", "LOWER_IS_BETTER"] }),
    column("baseline", "number", "Baseline value.", { nullable: true }),
    column("target", "number", "Target value.", { nullable: true }),
    column("financialYear", "integer", "Financial year of the point (2025 = 2025/26)."),
    column("month", "integer", "Month of the financial year: 1 = April … 12 = March."),
    column("trajectory", "number", "Planned value for the month.", { nullable: true }),
    column("actual", "number", "Actual value for the month.", { nullable: true }),
  ],
  async page(actor, f, { limit, offset }) {
    const scope = await apiScope(actor, "kpis", f.organisation);
    const where: Prisma.KpiPointWhereInput = {
      kpi: {
        OR: [
          { scheme: { organisationId: { in: scope } } },
          { schemeId: null, programme: programmeApiWhere(actor, scope) },
        ],
        ...(f.kpi ? { id: { in: f.kpi } } : {}),
      },
      ...(f.year === undefined ? {} : { financialYear: f.year }),
    };
    const [rows, total] = await Promise.all([
      db().kpiPoint.findMany({
        where,
        orderBy: [{ kpiId: "asc" }, { financialYear: "asc" }, { month: "asc" }],
        take: limit,
        skip: offset,
        include: {
          kpi: {
            include: {
              scheme: { select: { organisationId: true } },
              programme: { select: { organisationId: true } },
            },
          },
        },
      }),
      db().kpiPoint.count({ where }),
    ]);
    return {
      total,
      rows: rows.map((p) => ({
        kpiId: p.kpiId,
        name: p.kpi.name,
        organisationId: p.kpi.scheme?.organisationId ?? p.kpi.programme?.organisationId ?? null,
        programmeId: p.kpi.programmeId,
        workstreamId: p.kpi.workstreamId,
        schemeId: p.kpi.schemeId,
        qualityIndicator: p.kpi.qualityIndicator,
        unit: p.kpi.unit,
        direction: p.kpi.direction,
        baseline: num(p.kpi.baseline),
        target: num(p.kpi.target),
        financialYear: p.financialYear,
        month: p.month,
        trajectory: num(p.trajectory),
        actual: num(p.actual),
      })),
    };
  },
});
