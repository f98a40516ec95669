import { z } from "zod";
import type { Actor } from "@/server/auth/actor";
import { db } from "@/server/db";
import { DomainError } from "@/server/errors";

/**
 * Tables that hold derived state, kept by triggers from the rows a write touches: not counted as
 * writes here. Their exactness has its own test (scheme-month-rollup.int.test.ts).
 */
const DERIVED_TABLES = ["scheme_month_rollup"];

/** Row count of every application table (all of `public` but Prisma's bookkeeping and derived tables). */
export async function rowCounts(): Promise<Record<string, number>> {
  const tables = await db().$queryRaw<{ tablename: string }[]>`
    SELECT tablename FROM pg_tables
    WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' AND tablename <> ALL (${DERIVED_TABLES}::text[])
    ORDER BY tablename`;
  if (tables.length === 0) return {};
  const sql = tables
    .map((t) => `SELECT '${t.tablename}' AS name, count(*)::int AS count FROM "${t.tablename}"`)
    .join(" UNION ALL ");
  const rows = await db().$queryRawUnsafe<{ name: string; count: number }[]>(sql);
  return Object.fromEntries(rows.map((r) => [r.name, r.count]));
}

/** The highest audit_event id so far (0 when empty): events after it are the test's. */
export async function lastAuditId(): Promise<bigint> {
  const last = await db().auditEvent.findFirst({ orderBy: { id: "desc" }, select: { id: true } });
  return last?.id ?? 0n;
}

export async function auditEventsAfter(id: bigint) {
  return db().auditEvent.findMany({ where: { id: { gt: id } }, orderBy: { id: "asc" } });
}

export type ActionResult<T> =
  { ok: true; data: T } | { ok: false; code: string; message: string; fieldErrors?: Record<string, string[]> };

/**
 * What `authedAction` does after loading the session (it needs a Next request, so it cannot
 * run here): zod-parse the raw input into field errors, then run the use case and turn a
 * DomainError into the same result shape. Other errors propagate, failing the test.
 */
export async function runAction<S extends z.ZodType, T>(
  schema: S,
  perform: (actor: Actor, input: z.output<S>) => Promise<T>,
  actor: Actor,
  raw: unknown,
): Promise<ActionResult<T>> {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const fieldErrors = z.flattenError(parsed.error).fieldErrors as Record<string, string[]>;
    return { ok: false, code: "VALIDATION", message: "Some answers need correcting.", fieldErrors };
  }
  try {
    return { ok: true, data: await perform(actor, parsed.data) };
  } catch (error) {
    if (error instanceof DomainError)
      return { ok: false, code: error.code, message: error.message, fieldErrors: error.fieldErrors };
    throw error;
  }
}
