import { fileURLToPath } from "node:url";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyMigrations } from "@/server/db/migrations";
import { type Datamodel, expectedColumnType, loadDatamodel, schemaMismatches } from "../helpers/schema-agreement";
import { MIGRATIONS_DIR, createDatabase, dropDatabase, uniqueDatabaseName } from "../helpers/test-database";

const SCHEMA = fileURLToPath(new URL("../../prisma/schema", import.meta.url));

describe("schema.prisma and the migrations agree", () => {
  let datamodel: Datamodel;
  let client: pg.Client;
  let name = "";

  beforeAll(async () => {
    datamodel = loadDatamodel(SCHEMA);
    name = uniqueDatabaseName("s");
    client = new pg.Client({ connectionString: await createDatabase(name) });
    await client.connect();
    await applyMigrations(client, { dir: MIGRATIONS_DIR });
  });

  afterAll(async () => {
    await client?.end();
    if (name) await dropDatabase(name);
  });

  it("every model, column, type, nullability, default, key, index, enum and foreign key matches", async () => {
    expect(datamodel.models.length).toBeGreaterThan(0);
    // One message listing every mismatch, so a drift is fixed in one go.
    expect(await schemaMismatches(client, datamodel)).toEqual([]);
  });

  it("the checker reports each kind of drift (so the test above can fail)", async () => {
    await client.query("BEGIN");
    try {
      await client.query(`
        ALTER TABLE organisation ALTER COLUMN code TYPE VARCHAR(20);
        ALTER TABLE app_user ALTER COLUMN job_title SET NOT NULL;
        ALTER TABLE organisation ALTER COLUMN version DROP DEFAULT;
        ALTER TABLE division ADD COLUMN stray_column INTEGER;
        ALTER TABLE membership DROP COLUMN system_wide;
        CREATE TABLE stray_table (id INTEGER);
        DROP INDEX app_user_email_key;
        CREATE INDEX organisation_stray_idx ON organisation (name, code);
        ALTER TABLE session DROP CONSTRAINT session_user_id_fkey;
        ALTER TABLE session ADD CONSTRAINT session_user_id_fkey FOREIGN KEY (user_id) REFERENCES app_user(id) ON DELETE RESTRICT ON UPDATE CASCADE;
        ALTER TABLE audit_event DROP CONSTRAINT audit_event_actor_id_fkey;
        ALTER TABLE login_attempt DROP CONSTRAINT login_attempt_pkey;
        ALTER TYPE role ADD VALUE 'AUDITOR';
        CREATE TYPE stray_enum AS ENUM ('A');
      `);
      const problems = await schemaMismatches(client, datamodel);
      const expected = [
        /^column organisation\.code: type character varying\(20\), expected character varying\(12\)$/,
        /^column app_user\.job_title: NOT NULL, expected nullable$/,
        /^column organisation\.version: has no DEFAULT/,
        /^column division\.stray_column: exists but no field maps to it$/,
        /^column membership\.system_wide: missing/,
        /^table stray_table: exists but no model maps to it$/,
        /^table app_user: no unique index on \(email\)/,
        /^table organisation: index organisation_stray_idx on \(name, code\) is not declared/,
        /^foreign key session\(user_id\) \(Session\.user\): ON DELETE Restrict, expected Cascade$/,
        /^foreign key audit_event\(actor_id\) \(AuditEvent\.actor\): missing/,
        /^table login_attempt: no primary key, expected \(id\)$/,
        /^enum role: values \[FINANCE, LEAD, CLINICAL_APPROVER, BOARD, ADMIN, AUDITOR\], expected/,
        /^enum stray_enum: exists but no enum maps to it$/,
      ];
      for (const pattern of expected)
        expect(problems, `expected a line matching ${pattern}`).toContainEqual(expect.stringMatching(pattern));
      expect(problems).toHaveLength(expected.length);
    } finally {
      await client.query("ROLLBACK");
    }
    expect(await schemaMismatches(client, datamodel)).toEqual([]);
  });

  it.each([
    [{ type: "String" }, "text"],
    [{ type: "String", nativeType: ["VarChar", ["120"]] }, "character varying(120)"],
    [{ type: "String", nativeType: ["Uuid", []] }, "uuid"],
    [{ type: "Int" }, "integer"],
    [{ type: "BigInt" }, "bigint"],
    [{ type: "Boolean" }, "boolean"],
    [{ type: "DateTime" }, "timestamp(3) without time zone"],
    [{ type: "DateTime", nativeType: ["Timestamptz", ["3"]] }, "timestamp(3) with time zone"],
    [{ type: "DateTime", nativeType: ["Date", []] }, "date"],
    [{ type: "Json" }, "jsonb"],
    [{ type: "Decimal", nativeType: ["Decimal", ["12", "2"]] }, "numeric(12,2)"],
    [{ type: "Decimal" }, "numeric(65,30)"],
    [{ type: "String", isList: true }, "text[]"],
    [{ type: "Role", kind: "enum" }, "role"],
  ] as const)("maps the Prisma type %j to %s", (field, type) => {
    const enums = [{ name: "Role", dbName: "role", values: [] }];
    const full = {
      name: "f",
      kind: "scalar",
      isList: false,
      isRequired: true,
      hasDefaultValue: false,
      nativeType: null,
      ...field,
    };
    expect(expectedColumnType(full as unknown as Parameters<typeof expectedColumnType>[0], enums)).toBe(type);
  });
});
