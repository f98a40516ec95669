import { readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { get_dmmf } from "@prisma/prisma-schema-wasm";
import type { ClientBase } from "pg";

/**
 * Compares what schema.prisma declares (Prisma's DMMF) with what the migrations built in a
 * database (pg_catalog), so the hand-written SQL and the Prisma client never drift apart.
 * Generic over models, enums, relations and native types: new issues add models, not code here.
 */

type ReferentialAction = "Cascade" | "Restrict" | "NoAction" | "SetNull" | "SetDefault";

interface DmmfField {
  name: string;
  dbName?: string | null;
  kind: "scalar" | "object" | "enum" | "unsupported";
  isList: boolean;
  isRequired: boolean;
  hasDefaultValue: boolean;
  default?: unknown;
  type: string;
  nativeType?: [string, string[]] | null;
  relationFromFields?: string[];
  relationToFields?: string[];
  relationOnDelete?: ReferentialAction;
  relationOnUpdate?: ReferentialAction;
}

interface DmmfModel {
  name: string;
  dbName: string | null;
  schema?: string | null;
  fields: DmmfField[];
}

interface DmmfEnum {
  name: string;
  dbName?: string | null;
  values: { name: string; dbName?: string | null }[];
}

interface DmmfIndex {
  model: string;
  type: "id" | "unique" | "normal" | "fulltext";
  fields: { name: string }[];
}

export interface Datamodel {
  models: DmmfModel[];
  enums: DmmfEnum[];
  indexes: DmmfIndex[];
}

/** The DMMF datamodel of a schema file, or of every .prisma file in a schema folder. */
export function loadDatamodel(schemaPath: string): Datamodel {
  const files = statSync(schemaPath).isDirectory()
    ? readdirSync(schemaPath)
        .filter((f) => f.endsWith(".prisma"))
        .map((f) => path.join(schemaPath, f))
    : [schemaPath];
  const prismaSchema = files.map((f) => [path.basename(f), readFileSync(f, "utf8")]);
  const dmmf = JSON.parse(get_dmmf(JSON.stringify({ prismaSchema }))) as { datamodel: Datamodel };
  return dmmf.datamodel;
}

const tableOf = (model: DmmfModel) => model.dbName ?? model.name;
const columnOf = (field: DmmfField) => field.dbName ?? field.name;
const enumTypeOf = (e: DmmfEnum) => e.dbName ?? e.name;

/** The type as PostgreSQL's format_type() prints it, for a Prisma field (postgresql provider). */
export function expectedColumnType(field: DmmfField, enums: DmmfEnum[]): string | null {
  const element = (() => {
    if (field.kind === "enum") {
      const e = enums.find((x) => x.name === field.type);
      return e ? enumTypeOf(e) : field.type;
    }
    if (field.kind === "unsupported") return null;
    const [native, args = []] = field.nativeType ?? [undefined, []];
    const withArgs = (name: string) => (args.length ? `${name}(${args.join(",")})` : name);
    const time = (name: string, zone: "with" | "without") =>
      `${args.length ? `${name}(${args[0]})` : name} ${zone} time zone`;
    switch (field.type) {
      case "String":
        switch (native) {
          case undefined:
          case "Text":
            return "text";
          case "VarChar":
            return withArgs("character varying");
          case "Char":
            return withArgs("character");
          case "Uuid":
            return "uuid";
          case "VarBit":
            return withArgs("bit varying");
          default:
            return withArgs(native.toLowerCase());
        }
      case "Int":
        return native === "SmallInt" ? "smallint" : native === "Oid" ? "oid" : "integer";
      case "BigInt":
        return "bigint";
      case "Float":
        return native === "Real" ? "real" : "double precision";
      case "Decimal":
        return native === "Money"
          ? "money"
          : args.length
            ? `numeric(${args.join(",")})`
            : native
              ? "numeric"
              : "numeric(65,30)";
      case "Boolean":
        return "boolean";
      case "DateTime":
        switch (native) {
          case undefined:
            return "timestamp(3) without time zone";
          case "Timestamp":
            return time("timestamp", "without");
          case "Timestamptz":
            return time("timestamp", "with");
          case "Time":
            return time("time", "without");
          case "Timetz":
            return time("time", "with");
          case "Date":
            return "date";
          default:
            return native.toLowerCase();
        }
      case "Json":
        return native === "Json" ? "json" : "jsonb";
      case "Bytes":
        return "bytea";
      default:
        return `(unknown Prisma type ${field.type})`;
    }
  })();
  if (element === null) return null;
  return field.isList ? `${element}[]` : element;
}

const PG_ACTIONS: Record<string, ReferentialAction> = {
  a: "NoAction",
  r: "Restrict",
  c: "Cascade",
  n: "SetNull",
  d: "SetDefault",
};
const CLIENT_SIDE_DEFAULTS = new Set(["uuid", "cuid", "nanoid", "ulid"]);

interface DbColumn {
  schema: string;
  table: string;
  column: string;
  type: string;
  not_null: boolean;
  default_expr: string | null;
  identity: string;
}
interface DbIndex {
  schema: string;
  table: string;
  name: string;
  is_unique: boolean;
  is_primary: boolean;
  partial: boolean;
  columns: (string | null)[];
}
interface DbForeignKey {
  schema: string;
  table: string;
  name: string;
  columns: string[];
  ref_schema: string;
  ref_table: string;
  ref_columns: string[];
  on_delete: string;
  on_update: string;
}

async function introspect(client: ClientBase, schemas: string[]) {
  const tables = await client.query<{ schema: string; table: string }>(
    `SELECT n.nspname AS schema, c.relname AS table FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind IN ('r', 'p') AND n.nspname = ANY($1)`,
    [schemas],
  );
  const columns = await client.query<DbColumn>(
    `SELECT n.nspname AS schema, c.relname AS table, a.attname AS column, replace(format_type(a.atttypid, a.atttypmod), '"', '') AS type,
            a.attnotnull AS not_null, pg_get_expr(d.adbin, d.adrelid) AS default_expr, a.attidentity::text AS identity
       FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
       LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
      WHERE c.relkind IN ('r', 'p') AND n.nspname = ANY($1) AND a.attnum > 0 AND NOT a.attisdropped`,
    [schemas],
  );
  const enums = await client.query<{ schema: string; name: string; labels: string[] }>(
    `SELECT n.nspname AS schema, t.typname AS name, array_agg(e.enumlabel::text ORDER BY e.enumsortorder) AS labels
       FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace JOIN pg_enum e ON e.enumtypid = t.oid
      WHERE n.nspname = ANY($1) GROUP BY n.nspname, t.typname`,
    [schemas],
  );
  const indexes = await client.query<DbIndex>(
    `SELECT n.nspname AS schema, t.relname AS table, ic.relname AS name, i.indisunique AS is_unique, i.indisprimary AS is_primary,
            i.indpred IS NOT NULL AS partial,
            array(SELECT a.attname::text FROM unnest(i.indkey) WITH ORDINALITY k(attnum, ord)
                  LEFT JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum ORDER BY k.ord) AS columns
       FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid JOIN pg_class ic ON ic.oid = i.indexrelid
       JOIN pg_namespace n ON n.oid = t.relnamespace
      WHERE n.nspname = ANY($1)`,
    [schemas],
  );
  const foreignKeys = await client.query<DbForeignKey>(
    `SELECT n.nspname AS schema, t.relname AS table, c.conname AS name,
            array(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY k(attnum, ord)
                  JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum ORDER BY k.ord) AS columns,
            rn.nspname AS ref_schema, r.relname AS ref_table,
            array(SELECT a.attname::text FROM unnest(c.confkey) WITH ORDINALITY k(attnum, ord)
                  JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.attnum ORDER BY k.ord) AS ref_columns,
            c.confdeltype::text AS on_delete, c.confupdtype::text AS on_update
       FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid JOIN pg_namespace n ON n.oid = t.relnamespace
       JOIN pg_class r ON r.oid = c.confrelid JOIN pg_namespace rn ON rn.oid = r.relnamespace
      WHERE c.contype = 'f' AND n.nspname = ANY($1)`,
    [schemas],
  );
  return {
    tables: tables.rows,
    columns: columns.rows,
    enums: enums.rows,
    indexes: indexes.rows,
    foreignKeys: foreignKeys.rows,
  };
}

const same = (a: readonly unknown[], b: readonly unknown[]) => a.length === b.length && a.every((x, i) => x === b[i]);
const list = (columns: readonly (string | null)[]) => `(${columns.map((c) => c ?? "<expression>").join(", ")})`;

/** What the DMMF's default should look like in the column's DEFAULT expression; null = no DB default. */
function defaultMismatch(field: DmmfField, column: DbColumn): string | null {
  const actual = column.default_expr;
  const hasDbDefault = actual !== null || column.identity !== "";
  const spec = field.default as { name?: string; args?: unknown[] } | unknown;
  const fn =
    spec && typeof spec === "object" && !Array.isArray(spec) ? (spec as { name?: string; args?: unknown[] }) : null;
  if (!field.hasDefaultValue || (fn?.name && CLIENT_SIDE_DEFAULTS.has(fn.name))) {
    return hasDbDefault ? `has DEFAULT ${actual ?? "identity"} but the schema declares no database default` : null;
  }
  if (!hasDbDefault) return `has no DEFAULT but the schema declares @default(${JSON.stringify(field.default)})`;
  const found = actual ?? "identity";
  if (fn?.name === "autoincrement")
    return column.identity !== "" || /^nextval\(/.test(found)
      ? null
      : `DEFAULT ${found} is not a sequence (autoincrement)`;
  if (fn?.name === "now") return /CURRENT_TIMESTAMP|now\(\)/i.test(found) ? null : `DEFAULT ${found} is not now()`;
  if (fn?.name === "dbgenerated") {
    const expr = String(fn.args?.[0] ?? "").replace(/\s+/g, "");
    return !expr || found.replace(/\s+/g, "").includes(expr) ? null : `DEFAULT ${found} is not ${fn.args?.[0]}`;
  }
  if (Array.isArray(spec)) {
    return spec.length > 0 || /^ARRAY\[\]|^'\{\}'/.test(found) ? null : `DEFAULT ${found} is not an empty array`;
  }
  if (fn) return null; // another function default: presence is all we can check
  const literal = found.replace(/::[\w\s."[\]()]+$/, "").replace(/^'(.*)'$/s, "$1");
  const expected = String(spec);
  const equal =
    literal === expected ||
    (literal.trim() !== "" && !Number.isNaN(Number(literal)) && Number(literal) === Number(expected));
  return equal ? null : `DEFAULT ${found} is not ${expected}`;
}

/** Every difference between the datamodel and the database, one readable line each. */
export async function schemaMismatches(client: ClientBase, datamodel: Datamodel): Promise<string[]> {
  const schemaOf = (model: DmmfModel) => model.schema ?? "public";
  const schemas = [...new Set(datamodel.models.map(schemaOf)), "public"];
  const db = await introspect(client, schemas);
  const problems: string[] = [];
  const key = (schema: string, table: string) => (schema === "public" ? table : `${schema}.${table}`);
  const modelByName = new Map(datamodel.models.map((m) => [m.name, m]));

  // Tables
  const expectedTables = new Set(datamodel.models.map((m) => key(schemaOf(m), tableOf(m))));
  const actualTables = new Set(db.tables.map((t) => key(t.schema, t.table)));
  for (const t of expectedTables) if (!actualTables.has(t)) problems.push(`table ${t}: missing`);
  for (const t of actualTables)
    if (!expectedTables.has(t) && t !== "_prisma_migrations")
      problems.push(`table ${t}: exists but no model maps to it`);

  // Enums
  const expectedEnums = new Map(datamodel.enums.map((e) => [enumTypeOf(e), e.values.map((v) => v.dbName ?? v.name)]));
  for (const [name, values] of expectedEnums) {
    const found = db.enums.find((e) => e.name === name);
    if (!found) problems.push(`enum ${name}: missing`);
    else if (!same(found.labels, values))
      problems.push(`enum ${name}: values [${found.labels.join(", ")}], expected [${values.join(", ")}]`);
  }
  for (const e of db.enums)
    if (!expectedEnums.has(e.name)) problems.push(`enum ${e.name}: exists but no enum maps to it`);

  for (const model of datamodel.models) {
    const table = key(schemaOf(model), tableOf(model));
    if (!actualTables.has(table)) continue;
    const columns = db.columns.filter((c) => key(c.schema, c.table) === table);
    const columnName = (fieldName: string) => {
      const field = model.fields.find((f) => f.name === fieldName);
      return field ? columnOf(field) : `<unknown field ${fieldName}>`;
    };

    // Columns: existence, type, nullability, default; and no column the schema does not know
    const scalarFields = model.fields.filter((f) => f.kind !== "object");
    for (const field of scalarFields) {
      const where = `column ${table}.${columnOf(field)}`;
      const column = columns.find((c) => c.column === columnOf(field));
      if (!column) {
        problems.push(`${where}: missing (field ${model.name}.${field.name})`);
        continue;
      }
      const type = expectedColumnType(field, datamodel.enums);
      if (type !== null && column.type !== type) problems.push(`${where}: type ${column.type}, expected ${type}`);
      if (column.not_null !== field.isRequired) {
        problems.push(
          `${where}: ${column.not_null ? "NOT NULL" : "nullable"}, expected ${field.isRequired ? "NOT NULL" : "nullable"}`,
        );
      }
      const badDefault = defaultMismatch(field, column);
      if (badDefault) problems.push(`${where}: ${badDefault}`);
    }
    for (const column of columns) {
      if (!scalarFields.some((f) => columnOf(f) === column.column))
        problems.push(`column ${table}.${column.column}: exists but no field maps to it`);
    }

    // Primary key, unique and plain indexes
    const indexes = db.indexes.filter((i) => key(i.schema, i.table) === table);
    const declared = datamodel.indexes.filter((i) => i.model === model.name);
    const matched = new Set<string>();
    const id = declared.find((i) => i.type === "id");
    const primary = indexes.find((i) => i.is_primary);
    if (primary) matched.add(primary.name);
    if (id) {
      const cols = id.fields.map((f) => columnName(f.name));
      if (!primary) problems.push(`table ${table}: no primary key, expected ${list(cols)}`);
      else if (!same(primary.columns, cols))
        problems.push(`table ${table}: primary key ${list(primary.columns)}, expected ${list(cols)}`);
    } else if (primary) {
      problems.push(`table ${table}: primary key ${list(primary.columns)} but the model declares no @id`);
    }
    for (const index of declared.filter((i) => i.type === "unique" || i.type === "normal")) {
      const cols = index.fields.map((f) => columnName(f.name));
      const unique = index.type === "unique";
      const found = indexes.find(
        (i) => !i.is_primary && !i.partial && i.is_unique === unique && same(i.columns, cols) && !matched.has(i.name),
      );
      if (found) matched.add(found.name);
      else
        problems.push(
          `table ${table}: no ${unique ? "unique index" : "index"} on ${list(cols)} (${unique ? "@unique/@@unique" : "@@index"})`,
        );
    }
    for (const index of indexes) {
      // Partial and expression indexes cannot be written in schema.prisma, so they may exist in SQL only.
      if (matched.has(index.name) || index.partial || index.columns.includes(null)) continue;
      problems.push(
        `table ${table}: ${index.is_unique ? "unique index" : "index"} ${index.name} on ${list(index.columns)} is not declared in schema.prisma`,
      );
    }

    // Foreign keys, with their referential actions
    const foreignKeys = db.foreignKeys.filter((f) => key(f.schema, f.table) === table);
    const matchedKeys = new Set<string>();
    for (const field of model.fields.filter((f) => f.kind === "object" && f.relationFromFields?.length)) {
      const target = modelByName.get(field.type);
      if (!target) continue;
      const cols = field.relationFromFields!.map(columnName);
      const refCols = (field.relationToFields ?? []).map((name) =>
        columnOf(target.fields.find((f) => f.name === name) ?? ({ name } as DmmfField)),
      );
      const refTable = key(schemaOf(target), tableOf(target));
      const required = field.relationFromFields!.every((name) => model.fields.find((f) => f.name === name)?.isRequired);
      const onDelete = field.relationOnDelete ?? (required ? "Restrict" : "SetNull");
      const onUpdate = field.relationOnUpdate ?? "Cascade";
      const where = `foreign key ${table}${list(cols)} (${model.name}.${field.name})`;
      const fk = foreignKeys.find((f) => same(f.columns, cols) && !matchedKeys.has(f.name));
      if (!fk) {
        problems.push(`${where}: missing, expected REFERENCES ${refTable}${list(refCols)} ON DELETE ${onDelete}`);
        continue;
      }
      matchedKeys.add(fk.name);
      const actualRef = key(fk.ref_schema, fk.ref_table);
      if (actualRef !== refTable || !same(fk.ref_columns, refCols)) {
        problems.push(`${where}: references ${actualRef}${list(fk.ref_columns)}, expected ${refTable}${list(refCols)}`);
      }
      if (PG_ACTIONS[fk.on_delete] !== onDelete)
        problems.push(`${where}: ON DELETE ${PG_ACTIONS[fk.on_delete]}, expected ${onDelete}`);
      if (PG_ACTIONS[fk.on_update] !== onUpdate)
        problems.push(`${where}: ON UPDATE ${PG_ACTIONS[fk.on_update]}, expected ${onUpdate}`);
    }
    for (const fk of foreignKeys) {
      if (!matchedKeys.has(fk.name))
        problems.push(`foreign key ${fk.name} on ${table}${list(fk.columns)}: exists but no relation declares it`);
    }
  }
  return problems.sort();
}
