import type { Prisma } from "@/generated/prisma/client";
import type { Actor } from "@/server/auth/actor";
import { db, type Tx } from "@/server/db";

export interface AuditEntry {
  /** Dotted verb, e.g. "user.create". */
  action: string;
  entityType: string;
  entityId: string;
  organisationId?: string | null;
  before?: unknown;
  after?: unknown;
}

/** JSON-safe copy: BigInt and Date become strings, undefined fields disappear. */
function toJson(value: unknown): Prisma.InputJsonValue | undefined {
  if (value === undefined || value === null) return undefined;
  return JSON.parse(
    JSON.stringify(value, (_k, v) => (typeof v === "bigint" ? v.toString() : v)),
  ) as Prisma.InputJsonValue;
}

function auditRow(actor: Actor | null, entry: AuditEntry) {
  return {
    actorId: actor?.userId ?? null,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    organisationId: entry.organisationId ?? null,
    before: toJson(entry.before),
    after: toJson(entry.after),
  };
}

/** Writes the audit event inside the use case's transaction: both land or neither. */
export async function recordAudit(tx: Tx, actor: Actor | null, entry: AuditEntry): Promise<void> {
  await tx.auditEvent.create({ data: auditRow(actor, entry) });
}

/**
 * A refused write is evidence too (DESIGN.md section 7): record who tried what. "access.denied"
 * for a permission refusal; "action.refused" for a stale version or a conflict, with the reason.
 */
export async function recordDeniedAttempt(
  actor: Actor,
  actionName: string,
  input: unknown,
  refusal?: { code: string; message: string },
): Promise<void> {
  const safeInput = input && typeof input === "object" ? { ...(input as Record<string, unknown>) } : {};
  for (const key of Object.keys(safeInput)) if (/password/i.test(key)) safeInput[key] = "[redacted]";
  await db().auditEvent.create({
    data: {
      actorId: actor.userId,
      action: refusal ? "action.refused" : "access.denied",
      entityType: "action",
      entityId: actionName.slice(0, 64),
      after: toJson(
        refusal ? { input: safeInput, code: refusal.code, message: refusal.message } : { input: safeInput },
      ),
    },
  });
}

/**
 * Many audit events in the caller's transaction (an import's per-record events): one INSERT ...
 * SELECT FROM unnest per 5,000, since createMany's per-row query building took seconds for an
 * import of thousands of records.
 */
export async function recordAudits(tx: Tx, actor: Actor | null, entries: AuditEntry[]): Promise<void> {
  const json = (value: unknown) =>
    value === undefined || value === null
      ? null
      : JSON.stringify(value, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v));
  for (let i = 0; i < entries.length; i += 5000) {
    const batch = entries.slice(i, i + 5000);
    await tx.$executeRaw`
      INSERT INTO audit_event (actor_id, action, entity_type, entity_id, organisation_id, before, after)
      SELECT ${actor?.userId ?? null}::uuid, e.action, e.entity_type, e.entity_id, e.organisation_id, e.before, e.after
      FROM unnest(
        ${batch.map((e) => e.action)}::text[], ${batch.map((e) => e.entityType)}::text[],
        ${batch.map((e) => e.entityId)}::text[], ${batch.map((e) => e.organisationId ?? null)}::uuid[],
        ${batch.map((e) => json(e.before))}::jsonb[], ${batch.map((e) => json(e.after))}::jsonb[]
      ) WITH ORDINALITY AS e(action, entity_type, entity_id, organisation_id, before, after, n)
      ORDER BY e.n`;
  }
}
