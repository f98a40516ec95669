import type { ClientBase } from "pg";
import { APPEND_ONLY_TABLES } from "./app-role";

/**
 * The start-up check of the app's own database role (issue 18, item 1): what could let it
 * alter the audit log or the schema. `npm start` refuses to start on a real PostgreSQL when
 * there is anything to report, and warns loudly on the embedded demo database (one superuser
 * session by design).
 */
export interface RoleAssessment {
  role: string;
  problems: string[];
}

export async function assessDatabaseRole(client: ClientBase): Promise<RoleAssessment> {
  const { rows } = await client.query<{
    role: string;
    superuser: boolean;
    bypassrls: boolean;
    createrole: boolean;
    owned: number;
    create_schemas: string[];
  }>(
    `SELECT current_user AS role, r.rolsuper AS superuser, r.rolbypassrls AS bypassrls, r.rolcreaterole AS createrole,
            (SELECT count(*)::int FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
              WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%'
                AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')
                AND pg_has_role(current_user, c.relowner, 'MEMBER')) AS owned,
            ARRAY(SELECT nspname::text FROM pg_namespace
                   WHERE nspname NOT IN ('pg_catalog', 'information_schema') AND nspname NOT LIKE 'pg\\_%'
                     AND has_schema_privilege(current_user, oid, 'CREATE') ORDER BY nspname) AS create_schemas
       FROM pg_roles r WHERE r.rolname = current_user`,
  );
  const me = rows[0]!;
  const problems: string[] = [];
  if (me.superuser) problems.push("it is a superuser");
  if (me.bypassrls) problems.push("it can bypass row-level security (BYPASSRLS)");
  if (me.createrole) problems.push("it can create and change roles (CREATEROLE)");
  if (me.owned > 0) problems.push(`it owns (or may act as the owner of) ${me.owned} tables or other relations`);
  if (me.create_schemas.length > 0)
    problems.push(`it can create objects in schema ${me.create_schemas.map((s) => `"${s}"`).join(", ")}`);
  const audit = await client.query<{ table: string; privileges: string[] }>(
    `SELECT c.relname AS table,
            ARRAY(SELECT p FROM unnest(ARRAY['UPDATE', 'DELETE', 'TRUNCATE', 'TRIGGER']) AS p
                   WHERE has_table_privilege(current_user, c.oid, p)) AS privileges
       FROM pg_class c
      WHERE c.relname = ANY ($1::text[]) AND c.relkind IN ('r', 'p')`,
    [APPEND_ONLY_TABLES],
  );
  for (const { table, privileges } of audit.rows)
    if (privileges.length > 0) problems.push(`it holds ${privileges.join(", ")} on the append-only table ${table}`);
  return { role: me.role, problems };
}

export function describeRoleProblems(assessment: RoleAssessment): string {
  return [
    `The app's database role "${assessment.role}" has more power than the app needs:`,
    ...assessment.problems.map((p) => `  - ${p}`),
    "Such a role could disable the audit log's guard (ALTER TABLE audit_event DISABLE TRIGGER, or",
    "SET session_replication_role = replica) and rewrite history. Run migrations as the owner and",
    "connect the app as a role of its own: set MIGRATION_DATABASE_URL to the owner's connection and",
    "DATABASE_URL to the application role's; `npm run db:migrate` creates that role and grants it",
    "exactly what it needs (README, Deploying on PostgreSQL).",
  ].join("\n");
}

export type RoleCheckVerdict =
  { kind: "ok"; text: string } | { kind: "warn"; text: string } | { kind: "refuse"; text: string };

/**
 * What `npm start` does with the assessment: nothing to report starts; anything to report is a
 * refusal on a real PostgreSQL, and a loud warning only on the embedded demo database (one
 * superuser session by design, data that is the demo's own).
 */
export function roleCheckVerdict(assessment: RoleAssessment, embedded: boolean): RoleCheckVerdict {
  if (assessment.problems.length === 0)
    return {
      kind: "ok",
      text: `Database role ${assessment.role}: least privilege (owns nothing, may only append to the audit log).`,
    };
  const text = describeRoleProblems(assessment);
  if (!embedded) return { kind: "refuse", text: `Refusing to start. ${text}` };
  const rule = "!".repeat(100);
  return {
    kind: "warn",
    text: `\n${rule}\nWARNING (demo only): ${text}\nThe embedded demo database allows this; a deployment does not.\n${rule}\n`,
  };
}
