/**
 * The NHS financial calendar: the financial year runs April to March and is written "2024/25";
 * months run M1 (April) to M12 (March); Q1 is April–June, Q2 July–September, Q3 October–December
 * and Q4 January–March (so January 2025 is in Q4 2024/25).
 *
 * Every date is read and built in UTC, so a date-only value stored as UTC midnight falls in the
 * month it names whatever the server's time zone. Nothing here reads the clock: pass `asOf`.
 */

/** The calendar year the financial year starts in: 2024 means 2024/25. */
export type FinancialYear = number;
/** M1 = April … M12 = March. */
export type FinancialMonth = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10 | 11 | 12;

/** M1 to M12, in order. */
export const FINANCIAL_MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] as const satisfies readonly FinancialMonth[];
export type QuarterNumber = 1 | 2 | 3 | 4;
export type Quarter = { fy: FinancialYear; q: QuarterNumber };
export type Timescale =
  { kind: "quarter"; quarter: Quarter } | { kind: "range"; from: Quarter; to: Quarter } | { kind: "ongoing" };

/** The shape zod `.transform`/`.superRefine` callers want: no throwing. */
export type ParseResult<T> = { ok: true; value: T } | { ok: false; error: string };

export class FinancialYearParseError extends RangeError {
  constructor(message: string) {
    super(message);
    this.name = "FinancialYearParseError";
  }
}

export class QuarterParseError extends RangeError {
  constructor(message: string) {
    super(message);
    this.name = "QuarterParseError";
  }
}

export class TimescaleParseError extends RangeError {
  constructor(message: string) {
    super(message);
    this.name = "TimescaleParseError";
  }
}

// Bounded because Date.UTC maps years 0–99 to 1900–1999, and no programme is older or that far out.
export const MIN_FINANCIAL_YEAR = 1900;
export const MAX_FINANCIAL_YEAR = 2999;

const MONTH_LABELS = ["Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec", "Jan", "Feb", "Mar"] as const;

// Hyphen, non-breaking hyphen, figure/en/em dash and minus: pasted papers use all of them.
const DASH = "\\-\\u2010\\u2011\\u2012\\u2013\\u2014\\u2212";
const YEARS = `(\\d+)\\s*[/${DASH}]\\s*(\\d+)`;
const QUARTER = `q\\s*(\\d+)\\s+${YEARS}`;
const FY_RE = new RegExp(`^(?:fy\\s*)?${YEARS}$`, "i");
const QUARTER_RE = new RegExp(`^${QUARTER}$`, "i");
const RANGE_RE = new RegExp(`^(${QUARTER})(?:\\s+to\\s+|\\s*[${DASH}]\\s*)(${QUARTER})$`, "i");

const FY_HINT = `Use a form like "2024/25" or "24-25".`;
const QUARTER_HINT = `Use a form like "Q3 2024/25" or "Q3 24-25".`;
const TIMESCALE_HINT = `Use a form like "Q3 2024/25", "Q3 24-25", "Q3 2024/25 – Q1 2025/26" or "Ongoing".`;

/** An internal parse step: a reason (when there is one worth telling) instead of a full message. */
type Attempt<T> = { ok: true; value: T } | { ok: false; reason?: string };

function normalise(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

function failure(kind: string, text: string, hint: string, reason?: string): string {
  return `Unknown ${kind} "${text}"${reason ? `: ${reason}` : ""}. ${hint}`;
}

/* ----------------------------------------------------------------------------------------------
 * Financial years
 * -------------------------------------------------------------------------------------------- */

export function isFinancialYear(value: unknown): value is FinancialYear {
  return Number.isInteger(value) && (value as number) >= MIN_FINANCIAL_YEAR && (value as number) <= MAX_FINANCIAL_YEAR;
}

function assertFinancialYear(fy: number): void {
  if (!isFinancialYear(fy)) {
    throw new RangeError(
      `Financial year must be a whole year from ${MIN_FINANCIAL_YEAR} to ${MAX_FINANCIAL_YEAR}; got ${fy}.`,
    );
  }
}

/** `formatFinancialYear(2024)` → "2024/25". */
export function formatFinancialYear(fy: FinancialYear): string {
  assertFinancialYear(fy);
  return `${fy}/${String((fy + 1) % 100).padStart(2, "0")}`;
}

/** Two-digit years are read as 20xx; the second year must be the first plus one. */
function yearsToFinancialYear(first: string, second: string): Attempt<FinancialYear> {
  const written = `${first}/${second}`;
  if (![2, 4].includes(first.length) || ![2, 4].includes(second.length)) {
    return { ok: false, reason: `write years with 2 or 4 digits` };
  }
  const start = first.length === 2 ? 2000 + Number(first) : Number(first);
  const expected = second.length === 2 ? (start + 1) % 100 : start + 1;
  if (Number(second) !== expected) {
    return { ok: false, reason: `${written} is not a financial year, as the second year must follow the first` };
  }
  if (!isFinancialYear(start)) {
    return { ok: false, reason: `years run from ${MIN_FINANCIAL_YEAR} to ${MAX_FINANCIAL_YEAR}` };
  }
  return { ok: true, value: start };
}

/** Accepts "2024/25", "24/25", "2024-25", "24–25" (any dash), "FY24/25"; see {@link parseFinancialYear}. */
export function safeParseFinancialYear(text: string): ParseResult<FinancialYear> {
  const match = FY_RE.exec(normalise(text));
  const attempt: Attempt<FinancialYear> = match ? yearsToFinancialYear(match[1]!, match[2]!) : { ok: false };
  return attempt.ok ? attempt : { ok: false, error: failure("financial year", text, FY_HINT, attempt.reason) };
}

/** Parses "2024/25" and its variants to 2024; throws {@link FinancialYearParseError}. */
export function parseFinancialYear(text: string): FinancialYear {
  const result = safeParseFinancialYear(text);
  if (!result.ok) throw new FinancialYearParseError(result.error);
  return result.value;
}

/* ----------------------------------------------------------------------------------------------
 * Months
 * -------------------------------------------------------------------------------------------- */

function assertDate(date: Date): void {
  if (!(date instanceof Date) || Number.isNaN(date.getTime())) throw new RangeError("Expected a valid date.");
}

export function isFinancialMonth(value: unknown): value is FinancialMonth {
  return Number.isInteger(value) && (value as number) >= 1 && (value as number) <= 12;
}

function assertFinancialMonth(m: number): asserts m is FinancialMonth {
  if (!isFinancialMonth(m))
    throw new RangeError(`Financial month must be a whole number from 1 (April) to 12 (March); got ${m}.`);
}

/** The financial year a date (read in UTC) falls in: 31 Mar 2025 → 2024, 1 Apr 2025 → 2025. */
export function financialYearOf(date: Date): FinancialYear {
  assertDate(date);
  const year = date.getUTCFullYear();
  return date.getUTCMonth() >= 3 ? year : year - 1;
}

/** The financial month of a date (read in UTC): April → 1, March → 12. */
export function financialMonthOf(date: Date): FinancialMonth {
  assertDate(date);
  return (((date.getUTCMonth() + 9) % 12) + 1) as FinancialMonth;
}

/** `monthLabel(1)` → "Apr", `monthLabel(12)` → "Mar". */
export function monthLabel(m: FinancialMonth): string {
  assertFinancialMonth(m);
  return MONTH_LABELS[m - 1]!;
}

/** The calendar year and month (1 = January … 12 = December) of financial month `m` of `fy`. */
export function calendarMonthOf(fy: FinancialYear, m: FinancialMonth): { year: number; month: number } {
  assertFinancialYear(fy);
  assertFinancialMonth(m);
  return m <= 9 ? { year: fy, month: m + 3 } : { year: fy + 1, month: m - 9 };
}

/** Midnight UTC on the first day of financial month `m` of `fy`. */
export function monthStart(fy: FinancialYear, m: FinancialMonth): Date {
  const { year, month } = calendarMonthOf(fy, m);
  return new Date(Date.UTC(year, month - 1, 1));
}

/**
 * How many months of `fy` are closed as at `asOf`: those that ended before the month containing
 * `asOf` began. The current month is not counted, because its actuals are not in yet. So on
 * 15 May 2024, 2024/25 has 1 elapsed month (April); before April 2024 it has 0; from April 2025, 12.
 */
export function elapsedMonths(fy: FinancialYear, asOf: Date): number {
  assertFinancialYear(fy);
  assertDate(asOf);
  const monthsSinceYearStart = (asOf.getUTCFullYear() - fy) * 12 + asOf.getUTCMonth() - 3;
  return Math.min(12, Math.max(0, monthsSinceYearStart));
}

/* ----------------------------------------------------------------------------------------------
 * Quarters
 * -------------------------------------------------------------------------------------------- */

function quarterFromParts(q: string, first: string, second: string): Attempt<Quarter> {
  const number = Number(q);
  if (!Number.isInteger(number) || number < 1 || number > 4) {
    return { ok: false, reason: `there is no Q${q}, as quarters run from Q1 (April–June) to Q4 (January–March)` };
  }
  const fy = yearsToFinancialYear(first, second);
  return fy.ok ? { ok: true, value: { fy: fy.value, q: number as QuarterNumber } } : fy;
}

function attemptQuarter(normalised: string): Attempt<Quarter> {
  const match = QUARTER_RE.exec(normalised);
  return match ? quarterFromParts(match[1]!, match[2]!, match[3]!) : { ok: false };
}

/** Accepts "Q3 2021/22", "Q3 21-22", "q3 21–22" (any dash, any spacing); see {@link parseQuarter}. */
export function safeParseQuarter(text: string): ParseResult<Quarter> {
  const attempt = attemptQuarter(normalise(text));
  return attempt.ok ? attempt : { ok: false, error: failure("quarter", text, QUARTER_HINT, attempt.reason) };
}

/** Parses a financial quarter such as "Q3 21-22"; throws {@link QuarterParseError}. */
export function parseQuarter(text: string): Quarter {
  const result = safeParseQuarter(text);
  if (!result.ok) throw new QuarterParseError(result.error);
  return result.value;
}

/** The display form: "Q3 2021/22". */
export function formatQuarter(quarter: Quarter): string {
  return `Q${quarter.q} ${formatFinancialYear(quarter.fy)}`;
}

/** A running count of quarters, so quarters compare and step as integers. */
export function quarterIndex(quarter: Quarter): number {
  assertFinancialYear(quarter.fy);
  if (![1, 2, 3, 4].includes(quarter.q)) throw new RangeError(`Quarter must be 1 to 4; got ${quarter.q}.`);
  return quarter.fy * 4 + quarter.q - 1;
}

/** The inverse of {@link quarterIndex}. */
export function quarterFromIndex(index: number): Quarter {
  if (!Number.isInteger(index)) throw new RangeError(`Quarter index must be a whole number; got ${index}.`);
  const fy = Math.floor(index / 4);
  assertFinancialYear(fy);
  return { fy, q: (index - fy * 4 + 1) as QuarterNumber };
}

/** -1, 0 or 1, so it can be passed straight to `Array.prototype.sort`. */
export function compareQuarters(a: Quarter, b: Quarter): -1 | 0 | 1 {
  return Math.sign(quarterIndex(a) - quarterIndex(b)) as -1 | 0 | 1;
}

/** Every quarter from `from` to `to` inclusive; throws if `to` is before `from`. */
export function quarterRange(from: Quarter, to: Quarter): Quarter[] {
  const start = quarterIndex(from);
  const end = quarterIndex(to);
  if (end < start) throw new RangeError(`${formatQuarter(to)} is before ${formatQuarter(from)}.`);
  return Array.from({ length: end - start + 1 }, (_, i) => quarterFromIndex(start + i));
}

/** The quarter a date (read in UTC) falls in: 15 Jan 2025 → Q4 2024/25. */
export function quarterOf(date: Date): Quarter {
  return { fy: financialYearOf(date), q: (Math.floor((financialMonthOf(date) - 1) / 3) + 1) as QuarterNumber };
}

/** Midnight UTC on the quarter's first day. */
export function quarterStart(quarter: Quarter): Date {
  quarterIndex(quarter); // validates
  return monthStart(quarter.fy, ((quarter.q - 1) * 3 + 1) as FinancialMonth);
}

/** Midnight UTC on the day after the quarter's last day: an exclusive end. */
export function quarterEnd(quarter: Quarter): Date {
  return quarterStart(quarterFromIndex(quarterIndex(quarter) + 1));
}

/* ----------------------------------------------------------------------------------------------
 * Timescales (an activity's "when": a quarter, a range of quarters, or ongoing)
 * -------------------------------------------------------------------------------------------- */

/**
 * Accepts a quarter, "Ongoing" (any case) or a range such as "Q3 2021/22 – Q1 2022/23" or
 * "Q3 21-22 to Q1 22-23". A range that starts and ends in the same quarter becomes a single
 * quarter, so each timescale has one canonical value.
 */
export function safeParseTimescale(text: string): ParseResult<Timescale> {
  const normalised = normalise(text);
  if (normalised.toLowerCase() === "ongoing") return { ok: true, value: { kind: "ongoing" } };

  const single = attemptQuarter(normalised);
  if (single.ok) return { ok: true, value: { kind: "quarter", quarter: single.value } };

  const range = RANGE_RE.exec(normalised);
  if (!range) return { ok: false, error: failure("timescale", text, TIMESCALE_HINT, single.reason) };
  const from = quarterFromParts(range[2]!, range[3]!, range[4]!);
  const to = quarterFromParts(range[6]!, range[7]!, range[8]!);
  if (!from.ok || !to.ok) {
    const reason = (!from.ok ? from.reason : undefined) ?? (!to.ok ? to.reason : undefined);
    return { ok: false, error: failure("timescale", text, TIMESCALE_HINT, reason) };
  }
  const order = compareQuarters(from.value, to.value);
  if (order > 0) {
    return {
      ok: false,
      error: `Timescale "${text}" ends before it starts: ${formatQuarter(to.value)} is before ${formatQuarter(from.value)}.`,
    };
  }
  if (order === 0) return { ok: true, value: { kind: "quarter", quarter: from.value } };
  return { ok: true, value: { kind: "range", from: from.value, to: to.value } };
}

/** Parses an activity timescale; throws {@link TimescaleParseError}. */
export function parseTimescale(text: string): Timescale {
  const result = safeParseTimescale(text);
  if (!result.ok) throw new TimescaleParseError(result.error);
  return result.value;
}

/** "Q3 2021/22", "Q3 2021/22 – Q1 2022/23" (en dash) or "Ongoing". */
export function formatTimescale(timescale: Timescale): string {
  switch (timescale.kind) {
    case "quarter":
      return formatQuarter(timescale.quarter);
    case "range":
      return `${formatQuarter(timescale.from)} – ${formatQuarter(timescale.to)}`;
    case "ongoing":
      return "Ongoing";
  }
}

/** Every quarter the timescale covers, in order; `null` for "ongoing", which has no end. */
export function timescaleQuarters(timescale: Timescale): Quarter[] | null {
  switch (timescale.kind) {
    case "quarter":
      return [timescale.quarter];
    case "range":
      return quarterRange(timescale.from, timescale.to);
    case "ongoing":
      return null;
  }
}

/**
 * An activity is overdue when it is not done and the last quarter of its timescale ended before
 * `asOf` (so on 1 January, a Q3 activity is overdue). "Ongoing" is never overdue. Status is
 * compared case-insensitively with "done" so a database enum such as `DONE` works too.
 */
export function isOverdue(timescale: Timescale, status: string, asOf: Date): boolean {
  assertDate(asOf);
  if (status.trim().toLowerCase() === "done") return false;
  const last = timescale.kind === "quarter" ? timescale.quarter : timescale.kind === "range" ? timescale.to : null;
  return last !== null && asOf.getTime() >= quarterEnd(last).getTime();
}
