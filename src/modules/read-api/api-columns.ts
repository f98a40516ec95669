import { penceToPoundsString } from "@/lib/money";

/**
 * The read API's fields, declared once per endpoint: the JSON rows, the CSV header and the
 * OpenAPI schema all come from these, so the description cannot drift from the output.
 * Field names are stable (camelCase); money is given twice, as integer pence and as pounds.
 */

export type ApiValue = string | number | boolean | null;
export type ApiRow = Record<string, ApiValue>;

export type ColumnType = "string" | "integer" | "number" | "boolean" | "date" | "date-time" | "uuid";

export interface ApiColumn {
  name: string;
  type: ColumnType;
  nullable?: boolean;
  description: string;
  /** For an enumeration: the allowed values. */
  values?: readonly string[];
}

export const column = (
  name: string,
  type: ColumnType,
  description: string,
  options: { nullable?: boolean; values?: readonly string[] } = {},
): ApiColumn => ({ name, type, description, ...options });

/** `<name>Pence` (integer) and `<name>Pounds` (number with at most 2 decimals). */
export function moneyColumns(name: string, description: string, options: { nullable?: boolean } = {}): ApiColumn[] {
  return [
    column(`${name}Pence`, "integer", `${description}, in pence.`, options),
    column(`${name}Pounds`, "number", `${description}, in pounds (2 decimals).`, options),
  ];
}

/** The two money fields of a value in pence. */
export function money(name: string, pence: number | null): ApiRow {
  return {
    [`${name}Pence`]: pence,
    [`${name}Pounds`]: pence === null ? null : Number(penceToPoundsString(pence)),
  };
}

export const isoDateTime = (d: Date | null | undefined): string | null => (d ? d.toISOString() : null);
export const isoDay = (d: Date | null | undefined): string | null => (d ? d.toISOString().slice(0, 10) : null);
