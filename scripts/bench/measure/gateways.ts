import type { Queryable } from "../lib/bench-database";
import { decideGateway } from "../../../src/modules/gateways/decide-gateway";
import { findGatewayPipeline } from "../../../src/modules/gateways/find-gateway-pipeline";
import { decideGatewaySchema, submitForGatewaySchema } from "../../../src/modules/gateways/gateway-schemas";
import { submitForGateway } from "../../../src/modules/gateways/submit-for-gateway";
import { findQias } from "../../../src/modules/quality/find-qias";
import type { Actor } from "../../../src/server/auth/actor";
import { actorFor } from "./actors";

/**
 * The gateway pipeline page, the QIA list's "awaiting my signature" view, and gateway 1
 * approvals through the app's use case (the form parsed by its zod schema, then decideGateway:
 * one transaction with the row lock, the criteria judged again, the decision and the audit
 * event), with the check that every approval really moved its scheme.
 */

/** src/app/(app)/gateways/page.tsx: every scheme awaiting a decision in the actor's scope. */
export async function loadGatewayPipeline(actor: Actor) {
  return findGatewayPipeline(actor);
}

/** src/app/(app)/quality/page.tsx, view "awaiting my signature". */
export async function loadQiasAwaitingMe(actor: Actor, now: Date) {
  return findQias(actor, { kind: "awaiting-me" }, now);
}

export interface ApprovalCandidate {
  schemeId: string;
  code: string;
  organisationId: string;
  leadId: string;
}

/**
 * `count` schemes awaiting gateway 1, oldest submission first. When the generated pipeline has
 * too few left (an earlier bench run approved them), the leads of opportunity schemes whose
 * screenings are done submit more through submitForGateway, untimed, so reruns measure the same.
 */
export async function approvalCandidates(pool: Queryable, count: number, now: Date): Promise<ApprovalCandidate[]> {
  const query = (where: string, limit: number) =>
    pool.query<{ id: string; code: string; organisation_id: string; lead_id: string; version: number }>(
      `SELECT s.id, s.code, s.organisation_id, s.lead_id, s.version FROM scheme s WHERE s.stage = 'OPPORTUNITY' AND ${where}
       ORDER BY s.submitted_at NULLS LAST, s.code LIMIT $1`,
      [limit],
    );
  const submitted = (await query("s.submitted_gate = 1", count)).rows;
  if (submitted.length < count) {
    const more = await query(
      `s.submitted_gate IS NULL AND s.workstream_id IS NOT NULL
       AND EXISTS (SELECT 1 FROM quality_assessment q WHERE q.scheme_id = s.id AND q.status <> 'SUPERSEDED' AND q.screening_complete)
       AND EXISTS (SELECT 1 FROM equality_assessment e WHERE e.scheme_id = s.id AND e.screening_complete)`,
      (count - submitted.length) * 2,
    );
    for (const row of more.rows) {
      if (submitted.length >= count) break;
      try {
        await submitForGateway(
          await actorFor(row.lead_id),
          submitForGatewaySchema.parse({ schemeId: row.id, version: String(row.version), gate: "1" }),
          now,
        );
        submitted.push(row);
      } catch {
        // Its criteria do not pass after all: the next one.
      }
    }
  }
  return submitted.map((r) => ({ schemeId: r.id, code: r.code, organisationId: r.organisation_id, leadId: r.lead_id }));
}

/** The finance director of the scheme's organisation (the system PMO director at the ICB), never its lead. */
export async function financeDirectorFor(pool: Queryable, candidate: ApprovalCandidate): Promise<Actor> {
  const r = await pool.query<{ id: string }>(
    `SELECT u.id FROM membership m JOIN app_user u ON u.id = m.user_id
     WHERE m.organisation_id = $1 AND m.role = 'FINANCE' AND COALESCE(m.finance_capacity, 'DIRECTOR') = 'DIRECTOR' AND u.active AND u.id <> $2
     ORDER BY u.email LIMIT 1`,
    [candidate.organisationId, candidate.leadId],
  );
  const id = r.rows[0]?.id;
  if (!id) throw new Error(`No finance director at the organisation of ${candidate.code}`);
  return actorFor(id);
}

export type ApprovalOutcome = { schemeId: string; code: string; ms: number } & (
  { kind: "approved"; decisionId: string } | { kind: "error"; message: string }
);

/** One approval as the server action makes it: the version the page loaded (read before the clock starts), the form parsed, decideGateway. */
export async function approveGatewayOne(
  pool: Queryable,
  actor: Actor,
  candidate: ApprovalCandidate,
  now: Date,
): Promise<ApprovalOutcome> {
  const version = (
    await pool.query<{ version: number }>("SELECT version FROM scheme WHERE id = $1", [candidate.schemeId])
  ).rows[0]!.version;
  const started = performance.now();
  try {
    const input = decideGatewaySchema.parse({
      schemeId: candidate.schemeId,
      version: String(version),
      gate: "1",
      decision: "APPROVE",
      reason: "",
      conditions: "",
    });
    const decision = await decideGateway(actor, input, now);
    return {
      schemeId: candidate.schemeId,
      code: candidate.code,
      ms: performance.now() - started,
      kind: "approved",
      decisionId: decision.id,
    };
  } catch (error) {
    return {
      schemeId: candidate.schemeId,
      code: candidate.code,
      ms: performance.now() - started,
      kind: "error",
      message: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
    };
  }
}

/** Every approved scheme is now in planning, no longer awaiting a decision, with exactly one gateway 1 approval (the one returned). */
export async function verifyApprovals(pool: Queryable, outcomes: readonly ApprovalOutcome[]): Promise<string[]> {
  const problems = outcomes.flatMap((o) => (o.kind === "error" ? [`${o.code}: ${o.message}`] : []));
  const approved = outcomes.filter((o): o is Extract<ApprovalOutcome, { kind: "approved" }> => o.kind === "approved");
  const r = await pool.query<{
    id: string;
    code: string;
    stage: string;
    submitted_gate: number | null;
    approvals: string[];
  }>(
    `SELECT s.id, s.code, s.stage, s.submitted_gate,
            ARRAY(SELECT d.id::text FROM gateway_decision d WHERE d.scheme_id = s.id AND d.kind = 'APPROVED' AND d.gate = 1) AS approvals
     FROM scheme s WHERE s.id = ANY($1::uuid[])`,
    [approved.map((o) => o.schemeId)],
  );
  const byId = new Map(r.rows.map((row) => [row.id, row]));
  for (const o of approved) {
    const row = byId.get(o.schemeId);
    if (!row) problems.push(`${o.code}: not found after its approval`);
    else if (row.stage !== "PLANNING")
      problems.push(`${o.code}: stage ${row.stage} after gateway 1 approval, expected PLANNING`);
    else if (row.submitted_gate !== null)
      problems.push(`${o.code}: still awaits gateway ${row.submitted_gate} after its approval`);
    else if (row.approvals.length !== 1 || row.approvals[0] !== o.decisionId)
      problems.push(`${o.code}: ${row.approvals.length} gateway 1 approvals, expected exactly the one just made`);
  }
  return problems;
}
