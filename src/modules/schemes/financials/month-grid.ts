import {
  financialMonthOf,
  financialYearOf,
  formatFinancialYear,
  monthLabel,
  monthStart,
  type FinancialMonth,
  type FinancialYear,
} from "@/lib/financial-year";
import { formatMoney, parsePounds, type Pence } from "@/lib/money";

/**
 * Pure helpers of the monthly financials grid, shared by the browser (live totals, paste) and
 * the server (validation). Money is integer pence; nothing here touches floats of pounds.
 */

export const GRID_ROWS = ["plan", "forecast", "actual"] as const;
export type GridRow = (typeof GRID_ROWS)[number];
export const MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] as const satisfies readonly FinancialMonth[];

export const GRID_ROW_LABELS = { plan: "Plan", forecast: "Forecast", actual: "Actual" } as const satisfies Record<
  GridRow,
  string
>;

/** Longest text a cell accepts: "-£10,000,000,000.00" with room to spare. */
export const MAX_CELL_LENGTH = 40;

/** The form field (and field-error key) of a cell: "plan.3". */
export function cellKey(row: GridRow, month: number): string {
  return `${row}.${month}`;
}

/** "M3 Jun" */
export function shortMonthName(month: FinancialMonth): string {
  return `M${month} ${monthLabel(month)}`;
}

/** "M3 Jun 2025/26" */
export function monthName(fy: FinancialYear, month: FinancialMonth): string {
  return `${shortMonthName(month)} ${formatFinancialYear(fy)}`;
}

/** The accessible name of a cell: "Plan M3 Jun 2025/26". */
export function cellLabel(row: GridRow, fy: FinancialYear, month: FinancialMonth): string {
  return `${GRID_ROW_LABELS[row]} ${monthName(fy, month)}`;
}

export type CellParse = { ok: true; pence: Pence | null } | { ok: false; error: string };

/**
 * One cell's text: blank means "no value"; otherwise an amount in pounds with at most two
 * decimal places. Savings are never negative (a shortfall shows as actual below plan).
 */
export function parseCell(text: string): CellParse {
  if (text.trim() === "") return { ok: true, pence: null };
  if (text.length > MAX_CELL_LENGTH) return { ok: false, error: `Enter at most ${MAX_CELL_LENGTH} characters` };
  const parsed = parsePounds(text);
  if (!parsed.ok) return { ok: false, error: parsed.error };
  if (parsed.pence < 0) return { ok: false, error: "A saving cannot be negative: enter £0 or more" };
  return { ok: true, pence: parsed.pence };
}

/** How a stored amount shows in a cell: "1,500" or "1,500.50"; blank for no value. */
export function cellText(pence: Pence | bigint | null | undefined): string {
  if (pence === null || pence === undefined) return "";
  return formatMoney(Number(pence), { style: "full" }).replace("£", "");
}

export interface RowTotal {
  pence: Pence;
  /** Cells left out of the total because their text is not a valid amount. */
  invalid: number;
}

/** The live total of one row: valid cells summed as integer pence, invalid ones counted. */
export function rowTotal(texts: readonly string[]): RowTotal {
  let pence = 0;
  let invalid = 0;
  for (const text of texts) {
    const parsed = parseCell(text);
    if (!parsed.ok) invalid += 1;
    else if (parsed.pence !== null) pence += parsed.pence;
  }
  // Twelve cells of at most £10bn each stay far below 2^53 pence, so the sum is exact.
  return { pence, invalid };
}

/* ----------------------------------------------------------------------------------------------
 * Pasting from a spreadsheet
 * -------------------------------------------------------------------------------------------- */

// A single amount written with thousands commas ("1,200,000.50") is one value, not a row.
const GROUPED_AMOUNT = /^\s*[-\u2212]?\s*£?\s*\d{1,3}(,\d{3})+(\.\d*)?\s*$/;

/** Splits one line on commas, honouring double quotes as spreadsheets write them ("1,200"). */
function splitCommaLine(line: string): string[] {
  const values: string[] = [];
  let current = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (ch === '"') {
      if (quoted && line[i + 1] === '"') {
        current += '"';
        i += 1;
      } else quoted = !quoted;
    } else if (ch === "," && !quoted) {
      values.push(current);
      current = "";
    } else current += ch;
  }
  values.push(current);
  return values;
}

/**
 * Text pasted from a spreadsheet or a CSV, as rows of cell texts: lines split on tabs when
 * there are any, else on commas. Trailing blank lines (spreadsheets add one) are dropped.
 */
export function parsePastedBlock(text: string): string[][] {
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  while (lines.length > 0 && lines[lines.length - 1]!.trim() === "") lines.pop();
  const useTabs = lines.some((line) => line.includes("\t"));
  return lines.map((line) => {
    if (useTabs) return line.split("\t").map((v) => v.trim());
    if (GROUPED_AMOUNT.test(line)) return [line.trim()];
    return splitCommaLine(line).map((v) => v.trim());
  });
}

/** True when a paste holds more than one value, so the grid (not the input) should take it. */
export function isMultiCellPaste(block: string[][]): boolean {
  return block.length > 1 || (block[0]?.length ?? 0) > 1;
}

export type GridTexts = Record<string, string>;

/**
 * Fills the grid from the pasted block, starting at (row, month) and moving right and down;
 * values beyond M12, below the last row or for cells that are not `writable` (read-only ones,
 * e.g. actuals of months not started) are skipped. Returns the new texts and how many went in.
 */
export function applyPaste(
  texts: GridTexts,
  block: string[][],
  startRow: GridRow,
  startMonth: number,
  writable: (row: GridRow, month: number) => boolean = () => true,
): { texts: GridTexts; pasted: number; skipped: number } {
  const next = { ...texts };
  let pasted = 0;
  let skipped = 0;
  const rowIndex = GRID_ROWS.indexOf(startRow);
  block.forEach((values, r) => {
    const row = GRID_ROWS[rowIndex + r];
    values.forEach((value, c) => {
      const month = startMonth + c;
      if (row && month <= 12 && writable(row, month)) {
        next[cellKey(row, month)] = value;
        pasted += 1;
      } else skipped += 1;
    });
  });
  return { texts: next, pasted, skipped };
}

/* ----------------------------------------------------------------------------------------------
 * Calendar rules
 * -------------------------------------------------------------------------------------------- */

/** A month has started once its first day (UTC) has begun; before that it cannot have an actual. */
export function monthHasStarted(fy: FinancialYear, month: FinancialMonth, now: Date): boolean {
  return monthStart(fy, month).getTime() <= now.getTime();
}

/**
 * The month a monthly update is due for: the month before the one containing `now` (in April,
 * M12 of the previous financial year).
 */
export function lastElapsedMonth(now: Date): { financialYear: FinancialYear; month: FinancialMonth } {
  const previous = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
  return { financialYear: financialYearOf(previous), month: financialMonthOf(previous) };
}
