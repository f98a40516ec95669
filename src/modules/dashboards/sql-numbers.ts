/**
 * Numbers from raw SQL. PostgreSQL returns BIGINT as a JS bigint and NUMERIC as a decimal
 * object or string; money in this app is a safe-integer `number` of pence, so a value that
 * cannot be held exactly is an error, never a silently rounded figure.
 */
export type SqlNumber = bigint | number | string | { toString(): string } | null | undefined;

/** An exact integer (pence or a count); null/undefined → 0. Throws beyond Number.MAX_SAFE_INTEGER. */
export function sqlInteger(value: SqlNumber, what = "value"): number {
  if (value === null || value === undefined) return 0;
  let result: number;
  if (typeof value === "bigint") {
    if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < BigInt(Number.MIN_SAFE_INTEGER)) {
      throw new RangeError(`The ${what} ${value} is too large to hold exactly in pence.`);
    }
    result = Number(value);
  } else if (typeof value === "number") {
    result = value;
  } else {
    const text = value.toString().trim();
    if (!/^-?\d+$/.test(text)) throw new RangeError(`The ${what} "${text}" is not a whole number.`);
    return sqlInteger(BigInt(text), what);
  }
  if (!Number.isSafeInteger(result)) throw new RangeError(`The ${what} ${result} is not a safe whole number.`);
  return result;
}

/** Like {@link sqlInteger}, but keeps null (e.g. "no actual recorded yet"). */
export function sqlIntegerOrNull(value: SqlNumber, what = "value"): number | null {
  return value === null || value === undefined ? null : sqlInteger(value, what);
}
