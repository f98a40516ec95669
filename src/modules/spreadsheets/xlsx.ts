import { Readable } from "node:stream";
import ExcelJS from "exceljs";

/**
 * The one module that knows ExcelJS. Everything else describes workbooks with the plain types
 * below (sheets, columns, rows of values) and reads them back as plain cells, so the library
 * can be replaced here alone.
 */

/** How a column's values are shown: "pounds" is £ with pence, "wte" two decimals. */
export type ColumnFormat = "text" | "pounds" | "number" | "wte" | "percent" | "date";

export interface ColumnSpec {
  header: string;
  width?: number;
  format?: ColumnFormat;
  /** Shown as a cell note on the header. */
  note?: string;
  /** Name of a list in `WorkbookSpec.lists`: input cells get a drop-down of its values. */
  list?: string;
  /** A whole number between the two, as data validation on input cells. */
  wholeBetween?: [number, number];
}

export type CellInput = string | number | Date | null | undefined;

export interface SheetSpec {
  name: string;
  columns: ColumnSpec[];
  rows?: CellInput[][];
  /** Freeze the header row (default true). */
  frozenHeader?: boolean;
  autoFilter?: boolean;
  /** A bold last row, e.g. totals; formats follow the columns. */
  totals?: CellInput[];
  /** How many input rows below the header carry the validations (default 1,000). */
  inputRows?: number;
  /** A sheet of paragraphs (first column wide, wrapped), e.g. instructions. */
  prose?: boolean;
}

export interface WorkbookSpec {
  sheets: SheetSpec[];
  /** Drop-down lists, written to a hidden "Lists" sheet and referenced by columns' `list`. */
  lists?: Record<string, readonly (string | number)[]>;
  creator?: string;
}

const NUMBER_FORMATS: Record<ColumnFormat, string | undefined> = {
  text: "@",
  pounds: '"£"#,##0.00;[Red]-"£"#,##0.00',
  number: "#,##0",
  wte: "0.00",
  percent: "0.0",
  date: "dd/mm/yyyy",
};

export const LISTS_SHEET = "Lists";
const DEFAULT_INPUT_ROWS = 1000;

/**
 * Spreadsheet formula injection (OWASP): text that starts with = + - @ (or a tab or carriage
 * return) is prefixed with an apostrophe, as the CSV exports do, so no program that later
 * re-saves the cell as CSV or reads it as a formula runs it.
 */
export function neutraliseText(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

function cellValue(value: CellInput): ExcelJS.CellValue {
  if (value === undefined || value === null) return null;
  if (typeof value === "string") return neutraliseText(value);
  return value;
}

/** Column letter of a 0-based index: 0 -> "A", 26 -> "AA". */
export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = "";
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

function listNames(lists: Record<string, readonly (string | number)[]>): string[] {
  return Object.keys(lists).filter((name) => lists[name]!.length > 0);
}

/** Where each list will live on the hidden sheet, e.g. "Lists!$B$2:$B$7". */
function listReferences(lists: Record<string, readonly (string | number)[]>): Map<string, string> {
  return new Map(
    listNames(lists).map((name, i) => {
      const letter = columnLetter(i);
      return [name, `${LISTS_SHEET}!$${letter}$2:$${letter}$${lists[name]!.length + 1}`];
    }),
  );
}

function addListsSheet(workbook: ExcelJS.Workbook, lists: Record<string, readonly (string | number)[]>) {
  const names = listNames(lists);
  if (names.length === 0) return;
  const sheet = workbook.addWorksheet(LISTS_SHEET, { state: "hidden" });
  names.forEach((name, i) => {
    const letter = columnLetter(i);
    sheet.getCell(`${letter}1`).value = name;
    lists[name]!.forEach((v, row) => (sheet.getCell(`${letter}${row + 2}`).value = cellValue(v)));
  });
}

/** Range validations exist in ExcelJS 4 (worksheet.dataValidations) but not in its typings. */
function addValidation(sheet: ExcelJS.Worksheet, range: string, validation: ExcelJS.DataValidation) {
  (
    sheet as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }
  ).dataValidations.add(range, validation);
}

function addSheet(workbook: ExcelJS.Workbook, spec: SheetSpec, listRefs: Map<string, string>) {
  const frozen = spec.frozenHeader ?? !spec.prose;
  const sheet = workbook.addWorksheet(spec.name, {
    views: frozen ? [{ state: "frozen", ySplit: 1 }] : [],
  });
  sheet.columns = spec.columns.map((c) => ({
    header: c.header,
    width: c.width ?? (spec.prose ? 110 : Math.max(12, c.header.length + 4)),
    style: NUMBER_FORMATS[c.format ?? "text"] ? { numFmt: NUMBER_FORMATS[c.format ?? "text"] } : {},
  }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  spec.columns.forEach((c, i) => {
    if (c.note) header.getCell(i + 1).note = c.note;
  });
  for (const row of spec.rows ?? []) sheet.addRow(row.map(cellValue));
  if (spec.prose) sheet.getColumn(1).alignment = { wrapText: true, vertical: "top" };
  if (spec.totals) {
    const totals = sheet.addRow(spec.totals.map(cellValue));
    totals.font = { bold: true };
  }
  if (spec.autoFilter && spec.columns.length > 0) {
    const lastRow = 1 + (spec.rows?.length ?? 0);
    sheet.autoFilter = `A1:${columnLetter(spec.columns.length - 1)}${lastRow}`;
  }
  const inputRows = spec.inputRows ?? DEFAULT_INPUT_ROWS;
  // An export (no input rows) carries no validations.
  if (inputRows > 0) addValidations(sheet, spec, inputRows, listRefs);
}

function addValidations(sheet: ExcelJS.Worksheet, spec: SheetSpec, inputRows: number, listRefs: Map<string, string>) {
  spec.columns.forEach((c, i) => {
    const range = `${columnLetter(i)}2:${columnLetter(i)}${inputRows + 1}`;
    const listRef = c.list ? listRefs.get(c.list) : undefined;
    if (listRef) {
      addValidation(sheet, range, {
        type: "list",
        allowBlank: true,
        formulae: [listRef],
        showErrorMessage: true,
        errorStyle: "warning",
        errorTitle: c.header,
        error: `Choose a value from the list for ${c.header}.`,
      });
    } else if (c.wholeBetween) {
      addValidation(sheet, range, {
        type: "whole",
        operator: "between",
        allowBlank: true,
        formulae: c.wholeBetween,
        showErrorMessage: true,
        errorTitle: c.header,
        error: `${c.header}: a whole number from ${c.wholeBetween[0]} to ${c.wholeBetween[1]}.`,
      });
    } else if (c.format === "pounds") {
      addValidation(sheet, range, {
        type: "decimal",
        operator: "greaterThanOrEqual",
        allowBlank: true,
        formulae: [0],
        showErrorMessage: true,
        errorStyle: "warning",
        errorTitle: c.header,
        error: `${c.header}: an amount in pounds, 0 or more, e.g. 1200000 or 1234.56.`,
      });
    }
  });
}

/** Writes a workbook to an .xlsx buffer. */
export async function writeXlsx(spec: WorkbookSpec): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = spec.creator ?? "Recovery Tracker";
  workbook.created = new Date();
  const lists = spec.lists ?? {};
  const refs = listReferences(lists);
  for (const sheet of spec.sheets) addSheet(workbook, sheet, refs);
  // Last, so the data sheets come first in the tab order.
  addListsSheet(workbook, lists);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/* ----------------------------------------------------------------------------------------------
 * Reading
 * -------------------------------------------------------------------------------------------- */

/** A cell as read: formulas are replaced by their cached result, or marked as having none. */
export type ReadCell =
  | { kind: "empty" }
  | { kind: "text"; text: string }
  | { kind: "number"; value: number }
  | { kind: "date"; value: Date }
  | { kind: "boolean"; value: boolean }
  | { kind: "error"; text: string }
  | { kind: "formula-without-result"; formula: string };

export interface ReadSheet {
  name: string;
  /** rows[0] is spreadsheet row 1; each row's cells from column A. */
  rows: ReadCell[][];
  /** Merged ranges such as "B3:C3". */
  merged: string[];
}

const EMPTY: ReadCell = { kind: "empty" };

function readValue(value: ExcelJS.CellValue): ReadCell {
  if (value === null || value === undefined) return EMPTY;
  if (typeof value === "string") return value === "" ? EMPTY : { kind: "text", text: value };
  // A formula's error result comes back from the streaming reader as NaN.
  if (typeof value === "number")
    return Number.isNaN(value) ? { kind: "error", text: "#VALUE!" } : { kind: "number", value };
  if (typeof value === "boolean") return { kind: "boolean", value };
  if (value instanceof Date) return { kind: "date", value };
  if ("error" in value) return { kind: "error", text: String(value.error) };
  if ("richText" in value) return { kind: "text", text: value.richText.map((r) => r.text).join("") };
  if ("formula" in value || "sharedFormula" in value) {
    const result = (value as { result?: ExcelJS.CellValue }).result;
    if (result === undefined || result === null) {
      const formula = "formula" in value ? value.formula : (value as { sharedFormula: string }).sharedFormula;
      return { kind: "formula-without-result", formula: String(formula) };
    }
    return readValue(result);
  }
  if ("text" in value) return readValue((value as { text: ExcelJS.CellValue }).text);
  return EMPTY;
}

/** "C3" -> [row 3, column 3] (1-based). */
function decodeAddress(address: string): [number, number] {
  const match = /^([A-Z]+)(\d+)$/.exec(address.toUpperCase());
  if (!match) return [0, 0];
  let col = 0;
  for (const ch of match[1]!) col = col * 26 + ch.charCodeAt(0) - 64;
  return [Number(match[2]), col];
}

type SheetChunks = AsyncIterable<Buffer | string>;

/**
 * The streaming reader drops <mergeCell> elements, so the sheet's XML is watched for them on its
 * way in (the refs are short; 64 characters are carried over a chunk boundary).
 */
async function* watchMerges(chunks: SheetChunks, merged: string[]): AsyncGenerator<Buffer | string> {
  const pattern = /<(?:\w+:)?mergeCell\b[^>]*?\bref="([A-Za-z]+\d+:[A-Za-z]+\d+)"/g;
  let carry = "";
  for await (const chunk of chunks) {
    const text = carry + (typeof chunk === "string" ? chunk : chunk.toString("utf8"));
    let last = 0;
    for (const m of text.matchAll(pattern)) {
      merged.push(m[1]!.toUpperCase());
      last = m.index + m[0].length;
    }
    carry = text.slice(Math.max(last, text.length - 64));
    yield chunk;
  }
}

/**
 * Reads every sheet of an .xlsx buffer (the caller has already checked size and zip contents)
 * with ExcelJS's streaming reader: the whole-workbook model took about 1 GB and 4-8 s for a
 * 5,000-scheme import file; rows streamed into plain cells take a fraction of both.
 */
export async function readXlsx(
  buffer: Buffer,
  /** Told every 5,000 rows read, for a progress display. */
  onRows?: (rows: number) => void | Promise<void>,
): Promise<ReadSheet[]> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([buffer]), {
    sharedStrings: "cache",
    // Styles say which numbers are dates.
    styles: "cache",
    hyperlinks: "ignore",
    worksheets: "emit",
    entries: "ignore",
  });
  const sheets: ReadSheet[] = [];
  let read = 0;
  for await (const worksheet of reader) {
    const merged: string[] = [];
    // ExcelJS keeps the sheet's XML chunks on `iterator` until the rows are read.
    const internal = worksheet as unknown as { iterator: SheetChunks; name: string };
    internal.iterator = watchMerges(internal.iterator, merged);
    const rows: ReadCell[][] = [];
    for await (const row of worksheet) {
      const cells: ReadCell[] = [];
      row.eachCell({ includeEmpty: false }, (cell, col) => {
        cells[col - 1] = readValue(cell.value);
      });
      for (let i = 0; i < cells.length; i++) cells[i] ??= EMPTY;
      rows[row.number - 1] = cells;
      if (++read % 5000 === 0) await onRows?.(read);
    }
    for (let i = 0; i < rows.length; i++) rows[i] ??= [];
    // Only a merged range's top-left cell holds its value.
    for (const range of merged) {
      const [from, to] = range.split(":").map(decodeAddress) as [[number, number], [number, number]];
      for (let r = from[0]; r <= Math.min(to[0], rows.length); r++) {
        const cells = rows[r - 1]!;
        for (let c = from[1]; c <= Math.min(to[1], cells.length); c++)
          if (r !== from[0] || c !== from[1]) cells[c - 1] = EMPTY;
      }
    }
    sheets.push({ name: internal.name, rows, merged });
  }
  return sheets;
}
