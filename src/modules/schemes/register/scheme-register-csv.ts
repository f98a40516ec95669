import { toCsv } from "@/lib/csv";
import { formatFinancialYear, type FinancialYear } from "@/lib/financial-year";
import { penceToPoundsString } from "@/lib/money";
import type { SchemeRegisterRow } from "@/modules/dashboards/scheme-figures";
import { SCHEME_CATEGORY_LABELS, SCHEME_STAGE_LABELS, ragDisplay } from "../scheme-rules";

const HEADER = [
  "Code",
  "Title",
  "Description",
  "Organisation",
  "Division",
  "Programme",
  "Workstream",
  "Lead",
  "Stage",
  "RAG",
  "Category",
  "Sub-category",
  "Recurrence",
  "Financial year",
  "Full-year effect (£)",
  "In-year value (£)",
  "Stage weight (%)",
  "Risk-adjusted in-year value (£)",
  "YTD plan (£)",
  "YTD actual (£)",
  // The scheme's own year: another year's scheme runs into this one (its full-year effect counts there).
  "Scheme year",
];

/**
 * The register as CSV: money as exact pounds with two decimals (no symbol or commas, so a
 * spreadsheet sums it), text through toCsv, which neutralises formulas.
 */
export function schemeRegisterCsv(rows: SchemeRegisterRow[], year: FinancialYear): string {
  return toCsv(
    HEADER,
    rows.map((r) => [
      r.code,
      r.title,
      r.description,
      r.organisationCode,
      r.divisionName ?? "",
      r.programmeName ?? "",
      r.workstreamName ?? "",
      r.leadName,
      SCHEME_STAGE_LABELS[r.stage],
      ragDisplay(r.stage, r.rag).label,
      SCHEME_CATEGORY_LABELS[r.category],
      r.subCategory ?? "",
      r.recurrent ? "Recurrent" : "Non-recurrent",
      formatFinancialYear(year),
      penceToPoundsString(r.fullYearEffectPence),
      penceToPoundsString(r.inYearPence),
      r.weightPercent,
      penceToPoundsString(r.riskAdjustedPence),
      penceToPoundsString(r.ytdPlanPence),
      penceToPoundsString(r.ytdActualPence),
      formatFinancialYear(r.schemeYear),
    ]),
  );
}
