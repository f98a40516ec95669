import { db } from "@/server/db";
import { column, isoDateTime, isoDay } from "../api-columns";
import { ORGANISATION_FILTER_DOC, enumParam, idList } from "../api-query";
import { programmeApiWhere } from "../api-programme-scope";
import { apiScope } from "../api-scope";
import { defineEndpoint } from "../read-endpoint";

const CATEGORIES = ["FINANCIAL", "QUALITY", "WORKFORCE", "DELIVERY", "REPUTATIONAL"] as const;
const STATUSES = ["OPEN", "CLOSED"] as const;

/** Risks on the programme, workstream and scheme registers, with their 5x5 scores. */
export const risksEndpoint = defineEndpoint({
  name: "risks",
  summary: "Risks on programme, workstream and scheme registers, with inherent, current and target scores",
  filters: { organisation: idList, status: enumParam(STATUSES), category: enumParam(CATEGORIES) },
  filterDocs: {
    organisation: `${ORGANISATION_FILTER_DOC} Risks of shared system programmes are included.`,
    status: "OPEN or CLOSED; default: both.",
    category: "Risk category.",
  },
  columns: [
    column("id", "uuid", "Risk id."),
    column("title", "string", "Title."),
    column("organisationId", "uuid", "Organisation of the register (null for a shared system programme).", {
      nullable: true,
    }),
    column("register", "string", "Which register: scheme, workstream or programme.", {
      values: ["scheme", "workstream", "programme"],
    }),
    column("schemeId", "uuid", "Scheme id, for a scheme risk.", { nullable: true }),
    column("programmeId", "uuid", "Programme id, for a programme or workstream risk.", { nullable: true }),
    column("workstreamId", "uuid", "Workstream id, for a workstream risk.", { nullable: true }),
    column("category", "string", "Category.", { values: CATEGORIES }),
    column("status", "string", "Status.", { values: STATUSES }),
    column("ownerName", "string", "Risk owner."),
    column("inherentLikelihood", "integer", "Inherent likelihood (1-5)."),
    column("inherentConsequence", "integer", "Inherent consequence (1-5)."),
    column("inherentScore", "integer", "Inherent score (likelihood x consequence, 1-25)."),
    column("currentLikelihood", "integer", "Current likelihood (1-5)."),
    column("currentConsequence", "integer", "Current consequence (1-5)."),
    column("currentScore", "integer", "Current score (1-25)."),
    column("targetLikelihood", "integer", "Target likelihood (1-5)."),
    column("targetConsequence", "integer", "Target consequence (1-5)."),
    column("targetScore", "integer", "Target score (1-25)."),
    column("reviewDate", "date", "Next review date."),
    column("closedAt", "date-time", "When it was closed.", { nullable: true }),
    column("updatedAt", "date-time", "Last change."),
  ],
  async page(actor, f, { limit, offset }) {
    const scope = await apiScope(actor, "risks", f.organisation);
    const where = {
      OR: [
        { scheme: { organisationId: { in: scope } } },
        { schemeId: null, programme: programmeApiWhere(actor, scope) },
      ],
      ...(f.status ? { status: f.status } : {}),
      ...(f.category ? { category: f.category } : {}),
    };
    const [rows, total] = await Promise.all([
      db().risk.findMany({
        where,
        orderBy: [{ currentScore: "desc" }, { id: "asc" }],
        take: limit,
        skip: offset,
        include: {
          owner: { select: { name: true } },
          scheme: { select: { organisationId: true } },
          programme: { select: { organisationId: true } },
        },
      }),
      db().risk.count({ where }),
    ]);
    return {
      total,
      rows: rows.map((r) => ({
        id: r.id,
        title: r.title,
        organisationId: r.scheme?.organisationId ?? r.programme?.organisationId ?? null,
        register: r.schemeId ? "scheme" : r.workstreamId ? "workstream" : "programme",
        schemeId: r.schemeId,
        programmeId: r.programmeId,
        workstreamId: r.workstreamId,
        category: r.category,
        status: r.status,
        ownerName: r.owner.name,
        inherentLikelihood: r.inherentLikelihood,
        inherentConsequence: r.inherentConsequence,
        inherentScore: r.inherentLikelihood * r.inherentConsequence,
        currentLikelihood: r.currentLikelihood,
        currentConsequence: r.currentConsequence,
        currentScore: r.currentScore,
        targetLikelihood: r.targetLikelihood,
        targetConsequence: r.targetConsequence,
        targetScore: r.targetScore,
        reviewDate: isoDay(r.reviewDate),
        closedAt: isoDateTime(r.closedAt),
        updatedAt: isoDateTime(r.updatedAt),
      })),
    };
  },
});
