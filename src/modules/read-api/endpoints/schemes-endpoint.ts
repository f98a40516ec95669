import { financialYearOf } from "@/lib/financial-year";
import { schemeRegister } from "@/modules/dashboards/scheme-figures";
import {
  RAG_FILTERS,
  RECURRENCE_FILTERS,
  SCHEME_CATEGORIES,
  SCHEME_SORTS,
  STAGE_FILTERS,
} from "@/modules/schemes/register/register-filter";
import { SCHEME_STAGES } from "@/modules/schemes/scheme-rules";
import { column, money, moneyColumns } from "../api-columns";
import { ORGANISATION_FILTER_DOC, enumParam, idList, textParam, uuidParam, yearParam } from "../api-query";
import { apiScope } from "../api-scope";
import { defineEndpoint } from "../read-endpoint";

/** The scheme register: the same filters, order and figures as the register page. */
export const schemesEndpoint = defineEndpoint({
  name: "schemes",
  summary: "Schemes (CIP/QIPP) of one financial year, filtered like the scheme register",
  filters: {
    organisation: idList,
    division: uuidParam,
    workstream: uuidParam,
    programme: uuidParam,
    lead: uuidParam,
    stage: enumParam(STAGE_FILTERS),
    rag: enumParam(RAG_FILTERS),
    category: enumParam(SCHEME_CATEGORIES),
    recurrence: enumParam(RECURRENCE_FILTERS),
    year: yearParam,
    q: textParam,
    sort: enumParam(SCHEME_SORTS),
    dir: enumParam(["asc", "desc"] as const),
  },
  filterDocs: {
    organisation: ORGANISATION_FILTER_DOC,
    division: "Division id.",
    workstream: "Workstream id.",
    programme: "Programme id (schemes of its workstreams).",
    lead: "The scheme lead's user id.",
    stage: "Gateway stage; IDENTIFIED = opportunity to complete.",
    rag: "Delivery RAG as shown (COMPLETE = blue, NONE = not rated).",
    category: "Scheme category.",
    recurrence: "recurrent or non-recurrent.",
    year: "Financial year, 2025 or 2025-26; default: the current one.",
    q: "Text in the code, title or description (case-insensitive).",
    sort: "Order: code (default), title, inYear, fye, stage, rag.",
    dir: "asc (default) or desc.",
  },
  columns: [
    column("id", "uuid", "Scheme id."),
    column("code", "string", "Reference code, e.g. LTH-CIP-0042."),
    column("title", "string", "Title."),
    column("description", "string", "Description."),
    column("organisationId", "uuid", "Organisation id."),
    column("organisationCode", "string", "Organisation code."),
    column("division", "string", "Division name.", { nullable: true }),
    column("programme", "string", "Programme name.", { nullable: true }),
    column("workstream", "string", "Workstream name.", { nullable: true }),
    column("leadId", "uuid", "Lead's user id."),
    column("leadName", "string", "Lead's name."),
    column("stage", "string", "Gateway stage.", { values: SCHEME_STAGES }),
    column("rag", "string", "Delivery RAG as stored.", { nullable: true, values: ["RED", "AMBER", "GREEN"] }),
    column("category", "string", "Category.", { values: SCHEME_CATEGORIES }),
    column("subCategory", "string", "Sub-category.", { nullable: true }),
    column("recurrent", "boolean", "True for a recurrent saving."),
    column("financialYear", "integer", "Financial year of the in-year value (2025 = 2025/26)."),
    column(
      "schemeYear",
      "integer",
      "The scheme's own financial year. When it is not financialYear, the scheme runs into financialYear: its in-year value there is the plan of its months in that year, its full-year effect 0 (counted in its own year).",
    ),
    ...moneyColumns("fullYearEffect", "Full-year effect"),
    ...moneyColumns("inYear", "In-year value"),
    column("stageWeightPercent", "integer", "Risk-adjustment weight of the stage."),
    ...moneyColumns("riskAdjusted", "In-year value × stage weight"),
    ...moneyColumns("ytdPlan", "Plan of the elapsed months of the year"),
    ...moneyColumns("ytdActual", "Actual of the elapsed months of the year"),
  ],
  async page(actor, f, { limit, offset }, now) {
    const scope = await apiScope(actor, "schemes", f.organisation);
    const year = f.year ?? financialYearOf(now);
    const { sort, dir, ...rest } = f;
    const filters = { ...rest, organisation: undefined };
    const { totals, rows } = await schemeRegister(
      scope,
      { filters: { ...filters, year }, sort: sort ?? "code", dir: dir ?? "asc", limit, offset },
      now,
    );
    return {
      total: totals.count,
      rows: rows.map((r) => ({
        id: r.id,
        code: r.code,
        title: r.title,
        description: r.description,
        organisationId: r.organisationId,
        organisationCode: r.organisationCode,
        division: r.divisionName,
        programme: r.programmeName,
        workstream: r.workstreamName,
        leadId: r.leadId,
        leadName: r.leadName,
        stage: r.stage,
        rag: r.rag,
        category: r.category,
        subCategory: r.subCategory,
        recurrent: r.recurrent,
        financialYear: year,
        schemeYear: r.schemeYear,
        ...money("fullYearEffect", r.fullYearEffectPence),
        ...money("inYear", r.inYearPence),
        stageWeightPercent: r.weightPercent,
        ...money("riskAdjusted", r.riskAdjustedPence),
        ...money("ytdPlan", r.ytdPlanPence),
        ...money("ytdActual", r.ytdActualPence),
      })),
    };
  },
});
