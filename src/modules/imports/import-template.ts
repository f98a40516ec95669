import { financialYearOf, formatFinancialYear } from "@/lib/financial-year";
import { writeXlsx, type ColumnSpec, type WorkbookSpec } from "@/modules/spreadsheets/xlsx";
import { DEFAULT_MAX_UPLOAD_BYTES, formatMegabytes } from "@/modules/spreadsheets/upload-checks";
import {
  MONTH_COLUMNS,
  RISK_COLUMNS,
  SCHEME_COLUMNS,
  SHEETS,
  type ImportColumn,
  type ListName,
} from "./import-columns";
import type { OrganisationReference } from "./import-reference";
import {
  CASH_CHOICES,
  CATEGORY_CHOICES,
  MONTH_CHOICES,
  RAG_CHOICES,
  RECURRENCE_CHOICES,
  RISK_CATEGORY_CHOICES,
  STAGE_CHOICES,
  TYPE_CHOICES,
  labelsOf,
  yearChoices,
} from "./import-values";

/**
 * The import template for one organisation: Schemes, Months (long form) and Risks sheets whose
 * drop-downs list the organisation's own divisions, workstreams and leads, £ formats, frozen
 * headers, a note on every column, and an Instructions sheet.
 */

/** Years offered: ten back (history) to five ahead. */
export function templateYears(now: Date): { from: number; to: number } {
  const thisYear = financialYearOf(now);
  return { from: thisYear - 10, to: thisYear + 5 };
}

export function columnsOf(columns: readonly ImportColumn[]): ColumnSpec[] {
  return columns.map((c) => ({
    header: c.header,
    width: c.width,
    format: c.format,
    list: c.list,
    note: `${c.required ? "Required." : "Optional."} ${c.note}`,
  }));
}

export function instructions(organisation: { name: string; code: string }, now: Date): string[] {
  const fy = formatFinancialYear(financialYearOf(now));
  return [
    `Import template for ${organisation.name} (${organisation.code}), made on ${now.toISOString().slice(0, 10)}.`,
    "Schemes: one row per scheme. The reference code identifies the scheme: a code already in the app updates that scheme, a new code creates one. Required columns are marked in each header's note (hover over the header).",
    `Months: one row per scheme, financial year and month (long form), e.g. reference code, ${fy}, M1, plan, forecast, actual. Amounts are in pounds, like 1200000 or 1234.56; at most two decimal places; never negative. A blank cell leaves the stored value as it is.`,
    "Risks (optional): one row per risk on a scheme (in this file or already in the app); the scheme's reference code and the risk title identify it, so a re-import updates that risk's scores. Ratings are 1 to 5; the target score cannot be worse than the current one; the owner is a lead or finance user of the organisation.",
    "Drop-down lists come from the app: this organisation's divisions, programmes and workstreams, leads, categories and stages. A lead must be someone who holds the lead or finance role here; unknown leads are errors, never created.",
    "Rules still hold: a stage can only be set for schemes new to the app (finance's initial load; the scheme records that its stage was set by import). After that, stages move only through gateways. A plan locked at gateway 2 is not overwritten (the row is reported). A closed month's actual changes only with a reason in the Reason column.",
    `Upload the file on the Import page. Nothing is written until you confirm the preview, and then everything is written or nothing is. The file may be up to ${formatMegabytes(DEFAULT_MAX_UPLOAD_BYTES)}. Re-importing the same file changes nothing.`,
    "Month-end: to load a month's actuals from the ledger, fill only the Months sheet (reference code, financial year, month, actual; optionally forecast) and upload it, or upload those columns as a .csv file.",
    "Do not rename or reorder the header row; extra columns are ignored and listed in the preview.",
  ];
}

export function importTemplateSpec(
  organisation: OrganisationReference,
  organisationCodes: string[],
  now = new Date(),
): WorkbookSpec {
  const years = templateYears(now);
  const lists: Record<ListName, readonly (string | number)[]> = {
    Organisations: organisationCodes,
    Divisions: organisation.divisionNames,
    Workstreams: organisation.workstreamLabels,
    Leads: organisation.leadLabels,
    Categories: labelsOf(CATEGORY_CHOICES),
    Types: labelsOf(TYPE_CHOICES),
    Recurrence: labelsOf(RECURRENCE_CHOICES),
    Cash: labelsOf(CASH_CHOICES),
    Years: yearChoices(years.from, years.to),
    Months: MONTH_CHOICES,
    RAG: labelsOf(RAG_CHOICES),
    Stages: labelsOf(STAGE_CHOICES),
    "Risk categories": labelsOf(RISK_CATEGORY_CHOICES),
    Ratings: [1, 2, 3, 4, 5],
  };
  return {
    creator: "Recovery Tracker",
    lists,
    sheets: [
      { name: SHEETS.schemes, columns: columnsOf(SCHEME_COLUMNS) },
      { name: SHEETS.months, columns: columnsOf(MONTH_COLUMNS), inputRows: 12_000 },
      { name: SHEETS.risks, columns: columnsOf(RISK_COLUMNS) },
      {
        name: SHEETS.instructions,
        prose: true,
        columns: [{ header: "How to fill in this workbook" }],
        rows: instructions(organisation, now).map((line) => [line]),
      },
    ],
  };
}

export async function importTemplateXlsx(
  organisation: OrganisationReference,
  organisationCodes: string[],
  now = new Date(),
): Promise<Buffer> {
  return writeXlsx(importTemplateSpec(organisation, organisationCodes, now));
}
