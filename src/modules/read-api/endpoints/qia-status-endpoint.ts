import { db } from "@/server/db";
import { column, isoDateTime, isoDay } from "../api-columns";
import {
  schemeRecordColumns,
  schemeRecordFilterDocs,
  schemeRecordFilters,
  schemeRecordWhere,
} from "../api-scheme-records";
import { apiScope } from "../api-scope";
import { defineEndpoint } from "../read-endpoint";

const STATUSES = [
  "DRAFT",
  "AWAITING_SIGN_OFF",
  "APPROVED",
  "APPROVED_WITH_CONDITIONS",
  "REJECTED",
  "SUPERSEDED",
] as const;

/** The quality impact assessment of each scheme: every version, with its status and sign-offs. */
export const qiaStatusEndpoint = defineEndpoint({
  name: "qia-status",
  summary: "Quality impact assessments per scheme: version, status, whether a full QIA is needed, sign-offs",
  filters: schemeRecordFilters,
  filterDocs: schemeRecordFilterDocs,
  columns: [
    column("id", "uuid", "QIA id."),
    ...schemeRecordColumns,
    column("number", "integer", "Version (1, 2, ...); a signed QIA that is edited starts the next."),
    column("current", "boolean", "True for the scheme's latest version."),
    column("status", "string", "Status.", { values: STATUSES }),
    column("screeningComplete", "boolean", "The screening is answered."),
    column("fullRequired", "boolean", "The screening score needs the full QIA."),
    column("medicalSignOff", "string", "The medical director's outcome.", {
      nullable: true,
      values: ["APPROVED", "APPROVED_WITH_CONDITIONS", "REJECTED"],
    }),
    column("nursingSignOff", "string", "The director of nursing's outcome.", {
      nullable: true,
      values: ["APPROVED", "APPROVED_WITH_CONDITIONS", "REJECTED"],
    }),
    column("reviewDate", "date", "Next review date.", { nullable: true }),
    column("updatedAt", "date-time", "Last change."),
  ],
  async page(actor, f, { limit, offset }) {
    const scope = await apiScope(actor, "qia-status", f.organisation);
    const where = schemeRecordWhere(scope, f);
    const [rows, total] = await Promise.all([
      db().qualityAssessment.findMany({
        where,
        orderBy: [{ schemeId: "asc" }, { number: "asc" }],
        take: limit,
        skip: offset,
        include: {
          scheme: {
            select: {
              code: true,
              organisationId: true,
              qualityAssessments: { select: { number: true }, orderBy: { number: "desc" }, take: 1 },
            },
          },
          signOffs: { select: { capacity: true, outcome: true } },
        },
      }),
      db().qualityAssessment.count({ where }),
    ]);
    return {
      total,
      rows: rows.map((q) => ({
        id: q.id,
        schemeId: q.schemeId,
        schemeCode: q.scheme.code,
        organisationId: q.scheme.organisationId,
        number: q.number,
        current: q.scheme.qualityAssessments[0]?.number === q.number,
        status: q.status,
        screeningComplete: q.screeningComplete,
        fullRequired: q.fullRequired,
        medicalSignOff: q.signOffs.find((s) => s.capacity === "MEDICAL")?.outcome ?? null,
        nursingSignOff: q.signOffs.find((s) => s.capacity === "NURSING")?.outcome ?? null,
        reviewDate: isoDay(q.reviewDate),
        updatedAt: isoDateTime(q.updatedAt),
      })),
    };
  },
});
