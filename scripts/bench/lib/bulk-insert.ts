import type pg from "pg";

/**
 * Multi-row INSERT ... SELECT FROM unnest($1::type[], $2::type[], ...): one statement per batch
 * of thousands of rows, one array parameter per column. It goes through the table's CHECK
 * constraints, foreign keys and triggers like any insert (unlike disabling them for COPY), and
 * needs nothing beyond `pg`.
 */

export interface Column {
  name: string;
  /** The PostgreSQL type of one value (the parameter is an array of it). */
  type: string;
  /** SQL turning the unnested value into the stored one, e.g. "string_to_array(x, E'\\n')". */
  select?: string;
}

export type Value = string | number | boolean | null;

const BATCH_ROWS = 10_000;

/** Inserts `rows` (each a value per column, in order) in batches; returns the row count. */
export async function insertRows(
  client: pg.ClientBase,
  table: string,
  columns: readonly Column[],
  rows: readonly (readonly Value[])[],
): Promise<number> {
  for (let start = 0; start < rows.length; start += BATCH_ROWS) {
    const batch = rows.slice(start, start + BATCH_ROWS);
    const params = columns.map((_, c) => batch.map((row) => row[c] ?? null));
    const names = columns.map((col) => `"${col.name}"`).join(", ");
    const unnest = columns.map((col, i) => `$${i + 1}::${col.type}[]`).join(", ");
    const selects = columns.map((col) => col.select ?? `u."${col.name}"`).join(", ");
    await client.query(
      `INSERT INTO "${table}" (${names}) SELECT ${selects} FROM unnest(${unnest}) AS u(${names})`,
      params,
    );
  }
  return rows.length;
}

/** Rows collected for one table, flushed with {@link insertRows}. */
export class TableRows {
  readonly rows: Value[][] = [];
  constructor(
    readonly table: string,
    readonly columns: readonly Column[],
  ) {}

  add(values: Record<string, Value | undefined>): void {
    this.rows.push(this.columns.map((c) => values[c.name] ?? null));
  }

  get count(): number {
    return this.rows.length;
  }

  async insert(client: pg.ClientBase): Promise<number> {
    return insertRows(client, this.table, this.columns, this.rows);
  }
}

/** Shorthand: `cols("id:uuid", "name:text")`. */
export function cols(...specs: string[]): Column[] {
  return specs.map((spec) => {
    const [name, type] = spec.split(":");
    if (!name || !type) throw new Error(`Bad column spec "${spec}"`);
    return { name, type };
  });
}
