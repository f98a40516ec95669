import { penceToPoundsString } from "@/lib/money";
import { formatFinancialYear, monthLabel, type FinancialMonth, type FinancialYear } from "@/lib/financial-year";
import { SCHEME_CATEGORY_LABELS, SCHEME_STAGE_LABELS } from "@/modules/schemes/scheme-rules";
import { RISK_CATEGORY_LABELS } from "@/modules/risks/risk-labels";
import type { ReadCell } from "@/modules/spreadsheets/xlsx";

/**
 * The words a spreadsheet may use for each choice, and how a cell becomes the text the forms'
 * zod schemas read. Pure: one cell in, text (or a sentence saying what is wrong) out.
 */

export type CellText = { ok: true; text: string } | { ok: false; error: string };

/** A choice column: labels as the template lists them, each with the value the schema takes. */
export interface Choice {
  label: string;
  value: string;
}

const normalise = (text: string) =>
  text
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, " ");

/** Finds the choice whose label or value matches (case, spaces, "-" and "_" ignored). */
export function matchChoice(choices: readonly Choice[], text: string): Choice | undefined {
  const wanted = normalise(text);
  return choices.find((c) => normalise(c.label) === wanted || normalise(c.value) === wanted);
}

export const CATEGORY_CHOICES: Choice[] = Object.entries(SCHEME_CATEGORY_LABELS).map(([value, label]) => ({
  value,
  label,
}));
export const TYPE_CHOICES: Choice[] = [
  { label: "CIP", value: "CIP" },
  { label: "QIPP", value: "QIPP" },
];
export const RECURRENCE_CHOICES: Choice[] = [
  { label: "Recurrent", value: "true" },
  { label: "Non-recurrent", value: "false" },
];
export const CASH_CHOICES: Choice[] = [
  { label: "Cash-releasing", value: "true" },
  { label: "Productivity", value: "false" },
];
export const RAG_CHOICES: Choice[] = [
  { label: "Red", value: "RED" },
  { label: "Amber", value: "AMBER" },
  { label: "Green", value: "GREEN" },
];
export const STAGE_CHOICES: Choice[] = Object.entries(SCHEME_STAGE_LABELS).map(([value, label]) => ({
  value,
  label,
}));
export const RISK_CATEGORY_CHOICES: Choice[] = Object.entries(RISK_CATEGORY_LABELS).map(([value, label]) => ({
  value,
  label,
}));

export const labelsOf = (choices: readonly Choice[]) => choices.map((c) => c.label);

/** "M1 Apr" … "M12 Mar": the template's month list. */
export const MONTH_CHOICES: string[] = Array.from(
  { length: 12 },
  (_, i) => `M${i + 1} ${monthLabel((i + 1) as FinancialMonth)}`,
);

export function yearChoices(from: FinancialYear, to: FinancialYear): string[] {
  const years: string[] = [];
  for (let fy = from; fy <= to; fy++) years.push(formatFinancialYear(fy));
  return years;
}

/* ----------------------------------------------------------------------------------------------
 * Cells to text
 * -------------------------------------------------------------------------------------------- */

/** A text cell's value; numbers as JavaScript writes them (exact for what Excel stores). */
export function cellText(cell: ReadCell | undefined): CellText {
  if (!cell) return { ok: true, text: "" };
  switch (cell.kind) {
    case "empty":
      return { ok: true, text: "" };
    case "text":
      // An export's neutralised text ("'=...") reads back as the text itself.
      return { ok: true, text: /^'[=+\-@]/.test(cell.text) ? cell.text.slice(1) : cell.text };
    case "number":
      return { ok: true, text: String(cell.value) };
    case "boolean":
      return { ok: true, text: cell.value ? "true" : "false" };
    case "date":
      return { ok: true, text: cell.value.toISOString().slice(0, 10) };
    case "error":
      return { ok: false, error: `the cell shows the error ${cell.text}; fix the formula or type the value` };
    case "formula-without-result":
      return {
        ok: false,
        error: `the formula =${cell.formula} has no saved result; open the file in Excel, save it, and upload it again (or type the value)`,
      };
  }
}

/**
 * An amount cell as the text the forms' money fields read. A number cell must hold whole pence
 * (Excel stores 1234.56 exactly enough; 1234.567 is refused); "£1.2m"-style shorthand is
 * refused with the figure to write instead.
 */
export function amountText(cell: ReadCell | undefined): CellText {
  const base = cellText(cell);
  if (!base.ok || !cell) return base;
  if (cell.kind === "number") {
    if (!Number.isFinite(cell.value)) return { ok: false, error: "is not a number" };
    const pence = cell.value * 100;
    if (Math.abs(pence - Math.round(pence)) > 1e-6)
      return { ok: false, error: `${cell.value} has more than two decimal places: round it to pence` };
    // A spreadsheet number is a float: round it to whole pence once, then format the integer exactly.
    return { ok: true, text: penceToPoundsString(Math.round(pence)) };
  }
  const shorthand = /^\s*\(?\s*[-\u2212]?\s*£?\s*(\d+(?:\.\d+)?)\s*(k|m|bn)\s*\)?\s*$/i.exec(base.text);
  if (shorthand) {
    const factor = { k: 1_000, m: 1_000_000, bn: 1_000_000_000 }[shorthand[2]!.toLowerCase() as "k" | "m" | "bn"];
    const [whole = "", decimals = ""] = shorthand[1]!.split(".");
    const written = (BigInt(whole + decimals) * BigInt(factor)) / 10n ** BigInt(decimals.length);
    return {
      ok: false,
      error: `'${base.text.trim()}' is not an amount in pounds; write ${written.toString()}`,
    };
  }
  return base;
}

const MONTH_NAMES = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/** Calendar month (1-12) and year -> financial year and month (April = M1). */
function financialOf(year: number, calendarMonth: number): { financialYear: number; month: FinancialMonth } {
  return calendarMonth >= 4
    ? { financialYear: year, month: (calendarMonth - 3) as FinancialMonth }
    : { financialYear: year - 1, month: (calendarMonth + 9) as FinancialMonth };
}

/** Excel's day serial (1900 system, with its phantom 29 Feb 1900) -> UTC date. */
export function excelSerialToDate(serial: number): Date {
  return new Date(Date.UTC(1899, 11, 30) + Math.round(serial * 86_400_000));
}

export type MonthParse = { ok: true; month: FinancialMonth; financialYear?: number } | { ok: false; error: string };

const MONTH_HINT = 'write M1 (April) to M12 (March), or a month such as "Apr 2025"';

/**
 * A month: "M3", "3", "M3 Jun", "Jun 2025", "June 2025", "2025-06", "2025-06-01", "01/06/2025",
 * a date cell, or an Excel day serial. A calendar month also names its financial year.
 */
export function parseMonthCell(cell: ReadCell | undefined): MonthParse {
  if (!cell || cell.kind === "empty") return { ok: false, error: `is blank; ${MONTH_HINT}` };
  if (cell.kind === "date")
    return { ok: true, ...financialOf(cell.value.getUTCFullYear(), cell.value.getUTCMonth() + 1) };
  if (cell.kind === "number") {
    if (Number.isInteger(cell.value) && cell.value >= 1 && cell.value <= 12)
      return { ok: true, month: cell.value as FinancialMonth };
    if (cell.value > 20_000 && cell.value < 80_000) {
      const date = excelSerialToDate(cell.value);
      return { ok: true, ...financialOf(date.getUTCFullYear(), date.getUTCMonth() + 1) };
    }
    return { ok: false, error: `${cell.value} is not a month; ${MONTH_HINT}` };
  }
  const text = cellText(cell);
  if (!text.ok) return text;
  const t = text.text.trim().toLowerCase();
  let m = /^m?\s*(\d{1,2})(?:\s+[a-z]{3,9})?$/.exec(t);
  if (m) {
    const n = Number(m[1]);
    if (n >= 1 && n <= 12) return { ok: true, month: n as FinancialMonth };
  }
  m = /^([a-z]{3,9})\.?\s*[-\s/]?\s*(\d{2}|\d{4})$/.exec(t);
  if (m) {
    const index = MONTH_NAMES.indexOf(m[1]!.slice(0, 3));
    if (index >= 0 && MONTH_NAMES.some((name) => m![1]!.startsWith(name))) {
      const year = m[2]!.length === 2 ? 2000 + Number(m[2]) : Number(m[2]);
      return { ok: true, ...financialOf(year, index + 1) };
    }
  }
  m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(t);
  if (m && Number(m[2]) >= 1 && Number(m[2]) <= 12) return { ok: true, ...financialOf(Number(m[1]), Number(m[2])) };
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t);
  if (m && Number(m[2]) >= 1 && Number(m[2]) <= 12) return { ok: true, ...financialOf(Number(m[3]), Number(m[2])) };
  return { ok: false, error: `'${text.text.trim()}' is not a month; ${MONTH_HINT}` };
}

/** A date cell, Excel serial, "2025-09-30" or "30/09/2025" -> "2025-09-30" for the forms' date fields. */
export function dateText(cell: ReadCell | undefined): CellText {
  if (!cell || cell.kind === "empty") return { ok: true, text: "" };
  if (cell.kind === "date") return { ok: true, text: cell.value.toISOString().slice(0, 10) };
  if (cell.kind === "number") return { ok: true, text: excelSerialToDate(cell.value).toISOString().slice(0, 10) };
  const text = cellText(cell);
  if (!text.ok) return text;
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text.text.trim());
  if (m) return { ok: true, text: `${m[3]}-${m[2]!.padStart(2, "0")}-${m[1]!.padStart(2, "0")}` };
  return { ok: true, text: text.text.trim() };
}
