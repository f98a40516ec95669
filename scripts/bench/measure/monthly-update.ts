import type { Queryable } from "../lib/bench-database";
import { lastElapsedMonth } from "../../../src/modules/schemes/financials/month-grid";
import { formatFinancialYear } from "../../../src/lib/financial-year";
import { penceToPoundsString } from "../../../src/lib/money";
import { submitMonthlyUpdateSchema } from "../../../src/modules/schemes/financials/financials-schemas";
import { submitMonthlyUpdate } from "../../../src/modules/schemes/financials/submit-monthly-update";
import type { Actor } from "../../../src/server/auth/actor";
import { DomainError } from "../../../src/server/errors";

/**
 * One monthly update save as the server action makes it (the form parsed by its zod schema,
 * then submitMonthlyUpdate: one transaction with the optimistic version check, the figures, the
 * update, the RAG and the audit event), and the check that an accepted save is really stored.
 */

export interface SaveAttempt {
  schemeId: string;
  actualPence: number;
  commentary: string;
}

export type SaveOutcome =
  | (SaveAttempt & { kind: "accepted"; updateId: string; version: number; ms: number })
  | (SaveAttempt & { kind: "conflict" | "error"; message: string; ms: number });

export async function currentVersion(client: Queryable, schemeId: string): Promise<number> {
  const result = await client.query<{ version: number }>("SELECT version FROM scheme WHERE id = $1", [schemeId]);
  return result.rows[0]!.version;
}

/** The form the scheme page posts: the last ended month's actual, forecasts for the rest of the year, RAG, commentary. */
export function updateForm(attempt: SaveAttempt, version: number, now: Date): Record<string, string> {
  const due = lastElapsedMonth(now);
  const form: Record<string, string> = {
    schemeId: attempt.schemeId,
    version: String(version),
    financialYear: formatFinancialYear(due.financialYear),
    month: String(due.month),
    actual: penceToPoundsString(attempt.actualPence),
    rag: "AMBER",
    commentary: attempt.commentary,
  };
  for (let month = due.month + 1; month <= 12; month++)
    form[`forecast.${month}`] = penceToPoundsString(attempt.actualPence + month * 100);
  return form;
}

export async function saveMonthlyUpdate(
  actor: Actor,
  attempt: SaveAttempt,
  version: number,
  now: Date,
): Promise<SaveOutcome> {
  const started = performance.now();
  try {
    const input = submitMonthlyUpdateSchema.parse(updateForm(attempt, version, now));
    const saved = await submitMonthlyUpdate(actor, input, now);
    return {
      ...attempt,
      kind: "accepted",
      updateId: saved.updateId,
      version: saved.version,
      ms: performance.now() - started,
    };
  } catch (error) {
    const ms = performance.now() - started;
    if (error instanceof DomainError && error.code === "STALE")
      return { ...attempt, kind: "conflict", message: error.message, ms };
    return {
      ...attempt,
      kind: "error",
      message: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
      ms,
    };
  }
}

/**
 * No lost update: every accepted save left its monthly update (with its commentary) and its
 * audit event; each scheme's version rose by exactly its accepted saves; and the month's stored
 * actual is the one of the save that committed last (highest version). Returns the problems.
 */
export async function verifyNoLostUpdate(
  client: Queryable,
  outcomes: readonly SaveOutcome[],
  versionsBefore: ReadonlyMap<string, number>,
  now: Date,
): Promise<string[]> {
  const problems: string[] = [];
  const accepted = outcomes.filter((o): o is Extract<SaveOutcome, { kind: "accepted" }> => o.kind === "accepted");
  const due = lastElapsedMonth(now);
  const ids = accepted.map((o) => o.updateId);
  const stored = await client.query<{ id: string; commentary: string; audited: boolean }>(
    `SELECT u.id, u.commentary,
            EXISTS (SELECT 1 FROM audit_event a WHERE a.entity_type = 'scheme' AND a.entity_id = u.scheme_id::text
                      AND a.action = 'scheme.monthly-update.submit' AND a.after -> 'update' ->> 'id' = u.id::text) AS audited
     FROM monthly_update u WHERE u.id = ANY($1::uuid[])`,
    [ids],
  );
  const byId = new Map(stored.rows.map((r) => [r.id, r]));
  for (const o of accepted) {
    const row = byId.get(o.updateId);
    if (!row) problems.push(`accepted update ${o.updateId} of scheme ${o.schemeId} is not in monthly_update`);
    else if (row.commentary !== o.commentary)
      problems.push(`update ${o.updateId} has commentary "${row.commentary}", expected "${o.commentary}"`);
    else if (!row.audited) problems.push(`update ${o.updateId} has no audit event`);
  }
  for (const [schemeId, before] of versionsBefore) {
    const mine = accepted.filter((o) => o.schemeId === schemeId);
    const after = await client.query<{ version: number; actual: string | null }>(
      `SELECT s.version, m.actual_pence::text AS actual FROM scheme s
       LEFT JOIN scheme_month m ON m.scheme_id = s.id AND m.financial_year = $2 AND m.month = $3 WHERE s.id = $1`,
      [schemeId, due.financialYear, due.month],
    );
    const row = after.rows[0]!;
    if (row.version !== before + mine.length)
      problems.push(`scheme ${schemeId}: version ${row.version}, expected ${before} + ${mine.length} accepted saves`);
    const last = mine.reduce<(typeof mine)[number] | undefined>(
      (a, b) => (!a || b.version > a.version ? b : a),
      undefined,
    );
    if (last && row.actual !== String(last.actualPence))
      problems.push(
        `scheme ${schemeId}: actual ${row.actual}, expected ${last.actualPence} from the last accepted save`,
      );
  }
  return problems;
}
