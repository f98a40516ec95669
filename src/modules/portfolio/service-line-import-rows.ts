import type { ImportColumn } from "@/modules/imports/import-columns";
import { amountText, cellText, matchChoice, type Choice } from "@/modules/imports/import-values";
import type { ImportProblem, ImportRow } from "@/modules/imports/read-import-file";
import { schemaProblems } from "@/modules/imports/validate-import";
import { createServiceLineSchema, setServiceLineSizeSchema } from "./portfolio-schemas";

/**
 * The service-line sheet (issue 17 item 1): one row per service line and financial year, read
 * by header like the import workbook's sheets, each row through the forms' own schemas (the new
 * service line form, the size form). Pure: rows in, valid rows or problems on their cells out.
 */

export const SERVICE_LINE_SHEET = "Service lines";

const col = <K extends string>(c: ImportColumn<K>) => c;

export const SERVICE_LINE_COLUMNS = [
  col({
    key: "name",
    header: "Service line",
    required: true,
    width: 32,
    note: "2 to 120 characters; unique in the organisation.",
  }),
  col({
    key: "level",
    header: "Level",
    required: true,
    width: 26,
    note: "Division / specialty (meso) or Sub-specialty / department (micro).",
  }),
  col({
    key: "parent",
    header: "Part of",
    required: false,
    width: 28,
    note: "For a sub-specialty or department: the division or specialty it belongs to (in the app or in this file).",
  }),
  col({
    key: "division",
    header: "Division",
    required: false,
    width: 26,
    note: "Optional. One of the organisation's divisions.",
  }),
  col({
    key: "financialYear",
    header: "Financial year",
    required: false,
    note: 'The year of the sizes, written "2026/27". Needed when any size is given.',
  }),
  col({
    key: "budget",
    header: "Budget (£)",
    required: false,
    format: "pounds",
    width: 16,
    note: "In pounds; blank: not recorded.",
  }),
  col({
    key: "patients",
    header: "Patients",
    required: false,
    format: "number",
    note: "Patients a year, a whole number.",
  }),
  col({
    key: "staff",
    header: "Staff (WTE)",
    required: false,
    format: "wte",
    note: "Whole-time equivalents, two decimals at most.",
  }),
] as const;

export type ServiceLineColumnKey = (typeof SERVICE_LINE_COLUMNS)[number]["key"];

export const LEVEL_CHOICES: Choice[] = [
  { label: "Division / specialty", value: "MESO" },
  { label: "Sub-specialty / department", value: "MICRO" },
  { label: "Meso", value: "MESO" },
  { label: "Micro", value: "MICRO" },
];

export interface ValidServiceLineRow {
  row: number;
  name: string;
  level: "MESO" | "MICRO";
  parentName?: string;
  divisionId?: string;
  size?: { financialYear: number; budget?: number; patients?: number; staffWte?: string };
}

const PLACEHOLDER_ID = "00000000-0000-4000-8000-000000000000";
const FIELD_COLUMN: Partial<Record<string, ServiceLineColumnKey>> = {
  parentId: "parent",
  divisionId: "division",
  staffWte: "staff",
};

/** One row: the line through the new-service-line schema, its sizes through the size schema. */
export function validateServiceLineRow(
  row: ImportRow<ServiceLineColumnKey>,
  divisions: Map<string, string>,
): { line?: ValidServiceLineRow; problems: ImportProblem[] } {
  const problems: ImportProblem[] = [];
  const sheet = SERVICE_LINE_SHEET;
  const at = (key: ServiceLineColumnKey, message: string) =>
    problems.push({ sheet, row: row.row, column: row.at(key), message });
  const text = (key: ServiceLineColumnKey) => {
    const t = key === "budget" ? amountText(row.cells[key]) : cellText(row.cells[key]);
    if (!t.ok) at(key, t.error);
    return t.ok ? t.text.trim() : "";
  };
  const levelText = text("level");
  const level = levelText ? matchChoice(LEVEL_CHOICES, levelText)?.value : undefined;
  if (levelText && !level)
    at("level", `'${levelText.slice(0, 60)}' is not one of Division / specialty, Sub-specialty / department`);
  const divisionName = text("division");
  const divisionId = divisionName ? divisions.get(divisionName.toLowerCase()) : undefined;
  if (divisionName && !divisionId)
    at("division", `'${divisionName.slice(0, 80)}' is not a division of the organisation`);
  const parentName = text("parent");
  const line = createServiceLineSchema.safeParse({
    organisationId: PLACEHOLDER_ID,
    name: text("name"),
    level: level ?? (levelText ? "MESO" : ""),
    parentId: parentName ? PLACEHOLDER_ID : "",
    divisionId: divisionId ?? "",
  });
  if (!line.success) schemaProblems(line.error.issues, row, sheet, FIELD_COLUMN, problems);

  const sizeText = { budget: text("budget"), patients: text("patients"), staffWte: text("staff") };
  const yearText = text("financialYear");
  const hasSize = Boolean(sizeText.budget || sizeText.patients || sizeText.staffWte);
  let size: ValidServiceLineRow["size"];
  if (hasSize || yearText) {
    const parsed = setServiceLineSizeSchema.safeParse({
      serviceLineId: PLACEHOLDER_ID,
      financialYear: yearText,
      ...sizeText,
    });
    if (!parsed.success) schemaProblems(parsed.error.issues, row, sheet, FIELD_COLUMN, problems);
    else if (!hasSize) at("budget", "give the budget, patients or staff for the year, or leave the year blank");
    else
      size = {
        financialYear: parsed.data.financialYear,
        budget: parsed.data.budget,
        patients: parsed.data.patients,
        staffWte: parsed.data.staffWte,
      };
  }
  if (problems.length > 0 || !line.success) return { problems };
  return {
    problems,
    line: {
      row: row.row,
      name: line.data.name,
      level: line.data.level,
      parentName: parentName || undefined,
      divisionId: line.data.divisionId,
      size,
    },
  };
}
