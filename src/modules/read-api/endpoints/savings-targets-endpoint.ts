import { PROGRAMME_TYPES } from "@/modules/organisations/programme-types";
import { db } from "@/server/db";
import { column, money, moneyColumns } from "../api-columns";
import { ORGANISATION_FILTER_DOC, idList, yearParam } from "../api-query";
import { apiScope } from "../api-scope";
import { defineEndpoint } from "../read-endpoint";

/** Each organisation's savings target per financial year. */
export const savingsTargetsEndpoint = defineEndpoint({
  name: "savings-targets",
  summary: "Savings targets per organisation, financial year and programme type (CIP / QIPP)",
  filters: { organisation: idList, year: yearParam },
  filterDocs: {
    organisation: ORGANISATION_FILTER_DOC,
    year: "Financial year, 2025 or 2025-26; default: every year.",
  },
  columns: [
    column("organisationId", "uuid", "Organisation id."),
    column("organisationCode", "string", "Organisation code."),
    column("organisationName", "string", "Organisation name."),
    column("financialYear", "integer", "Financial year (2025 = 2025/26)."),
    column("programmeType", "string", "CIP (a trust's cost improvement) or QIPP (an ICB's, or delegated to a trust).", {
      values: PROGRAMME_TYPES,
    }),
    ...moneyColumns("target", "Savings target"),
  ],
  async page(actor, f, { limit, offset }) {
    const scope = await apiScope(actor, "savings-targets", f.organisation);
    const where = { organisationId: { in: scope }, ...(f.year === undefined ? {} : { financialYear: f.year }) };
    const [rows, total] = await Promise.all([
      db().savingsTarget.findMany({
        where,
        orderBy: [{ organisation: { code: "asc" } }, { financialYear: "asc" }, { programmeType: "asc" }],
        take: limit,
        skip: offset,
        select: {
          organisationId: true,
          financialYear: true,
          programmeType: true,
          targetPence: true,
          organisation: { select: { code: true, name: true } },
        },
      }),
      db().savingsTarget.count({ where }),
    ]);
    return {
      total,
      rows: rows.map((t) => ({
        organisationId: t.organisationId,
        organisationCode: t.organisation.code,
        organisationName: t.organisation.name,
        financialYear: t.financialYear,
        programmeType: t.programmeType,
        ...money("target", Number(t.targetPence)),
      })),
    };
  },
});
