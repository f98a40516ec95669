import { checkUpload, DEFAULT_MAX_UPLOAD_BYTES } from "@/modules/spreadsheets/upload-checks";
import { parseCsv } from "@/modules/spreadsheets/csv-reader";
import { readXlsx, type ReadCell, type ReadSheet } from "@/modules/spreadsheets/xlsx";
import { MONTH_COLUMNS, RISK_COLUMNS, SCHEME_COLUMNS, SHEETS, columnLetter, type ImportColumn } from "./import-columns";

/**
 * From uploaded bytes to the rows of each import sheet, found by header: the file's checks,
 * missing or renamed columns (named), extra columns (ignored and listed), merged cells and
 * the row limit. Values stay raw cells; validation is the next step.
 */

export interface ImportProblem {
  sheet: string;
  /** Spreadsheet row number (1 = header). */
  row?: number;
  /** Column letter and header. */
  column?: { letter: string; header: string };
  message: string;
}

const MAX_MESSAGE = 300;

/** "Months row 14, column F (Actual (£)): '£1.2m' is not an amount in pounds; write 1200000". */
export function problemSentence(p: ImportProblem): string {
  const where = [p.sheet, p.row ? `row ${p.row}` : null].filter(Boolean).join(" ");
  const column = p.column ? `, column ${p.column.letter} (${p.column.header})` : "";
  const message = p.message.length > MAX_MESSAGE ? `${p.message.slice(0, MAX_MESSAGE)}…` : p.message;
  return `${where}${column}: ${message}`;
}

export interface ImportRow<K extends string> {
  row: number;
  cells: Record<K, ReadCell>;
  /** Where each column is in this file, for messages. */
  at: (key: K) => { letter: string; header: string };
}

export interface SheetData<K extends string> {
  sheet: string;
  rows: ImportRow<K>[];
}

export interface ImportFile {
  kind: "xlsx" | "csv";
  schemes?: SheetData<(typeof SCHEME_COLUMNS)[number]["key"]>;
  months?: SheetData<(typeof MONTH_COLUMNS)[number]["key"]>;
  risks?: SheetData<(typeof RISK_COLUMNS)[number]["key"]>;
  /** Columns the app does not know, ignored: "Schemes: Notes, Owner's comments". */
  ignoredColumns: { sheet: string; headers: string[] }[];
  problems: ImportProblem[];
}

/** Data rows over all sheets: 5,000 schemes with 12 months each fit with room to spare. */
export const MAX_DATA_ROWS = 80_000;

export type ReadResult = { ok: true; file: ImportFile } | { ok: false; error: string };

const headerKey = (text: string) =>
  text
    .replace(/\(£\)|£/g, "")
    .trim()
    .toLowerCase()
    .replace(/\s+/g, " ");

const cellHeader = (cell: ReadCell | undefined) =>
  cell?.kind === "text" ? cell.text : cell?.kind === "number" ? String(cell.value) : "";

function isBlankRow(cells: ReadCell[]): boolean {
  return cells.every((c) => c.kind === "empty" || (c.kind === "text" && c.text.trim() === ""));
}

function mergedProblems(sheet: ReadSheet): ImportProblem[] {
  return sheet.merged.map((range) => {
    const row = Number(/\d+/.exec(range)?.[0] ?? 0);
    return {
      sheet: sheet.name,
      row: row || undefined,
      message: `cells ${range} are merged; unmerge them and put the value in each cell`,
    };
  });
}

/**
 * One sheet's rows by the columns' headers: a missing required column is a problem (and no
 * rows), extra columns are listed as ignored, merged cells are problems, blank rows skipped.
 * Other spreadsheet imports (e.g. service lines) read their sheet with it too.
 */
export function sheetData<K extends string>(
  sheet: ReadSheet,
  columns: readonly ImportColumn<K>[],
  file: Pick<ImportFile, "problems" | "ignoredColumns">,
): SheetData<K> | undefined {
  const header = sheet.rows[0] ?? [];
  const positions = new Map<string, number>();
  header.forEach((cell, i) => {
    const key = headerKey(cellHeader(cell));
    if (key && !positions.has(key)) positions.set(key, i);
  });
  const found = new Map<K, number>();
  const missing: string[] = [];
  for (const c of columns) {
    const index = positions.get(headerKey(c.header));
    if (index === undefined) {
      if (c.required) missing.push(c.header);
    } else found.set(c.key, index);
  }
  if (missing.length > 0) {
    file.problems.push({
      sheet: sheet.name,
      row: 1,
      message: `the ${missing.length === 1 ? "column" : "columns"} ${missing.map((m) => `“${m}”`).join(", ")} ${missing.length === 1 ? "is" : "are"} missing or renamed; keep the template's header row`,
    });
    return undefined;
  }
  const known = new Set(found.values());
  const extra = header
    .map((cell, i) => ({ text: cellHeader(cell).trim(), i }))
    .filter((h) => h.text && !known.has(h.i))
    .map((h) => h.text);
  if (extra.length > 0) file.ignoredColumns.push({ sheet: sheet.name, headers: extra });
  file.problems.push(...mergedProblems(sheet));
  const at = (key: K) => {
    const index = found.get(key);
    const column = columns.find((c) => c.key === key)!;
    return { letter: index === undefined ? "?" : columnLetter(index), header: column.header };
  };
  const rows: ImportRow<K>[] = [];
  sheet.rows.forEach((cells, i) => {
    if (i === 0 || isBlankRow(cells)) return;
    const record = {} as Record<K, ReadCell>;
    for (const c of columns) {
      const index = found.get(c.key);
      record[c.key] = index === undefined ? { kind: "empty" } : (cells[index] ?? { kind: "empty" });
    }
    rows.push({ row: i + 1, cells: record, at });
  });
  return { sheet: sheet.name, rows };
}

const sheetKey = (name: string) => name.trim().toLowerCase();

/** A CSV holds one sheet: which one is told by its headers. */
function csvSheetName(header: ReadCell[]): string {
  const headers = new Set(header.map((c) => headerKey(cellHeader(c))));
  if (headers.has(headerKey("Risk title"))) return SHEETS.risks;
  if (headers.has(headerKey("Title"))) return SHEETS.schemes;
  return SHEETS.months;
}

/**
 * The sheets of an upload that passed checkUpload: a CSV as one sheet (named by `csvName` from
 * its header row), a workbook's sheets; a damaged workbook or more than MAX_DATA_ROWS rows refused.
 */
export async function readSheets(
  bytes: Uint8Array,
  kind: "xlsx" | "csv",
  csvName: (header: ReadCell[]) => string,
  onRows?: (rows: number) => void | Promise<void>,
): Promise<{ ok: true; sheets: ReadSheet[] } | { ok: false; error: string }> {
  let sheets: ReadSheet[];
  if (kind === "csv") {
    const rows = parseCsv(new TextDecoder("utf-8").decode(bytes));
    sheets = [{ name: csvName(rows[0] ?? []), rows, merged: [] }];
  } else {
    try {
      sheets = await readXlsx(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), onRows);
    } catch {
      return {
        ok: false,
        error: "The workbook is damaged and cannot be read. Open it in Excel, save it again as .xlsx, and upload that.",
      };
    }
  }
  const dataRows = sheets.reduce((n, s) => n + Math.max(0, s.rows.length - 1), 0);
  if (dataRows > MAX_DATA_ROWS)
    return {
      ok: false,
      error: `The file has ${dataRows.toLocaleString("en-GB")} rows; one import takes at most ${MAX_DATA_ROWS.toLocaleString("en-GB")}. Split it into smaller files.`,
    };
  return { ok: true, sheets };
}

export async function readImportFile(
  bytes: Uint8Array,
  fileName: string,
  maxBytes = DEFAULT_MAX_UPLOAD_BYTES,
  onRows?: (rows: number) => void | Promise<void>,
): Promise<ReadResult> {
  const verdict = checkUpload(bytes, fileName, maxBytes);
  if (!verdict.ok) return verdict;
  const read = await readSheets(bytes, verdict.kind, csvSheetName, onRows);
  if (!read.ok) return read;
  const sheets = read.sheets;
  const file: ImportFile = { kind: verdict.kind, ignoredColumns: [], problems: [] };
  const byName = new Map(sheets.map((s) => [sheetKey(s.name), s]));
  const schemes = byName.get(sheetKey(SHEETS.schemes));
  const months = byName.get(sheetKey(SHEETS.months));
  const risks = byName.get(sheetKey(SHEETS.risks));
  if (schemes) file.schemes = sheetData(schemes, SCHEME_COLUMNS, file);
  if (months) file.months = sheetData(months, MONTH_COLUMNS, file);
  if (risks && risks.rows.length > 1) file.risks = sheetData(risks, RISK_COLUMNS, file);
  if (!schemes && !months && !risks)
    return {
      ok: false,
      error: `The file has no “${SHEETS.schemes}”, “${SHEETS.months}” or “${SHEETS.risks}” sheet. Use the import template, or a CSV with its header row.`,
    };
  if (file.problems.length === 0 && !file.schemes?.rows.length && !file.months?.rows.length && !file.risks?.rows.length)
    return { ok: false, error: "The file has no rows to import below its header row." };
  return { ok: true, file };
}
