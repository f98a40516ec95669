import type { SchemeStage, SchemeType } from "@/generated/prisma/enums";
import { safeParseFinancialYear, type FinancialMonth, type FinancialYear } from "@/lib/financial-year";
import type { Pence } from "@/lib/money";
import { optionalText } from "@/lib/form-fields";
import { parseCell } from "@/modules/schemes/financials/month-grid";
import { createSchemeSchema, type SchemeFieldsInput } from "@/modules/schemes/scheme-schemas";
import type { ReadCell } from "@/modules/spreadsheets/xlsx";
import type { MonthColumnKey, SchemeColumnKey } from "./import-columns";
import { defaultProgrammeType, holdsProgrammeType, notHeldMessage } from "@/modules/organisations/programme-types";
import type { OrganisationReference } from "./import-reference";
import type { ImportProblem, ImportRow } from "./read-import-file";
import {
  CASH_CHOICES,
  CATEGORY_CHOICES,
  RAG_CHOICES,
  RECURRENCE_CHOICES,
  STAGE_CHOICES,
  TYPE_CHOICES,
  amountText,
  cellText,
  matchChoice,
  parseMonthCell,
  type Choice,
} from "./import-values";

/**
 * Each row through the same zod schemas the forms use: a Schemes row becomes the scheme form's
 * input (names resolved to the organisation's own divisions, workstreams and leads), a Months
 * row the grid's cells. Every problem names its sheet, row and column.
 */

export interface OrganisationContext {
  reference: OrganisationReference;
  /** Finance of this organisation: may import into it. */
  mayImport: boolean;
}

export interface ValidScheme {
  row: number;
  organisationId: string;
  code: string;
  type: SchemeType;
  fields: SchemeFieldsInput;
  leadId: string;
  /** Blank: not given. */
  stage?: SchemeStage;
}

export interface ValidMonth {
  row: number;
  /** From the optional organisation column; otherwise resolved with the scheme. */
  organisationId?: string;
  code: string;
  financialYear: FinancialYear;
  month: FinancialMonth;
  /** undefined: leave the stored value as it is. */
  plan?: Pence;
  forecast?: Pence;
  actual?: Pence;
  reason?: string;
}

type Problems = ImportProblem[];

const SCHEME_FIELD_COLUMN: Partial<Record<string, SchemeColumnKey>> = {
  organisationId: "organisation",
  divisionId: "division",
  workstreamId: "workstream",
  leadId: "lead",
  recurrent: "recurrence",
  cashReleasing: "cash",
};

/**
 * A form schema's field errors onto the row's cells (a field named as its column, or mapped);
 * a cell already reported (e.g. an unknown choice) is not reported twice.
 */
export function schemaProblems<K extends string>(
  issues: readonly { path: readonly PropertyKey[]; message: string }[],
  row: ImportRow<K>,
  sheet: string,
  fieldColumn: Partial<Record<string, K>>,
  problems: Problems,
): void {
  const reported = new Set(problems.map((p) => p.column?.header));
  for (const issue of issues) {
    const field = String(issue.path[0] ?? "");
    const column = row.at((fieldColumn[field] ?? field) as K);
    if (reported.has(column.header)) continue;
    reported.add(column.header);
    problems.push({ sheet, row: row.row, column, message: issue.message });
  }
}

export const MAX_CODE_LENGTH = 24;

export function codeOf(cell: ReadCell): { ok: true; code: string } | { ok: false; error: string } {
  const text = cellText(cell);
  if (!text.ok) return text;
  const code = text.text.trim();
  if (!code) return { ok: false, error: "enter the scheme's reference code" };
  if (code.length > MAX_CODE_LENGTH)
    return { ok: false, error: `a reference code is at most ${MAX_CODE_LENGTH} characters` };
  return { ok: true, code };
}

function choice(
  row: ImportRow<SchemeColumnKey>,
  key: SchemeColumnKey,
  choices: readonly Choice[],
  problems: Problems,
  sheet: string,
): string | undefined {
  const text = cellText(row.cells[key]);
  if (!text.ok) {
    problems.push({ sheet, row: row.row, column: row.at(key), message: text.error });
    return undefined;
  }
  if (!text.text.trim()) return "";
  const match = matchChoice(choices, text.text);
  if (!match)
    problems.push({
      sheet,
      row: row.row,
      column: row.at(key),
      message: `'${text.text.trim().slice(0, 60)}' is not one of ${choices.map((c) => c.label).join(", ")}`,
    });
  return match?.value;
}

/** Resolves a name against the organisation's list; unknown names are row errors. */
function lookup(
  row: ImportRow<SchemeColumnKey>,
  key: SchemeColumnKey,
  map: Map<string, string>,
  what: string,
  problems: Problems,
  sheet: string,
): string | undefined {
  const text = cellText(row.cells[key]);
  if (!text.ok || !text.text.trim()) return undefined;
  const id = map.get(text.text.trim().toLowerCase());
  if (!id)
    problems.push({
      sheet,
      row: row.row,
      column: row.at(key),
      message: `'${text.text.trim().slice(0, 80)}' is not ${what}`,
    });
  return id;
}

export function validateSchemeRow(
  row: ImportRow<SchemeColumnKey>,
  sheet: string,
  organisations: Map<string, OrganisationContext>,
): { scheme?: ValidScheme; problems: Problems } {
  const problems: Problems = [];
  const at = (key: SchemeColumnKey, message: string) =>
    problems.push({ sheet, row: row.row, column: row.at(key), message });
  const text = (key: SchemeColumnKey) => {
    const t = cellText(row.cells[key]);
    if (!t.ok) at(key, t.error);
    return t.ok ? t.text : "";
  };
  const code = codeOf(row.cells.code);
  if (!code.ok) at("code", code.error);

  const organisationCode = text("organisation").trim();
  const organisation = organisations.get(organisationCode.toLowerCase());
  if (!organisationCode) at("organisation", "enter the organisation's code");
  else if (!organisation) at("organisation", `no organisation has the code '${organisationCode.slice(0, 20)}'`);
  else if (!organisation.mayImport)
    at("organisation", `you cannot import for ${organisation.reference.name}: only its finance users can`);
  const reference = organisation?.mayImport ? organisation.reference : undefined;

  let leadId: string | undefined;
  let divisionId: string | undefined;
  let workstreamId: string | undefined;
  if (reference) {
    divisionId = lookup(row, "division", reference.divisions, `a division of ${reference.code}`, problems, sheet);
    workstreamId = lookup(
      row,
      "workstream",
      reference.workstreams,
      `a workstream of ${reference.code}'s programmes`,
      problems,
      sheet,
    );
    if (!text("lead").trim()) at("lead", "enter the lead's email address or lead role title");
    else
      leadId = lookup(
        row,
        "lead",
        reference.leads,
        `a lead or finance user of ${reference.code} (by email or lead role title)`,
        problems,
        sheet,
      );
  }
  const type = choice(row, "type", TYPE_CHOICES, problems, sheet) as SchemeType | "" | undefined;
  const stage = choice(row, "stage", STAGE_CHOICES, problems, sheet) as SchemeStage | "" | undefined;
  // The scheme form's rule: an ICB holds QIPP, a trust CIP, and QIPP too where its ICB delegates it.
  if (reference && type && !holdsProgrammeType(reference, type)) at("type", notHeldMessage(reference.name, type));

  const amount = (key: SchemeColumnKey) => {
    const t = amountText(row.cells[key]);
    if (!t.ok) at(key, t.error);
    return t.ok ? t.text : undefined;
  };
  const startMonthCell = row.cells.startMonth;
  let startMonth: string | undefined;
  if (startMonthCell.kind !== "empty") {
    const month = parseMonthCell(startMonthCell);
    if (month.ok) startMonth = String(month.month);
    else at("startMonth", month.error);
  }
  const cash = choice(row, "cash", CASH_CHOICES, problems, sheet);
  const raw = {
    organisationId: reference?.id ?? "00000000-0000-4000-8000-000000000000",
    title: text("title"),
    description: text("description"),
    divisionId,
    workstreamId,
    leadId,
    category: choice(row, "category", CATEGORY_CHOICES, problems, sheet),
    subCategory: text("subCategory"),
    recurrent: choice(row, "recurrence", RECURRENCE_CHOICES, problems, sheet),
    cashReleasing: cash === "" ? "true" : cash,
    financialYear: text("financialYear").trim(),
    fullYearEffect: amount("fullYearEffect"),
    inYearValue: amount("inYearValue"),
    startMonth,
    wteSubstantive: amount("wteSubstantive") ?? "",
    wteBank: amount("wteBank") ?? "",
    wteAgency: amount("wteAgency") ?? "",
    rag: choice(row, "rag", RAG_CHOICES, problems, sheet),
  };
  // WTE columns are numbers, not money: take the cell's own text back.
  for (const key of ["wteSubstantive", "wteBank", "wteAgency"] as const) raw[key] = text(key).trim();
  const parsed = createSchemeSchema.safeParse(raw);
  if (!parsed.success) schemaProblems(parsed.error.issues, row, sheet, SCHEME_FIELD_COLUMN, problems);
  if (problems.length > 0 || !parsed.success || !code.ok || !reference || !leadId) return { problems };
  const { organisationId, ...fields } = parsed.data;
  return {
    problems,
    scheme: {
      row: row.row,
      organisationId,
      code: code.code,
      type: type || defaultProgrammeType(reference),
      fields,
      leadId,
      stage: stage || undefined,
    },
  };
}

const reasonField = optionalText("the reason", 1000);

export function validateMonthRow(
  row: ImportRow<MonthColumnKey>,
  sheet: string,
  organisations: Map<string, OrganisationContext>,
): { month?: ValidMonth; problems: Problems } {
  const problems: Problems = [];
  const at = (key: MonthColumnKey, message: string) =>
    problems.push({ sheet, row: row.row, column: row.at(key), message });
  const code = codeOf(row.cells.code);
  if (!code.ok) at("code", code.error);

  let organisationId: string | undefined;
  const orgText = cellText(row.cells.organisation);
  if (orgText.ok && orgText.text.trim()) {
    const organisation = organisations.get(orgText.text.trim().toLowerCase());
    if (!organisation) at("organisation", `no organisation has the code '${orgText.text.trim().slice(0, 20)}'`);
    else if (!organisation.mayImport)
      at("organisation", `you cannot import for ${organisation.reference.name}: only its finance users can`);
    else organisationId = organisation.reference.id;
  }

  const yearText = cellText(row.cells.financialYear);
  let financialYear: number | undefined;
  if (!yearText.ok) at("financialYear", yearText.error);
  else if (!yearText.text.trim()) at("financialYear", 'enter the financial year, written "2025/26"');
  else {
    const parsed = safeParseFinancialYear(yearText.text);
    if (parsed.ok) financialYear = parsed.value;
    else at("financialYear", parsed.error);
  }
  const month = parseMonthCell(row.cells.month);
  if (!month.ok) at("month", month.error);
  else if (month.financialYear !== undefined && financialYear !== undefined && month.financialYear !== financialYear)
    at(
      "month",
      `this month falls in ${month.financialYear}/${String((month.financialYear + 1) % 100).padStart(2, "0")}, not the row's financial year`,
    );

  const money = (key: "plan" | "forecast" | "actual"): Pence | undefined => {
    const t = amountText(row.cells[key]);
    if (!t.ok) {
      at(key, t.error);
      return undefined;
    }
    if (!t.text.trim()) return undefined;
    const parsed = parseCell(t.text);
    if (!parsed.ok) {
      at(key, parsed.error);
      return undefined;
    }
    return parsed.pence ?? undefined;
  };
  const values = { plan: money("plan"), forecast: money("forecast"), actual: money("actual") };
  const reasonText = cellText(row.cells.reason);
  const reason = reasonField.safeParse(reasonText.ok ? reasonText.text : "");
  if (!reason.success) at("reason", reason.error.issues[0]!.message);
  if (problems.length > 0 || !code.ok || financialYear === undefined || !month.ok || !reason.success)
    return { problems };
  return {
    problems,
    month: {
      row: row.row,
      organisationId,
      code: code.code,
      financialYear,
      month: month.month,
      ...values,
      reason: reason.data,
    },
  };
}
