import type { Prisma } from "@/generated/prisma/client";
import { column } from "./api-columns";
import { ORGANISATION_FILTER_DOC, idList, yearParam } from "./api-query";

/** The filters, fields and WHERE of records that hang off a scheme (gateway decisions, QIAs). */
export const schemeRecordFilters = { organisation: idList, year: yearParam, scheme: idList };

export const schemeRecordFilterDocs = {
  organisation: ORGANISATION_FILTER_DOC,
  year: "Financial year of the scheme, 2025 or 2025-26; default: every year.",
  scheme: "Scheme ids, comma-separated (at most 100).",
};

export const schemeRecordColumns = [
  column("schemeId", "uuid", "Scheme id."),
  column("schemeCode", "string", "Scheme reference code."),
  column("organisationId", "uuid", "Organisation id."),
];

export function schemeRecordWhere(
  scope: readonly string[],
  f: { year?: number; scheme?: string[] },
): { scheme: Prisma.SchemeWhereInput } {
  return {
    scheme: {
      organisationId: { in: [...scope] },
      ...(f.year === undefined ? {} : { financialYear: f.year }),
      ...(f.scheme ? { id: { in: f.scheme } } : {}),
    },
  };
}
