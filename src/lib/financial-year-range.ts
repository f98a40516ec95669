import {
  financialYearOf,
  formatFinancialYear,
  isFinancialYear,
  safeParseFinancialYear,
  type FinancialYear,
} from "./financial-year";

/**
 * The financial years the service holds: one setting (the first year, and how many years ahead
 * of the current one) behind every year selector and every validator, so a trust can record
 * past years' delivery and plan years ahead. Nothing here reads the clock or the environment:
 * pass the setting and `now` (the server's `configuredYearRange()` does).
 */

export interface FinancialYearRangeSetting {
  /** The earliest financial year (2010 = 2010/11). */
  first: FinancialYear;
  /** The latest year is the current financial year plus this many. */
  yearsAhead: number;
}

/** Both ends included: `{ first: 2010, last: 2031 }` is 2010/11 to 2031/32. */
export interface FinancialYearRange {
  first: FinancialYear;
  last: FinancialYear;
}

export const DEFAULT_FINANCIAL_YEAR_RANGE: FinancialYearRangeSetting = { first: 2010, yearsAhead: 5 };

/** The range as at `now`; a first year later than the last makes a one-year range. */
export function financialYearRange(setting: FinancialYearRangeSetting, now: Date): FinancialYearRange {
  const last = financialYearOf(now) + setting.yearsAhead;
  return { first: setting.first, last: Math.max(setting.first, last) };
}

export function isInYearRange(year: FinancialYear, range: FinancialYearRange): boolean {
  return isFinancialYear(year) && year >= range.first && year <= range.last;
}

/** Every year of the range, newest first (the order of every year selector). */
export function yearsOfRange(range: FinancialYearRange): FinancialYear[] {
  return Array.from({ length: range.last - range.first + 1 }, (_, i) => range.last - i);
}

/** "2010/11 to 2031/32". */
export function describeYearRange(range: FinancialYearRange): string {
  return `${formatFinancialYear(range.first)} to ${formatFinancialYear(range.last)}`;
}

/** The message for a year outside the range, in any form or URL. */
export function outOfRangeMessage(year: FinancialYear, range: FinancialYearRange): string {
  const written = isFinancialYear(year) ? formatFinancialYear(year) : String(year);
  return `${written} is outside the financial years this service holds (${describeYearRange(range)})`;
}

/** The nearest year of the range: a default that is always selectable. */
export function clampToYearRange(year: FinancialYear, range: FinancialYearRange): FinancialYear {
  return Math.min(range.last, Math.max(range.first, year));
}

/** 2025 → "2025-26": the one way URLs write a year (no slash to escape). */
export function formatYearParam(year: FinancialYear): string {
  return `${year}-${String((year + 1) % 100).padStart(2, "0")}`;
}

/** "2025-26" (the format links use), and the older "2025" and "2025/26", → 2025; else undefined. */
export function parseYearParam(text: string | undefined): FinancialYear | undefined {
  if (!text) return undefined;
  const trimmed = text.trim();
  if (/^\d{4}$/.test(trimmed)) {
    const year = Number(trimmed);
    return isFinancialYear(year) ? year : undefined;
  }
  const parsed = safeParseFinancialYear(trimmed);
  return parsed.ok ? parsed.value : undefined;
}

/** A page's year from its URL, with a notice when the URL asked for one it cannot show. */
export interface YearChoice {
  year: FinancialYear;
  /** Set when the URL's year was unreadable or outside the range; the page shows it. */
  notice?: string;
}

/**
 * Reads `?year=` for a page: absent → `fallback` (clamped into the range); unreadable or outside
 * the range → `fallback` with a notice saying why, so a bad link never crashes a page.
 */
export function chooseYear(text: string | undefined, range: FinancialYearRange, fallback: FinancialYear): YearChoice {
  const fallbackYear = clampToYearRange(fallback, range);
  if (text === undefined || text.trim() === "") return { year: fallbackYear };
  const showing = `showing ${formatFinancialYear(fallbackYear)}.`;
  const year = parseYearParam(text);
  if (year === undefined) return { year: fallbackYear, notice: `"${text}" is not a financial year; ${showing}` };
  if (!isInYearRange(year, range))
    return { year: fallbackYear, notice: `${outOfRangeMessage(year, range)}; ${showing}` };
  return { year };
}
