import { formatFinancialYear, type FinancialYear } from "@/lib/financial-year";
import { sumPence } from "@/lib/money";
import type { SchemeRegisterRow } from "@/modules/dashboards/scheme-figures";
import { writeXlsx, type ColumnSpec, type WorkbookSpec } from "@/modules/spreadsheets/xlsx";
import { SCHEME_CATEGORY_LABELS, SCHEME_STAGE_LABELS, ragDisplay } from "../scheme-rules";

/**
 * The scheme register as an .xlsx, filtered and ordered like the page: the CSV's columns, money
 * as numbers in £ (so Excel sums them), a totals row that matches the page's totals, an
 * autofilter and a frozen header.
 */

const text = (header: string, width = 16): ColumnSpec => ({ header, width });
const pounds = (header: string): ColumnSpec => ({ header, width: 18, format: "pounds" });

const COLUMNS: ColumnSpec[] = [
  text("Code"),
  text("Title", 40),
  text("Description", 50),
  text("Organisation"),
  text("Division", 20),
  text("Programme", 30),
  text("Workstream", 30),
  text("Lead", 24),
  text("Stage"),
  text("RAG", 10),
  text("Category"),
  text("Sub-category"),
  text("Recurrence"),
  text("Financial year"),
  pounds("Full-year effect (£)"),
  pounds("In-year value (£)"),
  { header: "Stage weight (%)", width: 12, format: "number" },
  pounds("Risk-adjusted in-year value (£)"),
  pounds("YTD plan (£)"),
  pounds("YTD actual (£)"),
  // The scheme's own year: another year's scheme runs into this one (its full-year effect counts there).
  text("Scheme year"),
];

/** Pence as a number of pounds for a £-formatted cell (exact: two decimals of a safe integer). */
export const poundsValue = (pence: number) => pence / 100;

export function schemeRegisterSpec(rows: SchemeRegisterRow[], year: FinancialYear): WorkbookSpec {
  const total = (pick: (r: SchemeRegisterRow) => number) => poundsValue(sumPence(rows.map(pick)));
  return {
    sheets: [
      {
        name: "Scheme register",
        columns: COLUMNS,
        autoFilter: true,
        inputRows: 0,
        rows: rows.map((r) => [
          r.code,
          r.title,
          r.description,
          r.organisationCode,
          r.divisionName,
          r.programmeName,
          r.workstreamName,
          r.leadName,
          SCHEME_STAGE_LABELS[r.stage],
          ragDisplay(r.stage, r.rag).label,
          SCHEME_CATEGORY_LABELS[r.category],
          r.subCategory,
          r.recurrent ? "Recurrent" : "Non-recurrent",
          formatFinancialYear(year),
          poundsValue(r.fullYearEffectPence),
          poundsValue(r.inYearPence),
          r.weightPercent,
          poundsValue(r.riskAdjustedPence),
          poundsValue(r.ytdPlanPence),
          poundsValue(r.ytdActualPence),
          formatFinancialYear(r.schemeYear),
        ]),
        totals: [
          `Total (${rows.length} schemes)`,
          ...Array<null>(13).fill(null),
          total((r) => r.fullYearEffectPence),
          total((r) => r.inYearPence),
          null,
          total((r) => r.riskAdjustedPence),
          total((r) => r.ytdPlanPence),
          total((r) => r.ytdActualPence),
          null,
        ],
      },
    ],
  };
}

export function schemeRegisterXlsx(rows: SchemeRegisterRow[], year: FinancialYear): Promise<Buffer> {
  return writeXlsx(schemeRegisterSpec(rows, year));
}
