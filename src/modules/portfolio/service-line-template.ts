import { financialYearOf } from "@/lib/financial-year";
import { columnsOf } from "@/modules/imports/import-template";
import { yearChoices } from "@/modules/imports/import-values";
import { writeXlsx } from "@/modules/spreadsheets/xlsx";
import { assertCan, type Actor } from "@/server/auth/actor";
import { db } from "@/server/db";
import { SERVICE_LINE_COLUMNS, SERVICE_LINE_SHEET, type ServiceLineColumnKey } from "./service-line-import-rows";

const LISTS: Partial<Record<ServiceLineColumnKey, string>> = {
  level: "Levels",
  parent: "Parents",
  division: "Divisions",
  financialYear: "Years",
};

/**
 * The service-line template of one organisation, for its finance or PMO: the sheet the import
 * reads, drop-downs of levels, its divisions and specialties, its divisions and years, £
 * formats, a note on each column, and the lines already in the app (to add sizes to).
 */
export async function serviceLineTemplate(actor: Actor, organisationId: string, now = new Date()) {
  assertCan(actor, "portfolio.manage", organisationId, "Only finance or the PMO can download this template.");
  const [organisation, divisions, lines] = await Promise.all([
    db().organisation.findUniqueOrThrow({ where: { id: organisationId }, select: { code: true } }),
    db().division.findMany({ where: { organisationId }, orderBy: { name: "asc" }, select: { name: true } }),
    db().serviceLine.findMany({
      where: { organisationId },
      orderBy: [{ level: "asc" }, { name: "asc" }],
      include: { parent: { select: { name: true } }, division: { select: { name: true } } },
    }),
  ]);
  const year = financialYearOf(now);
  const buffer = await writeXlsx({
    creator: "Recovery Tracker",
    lists: {
      Levels: ["Division / specialty", "Sub-specialty / department"],
      Parents: lines.filter((l) => l.level === "MESO").map((l) => l.name),
      Divisions: divisions.map((d) => d.name),
      Years: yearChoices(year - 5, year + 2),
    },
    sheets: [
      {
        name: SERVICE_LINE_SHEET,
        columns: columnsOf(SERVICE_LINE_COLUMNS).map((c, i) => ({ ...c, list: LISTS[SERVICE_LINE_COLUMNS[i]!.key] })),
        rows: lines.map((l) => [
          l.name,
          l.level === "MESO" ? "Division / specialty" : "Sub-specialty / department",
          l.parent?.name ?? null,
          l.division?.name ?? null,
        ]),
      },
      {
        name: "Instructions",
        prose: true,
        columns: [{ header: "How to fill in this sheet" }],
        rows: [
          [
            "One row per service line and financial year. A name already in the app adds that year's sizes to it; a new name creates the line.",
          ],
          [
            "A sub-specialty or department names the division or specialty it is part of (in the app or on another row).",
          ],
          ["Sizes: budget in pounds, patients a year as a whole number, staff in WTE. Blank means not recorded."],
          [
            "Upload it on the Service lines page: check the file, then import. Nothing is written until you import, and then all of it or nothing.",
          ],
        ],
      },
    ],
  });
  return { buffer, fileName: `service-lines-${organisation.code}-${now.toISOString().slice(0, 10)}.xlsx` };
}
