/**
 * Money is an integer number of pence held in a `number` that must be a safe integer. Parsing and
 * rounding are done on integers only, so no binary-fraction error can creep into a saving.
 */

export type Pence = number;
export type PenceParseResult = { ok: true; pence: Pence } | { ok: false; error: string };
export type MoneyStyle = "compact" | "full";

export class MoneyParseError extends RangeError {
  constructor(message: string) {
    super(message);
    this.name = "MoneyParseError";
  }
}

/** £10bn: more than any trust's whole budget, so anything larger is a typing slip. */
export const MAX_POUNDS = 10_000_000_000;
export const MAX_PENCE = MAX_POUNDS * 100;

const HINT = `Enter an amount in pounds, like 450,000 or £1,200.50.`;
// Optional sign, optional £ (either order), digits with or without correct thousands commas,
// optional decimals. Decimals are matched loosely so "1.234" gets its own message.
const AMOUNT_RE = /^([-\u2212])?\s*£?\s*([-\u2212])?\s*(\d{1,3}(?:,\d{3})+|\d*)(?:\.(\d*))?$/;

const groupedInteger = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 0, useGrouping: true });

export function isPence(value: unknown): value is Pence {
  return Number.isSafeInteger(value);
}

function assertPence(value: number, what = "Amount"): void {
  if (!Number.isSafeInteger(value)) throw new RangeError(`${what} must be a whole number of pence; got ${value}.`);
}

/**
 * Reads an amount typed in pounds: "450000", "450,000", "£450,000.50", "-1,200.5", "(1,200.00)"
 * (accounting negative). Rejects more than two decimal places, exponents, Infinity/NaN and
 * amounts beyond ±£10bn.
 */
export function parsePounds(text: string): PenceParseResult {
  let body = text.trim();
  let negative = false;
  const bracketed = /^\((.*)\)$/.exec(body);
  if (bracketed) {
    body = bracketed[1]!.trim();
    negative = true;
  }
  const match = AMOUNT_RE.exec(body);
  if (body === "" || !match) return { ok: false, error: describe(text) };

  const [, signBefore, signAfter, whole = "", decimals] = match;
  if ((signBefore && signAfter) || (negative && (signBefore || signAfter))) return { ok: false, error: describe(text) };
  if (decimals !== undefined && decimals.length === 0) return { ok: false, error: describe(text) };
  if (whole === "" && decimals === undefined) return { ok: false, error: describe(text) };
  if (decimals !== undefined && decimals.length > 2) {
    return {
      ok: false,
      error: `"${text.trim()}" has too many decimal places: use at most two decimal places (pence).`,
    };
  }

  const digits = whole.replace(/,/g, "").replace(/^0+(?=\d)/, "");
  // Checked on the digit string so Number() below only ever sees an exactly representable value.
  if (digits.length > String(MAX_POUNDS).length) return tooLarge(text);
  const pence = Number(digits || "0") * 100 + Number((decimals ?? "").padEnd(2, "0"));
  if (pence > MAX_PENCE) return tooLarge(text);

  negative = negative || Boolean(signBefore ?? signAfter);
  return { ok: true, pence: negative && pence !== 0 ? -pence : pence };
}

function describe(text: string): string {
  return text.trim() === "" ? `Enter an amount. ${HINT}` : `"${text.trim()}" is not an amount of money. ${HINT}`;
}

function tooLarge(text: string): PenceParseResult {
  return { ok: false, error: `"${text.trim()}" is too large: amounts must be within ±£10bn.` };
}

/** Like {@link parsePounds} but throws {@link MoneyParseError}. */
export function poundsToPence(text: string): Pence {
  const result = parsePounds(text);
  if (!result.ok) throw new MoneyParseError(result.error);
  return result.pence;
}

/** Exact pounds with two decimals and no symbol or commas, for inputs and CSV: 45000050 → "450000.50". */
export function penceToPoundsString(pence: Pence): string {
  assertPence(pence);
  const abs = Math.abs(pence);
  const pounds = Math.floor(abs / 100);
  const rest = abs - pounds * 100;
  return `${pence < 0 ? "-" : ""}${pounds}.${String(rest).padStart(2, "0")}`;
}

/**
 * Money for people. `full` (the default is `compact`): "£1,234,567.89", or "£1,234,567" when
 * there are no pence. `compact`, as finance boards write it: under £1,000 in whole pounds ("£950"),
 * then £k, £m and £bn with at most one decimal and a trailing ".0" dropped ("£12.5k", "£450k",
 * "£1.2m", "£247.1m"). Halves round away from zero, and the unit is chosen after rounding so
 * £999,950 reads "£1m", not "£1000k". Negatives are "-£1.2m" in both styles.
 */
export function formatMoney(pence: Pence, options: { style?: MoneyStyle } = {}): string {
  assertPence(pence);
  const abs = Math.abs(pence);
  const body = options.style === "full" ? formatFull(abs) : formatCompact(abs);
  // A tiny negative that rounds to "£0" should not read "-£0".
  return pence < 0 && /[1-9]/.test(body) ? `-${body}` : body;
}

/**
 * Two amounts for one sentence ("adds up to X but should be Y"): compact unless they would
 * read the same, then in full, so a penny's difference is never shown as "£450k vs £450k".
 */
export function formatMoneyPair(a: Pence, b: Pence): [string, string] {
  const compact: [string, string] = [formatMoney(a), formatMoney(b)];
  return a !== b && compact[0] === compact[1]
    ? [formatMoney(a, { style: "full" }), formatMoney(b, { style: "full" })]
    : compact;
}

function formatFull(abs: number): string {
  const pounds = Math.floor(abs / 100);
  const rest = abs - pounds * 100;
  return `£${groupedInteger.format(pounds)}${rest === 0 ? "" : `.${String(rest).padStart(2, "0")}`}`;
}

// Each unit with the number of pence in one tenth of it, the finest step compact shows.
const COMPACT_UNITS = [
  { suffix: "k", tenth: 10_000 },
  { suffix: "m", tenth: 10_000_000 },
  { suffix: "bn", tenth: 10_000_000_000 },
] as const;

/** Rounds a non-negative integer to the nearest multiple of `step`, halves up. */
function roundedSteps(value: number, step: number): number {
  const steps = Math.floor(value / step);
  return value - steps * step >= step / 2 ? steps + 1 : steps;
}

function formatCompact(abs: number): string {
  const pounds = roundedSteps(abs, 100);
  if (pounds < 1000) return `£${pounds}`;
  for (const [i, unit] of COMPACT_UNITS.entries()) {
    const tenths = roundedSteps(abs, unit.tenth);
    // Past 999.9 of this unit, move up (unless this is the largest unit).
    if (tenths < 10_000 || i === COMPACT_UNITS.length - 1) {
      const whole = Math.floor(tenths / 10);
      const tenth = tenths % 10;
      return `£${groupedInteger.format(whole)}${tenth === 0 ? "" : `.${tenth}`}${unit.suffix}`;
    }
  }
  throw new Error("unreachable");
}

/** Adds amounts of pence; throws a RangeError if any value or the total is not a safe integer. */
export function sumPence(values: Iterable<Pence>): Pence {
  let total = 0;
  for (const value of values) {
    assertPence(value);
    total += value;
    // Checked at every step: once past 2^53 precision is lost, even if later values bring it back.
    if (!Number.isSafeInteger(total)) throw new RangeError("Total is too large to hold exactly in pence.");
  }
  return total;
}

/** `part` as a percentage of `whole` (25 of 200 → 12.5), or `null` when `whole` is 0. */
export function percentOf(part: number, whole: number): number | null {
  if (!Number.isFinite(part) || !Number.isFinite(whole)) throw new RangeError("percentOf needs finite numbers.");
  if (whole === 0) return null;
  return (part / whole) * 100;
}

/** `part` as a share of `whole` to one decimal place ("42.5%"), as ICB papers report it; "—" without a whole. */
export function formatShare(part: number, whole: number): string {
  const percent = percentOf(part, whole);
  if (percent === null) return "—";
  const tenths = Math.round(percent * 10);
  return `${(tenths / 10).toFixed(1)}%`;
}

/**
 * A difference of money with its sign always written: "+£1.2m" favourable, "-£1.2m" adverse
 * (below plan or target), "£0". The one convention for variances (issue 13); callers add red to
 * adverse ones, but the sign alone carries the meaning.
 */
export function formatSignedMoney(pence: Pence, options: { style?: MoneyStyle } = {}): string {
  const body = formatMoney(pence, options);
  return pence > 0 && body !== "£0" ? `+${body}` : body;
}
