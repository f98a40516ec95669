import { expect } from "vitest";
import type { Actor } from "@/server/auth/actor";
import { auditEventsAfter, lastAuditId, rowCounts, type ActionResult } from "./db-state";

/**
 * One cell of an authorization matrix (a use case run as one actor), checked the same way for
 * every module: allowed = the change, its row counts and exactly one audit event; refused =
 * the expected code, and nothing written at all.
 */

/** A refusal: an error code, or a field error on exactly this field. */
export type Refusal = "FORBIDDEN" | "NOT_FOUND" | "INVALID" | { invalid: string };
export type CellOutcome = "allowed" | Refusal;

export interface PreparedCell<W> {
  raw: Record<string, unknown>;
  /** The organisation the audit event must name (null for a system programme's). */
  organisationId: string | null;
  /** The state a refused run must leave untouched. */
  snapshot: () => Promise<unknown>;
  /** After an allowed run: the change is in the database. */
  verify: (written: W, actor: Actor) => Promise<void>;
}

export interface CellSpec<W> {
  action: string;
  entityType: string;
  /** Row-count changes of an allowed run, audit_event's +1 included. */
  changes: Record<string, number>;
  prepare: () => Promise<PreparedCell<W>>;
  run: (actor: Actor, raw: Record<string, unknown>) => Promise<ActionResult<W>>;
  /** The id the audit event must name. */
  entityIdOf: (written: W) => string;
}

/** Row-count changes between two `rowCounts()` snapshots, zero deltas left out. */
export function countChanges(before: Record<string, number>, after: Record<string, number>): Record<string, number> {
  const changed: Record<string, number> = {};
  for (const table of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const delta = (after[table] ?? 0) - (before[table] ?? 0);
    if (delta !== 0) changed[table] = delta;
  }
  return changed;
}

export async function checkWriteCell<W>(spec: CellSpec<W>, actor: Actor, expected: CellOutcome): Promise<void> {
  const prepared = await spec.prepare();
  const counts = await rowCounts();
  const lastId = await lastAuditId();
  const state = await prepared.snapshot();
  const result = await spec.run(actor, prepared.raw);

  if (expected !== "allowed") {
    if (typeof expected === "string") expect(result).toMatchObject({ ok: false, code: expected });
    else {
      expect(result).toMatchObject({ ok: false, code: "INVALID" });
      if (!result.ok) expect(Object.keys(result.fieldErrors ?? {})).toEqual([expected.invalid]);
    }
    expect(await rowCounts()).toEqual(counts);
    expect(await auditEventsAfter(lastId)).toEqual([]);
    expect(await prepared.snapshot()).toEqual(state);
    return;
  }
  expect(result, JSON.stringify(result)).toMatchObject({ ok: true });
  if (!result.ok) return;
  expect(countChanges(counts, await rowCounts())).toEqual(spec.changes);
  const events = await auditEventsAfter(lastId);
  expect(events).toHaveLength(1);
  expect(events[0]).toMatchObject({
    action: spec.action,
    actorId: actor.userId,
    entityType: spec.entityType,
    entityId: spec.entityIdOf(result.data),
    organisationId: prepared.organisationId,
  });
  await prepared.verify(result.data, actor);
}
