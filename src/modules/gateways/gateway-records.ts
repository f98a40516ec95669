import type { GatewayDecisionKind, SchemeStage } from "@/generated/prisma/enums";
import type { Prisma } from "@/generated/prisma/client";
import { recordAudit } from "@/modules/audit/record-audit";
import { schemeScope } from "@/modules/schemes/scheme-access";
import type { Actor } from "@/server/auth/actor";
import { db, type Tx } from "@/server/db";
import { DomainError, notFound, stale } from "@/server/errors";
import type { Gate, GateVerdict } from "./gateway-rules";

/** The scheme a gateway write acts on, read within the caller's scope, locked for the transaction. */
export async function lockSchemeForGateway(tx: Tx, actor: Actor, schemeId: string) {
  const visible = await tx.scheme.findFirst({ where: { id: schemeId, ...schemeScope(actor) }, select: { id: true } });
  if (!visible) throw notFound("The scheme");
  // Row lock: two approvers acting at once are serialised here, and the second sees the new version.
  await tx.$queryRaw`SELECT id FROM scheme WHERE id = ${schemeId}::uuid FOR UPDATE`;
  return tx.scheme.findUniqueOrThrow({
    where: { id: schemeId },
    include: { organisation: { select: { id: true, systemId: true, directorThresholdPence: true } } },
  });
}

export function assertVersion(scheme: { version: number }, expected: number) {
  if (scheme.version !== expected) throw stale("The scheme");
}

/** The criteria results stored with a decision: what the rules said at that moment. */
export function criteriaRecord(verdict: GateVerdict | null): Prisma.InputJsonValue {
  return verdict
    ? {
        gate: verdict.gate,
        passes: verdict.passes,
        failures: verdict.failures.map((f) => ({ key: f.key, message: f.message })),
      }
    : [];
}

/** The next numbered plan baseline of a scheme (1 at gateway 2, then one per re-baseline); older ones are kept. */
export async function recordPlanBaseline(
  tx: Tx,
  actor: Actor,
  scheme: { id: string; financialYear: number },
  monthsPence: bigint[],
  reason: string | null,
) {
  const last = await tx.planBaseline.aggregate({ where: { schemeId: scheme.id }, _max: { number: true } });
  return tx.planBaseline.create({
    data: {
      schemeId: scheme.id,
      number: (last._max.number ?? 0) + 1,
      financialYear: scheme.financialYear,
      monthsPence,
      reason,
      createdById: actor.userId,
    },
  });
}

export interface DecisionEntry {
  kind: GatewayDecisionKind;
  gate: Gate | null;
  toStage: SchemeStage;
  reason?: string | null;
  verdict?: GateVerdict | null;
  conditions?: string[];
  /** The date the conditions are due by, if the approver set one. */
  conditionsDueOn?: Date;
  schemeChanges?: Prisma.SchemeUpdateInput;
}

/**
 * Moves the scheme (bumping its version, so a decision made on the old one fails) and writes
 * the decision, its conditions and the audit event, all in the caller's transaction.
 */
export async function recordGatewayDecision(
  tx: Tx,
  actor: Actor,
  scheme: { id: string; organisationId: string; stage: SchemeStage; version: number },
  entry: DecisionEntry,
) {
  const { count } = await tx.scheme.updateMany({
    where: { id: scheme.id, version: scheme.version },
    data: { stage: entry.toStage, version: { increment: 1 } },
  });
  if (count === 0) throw stale("The scheme");
  if (entry.schemeChanges) await tx.scheme.update({ where: { id: scheme.id }, data: entry.schemeChanges });
  const decision = await tx.gatewayDecision.create({
    data: {
      schemeId: scheme.id,
      gate: entry.gate,
      kind: entry.kind,
      fromStage: scheme.stage,
      toStage: entry.toStage,
      reason: entry.reason ?? null,
      criteria: criteriaRecord(entry.verdict ?? null),
      schemeVersion: scheme.version,
      decidedById: actor.userId,
      conditions: entry.conditions?.length
        ? {
            create: entry.conditions.map((description) => ({
              schemeId: scheme.id,
              description,
              dueOn: entry.conditionsDueOn ?? null,
            })),
          }
        : undefined,
    },
    include: { conditions: true },
  });
  await recordAudit(tx, actor, {
    action: `gateway.${entry.kind.toLowerCase()}`,
    entityType: "scheme",
    entityId: scheme.id,
    organisationId: scheme.organisationId,
    before: { stage: scheme.stage, version: scheme.version },
    after: {
      stage: entry.toStage,
      version: scheme.version + 1,
      decisionId: decision.id,
      gate: entry.gate,
      reason: entry.reason,
      conditions: entry.conditions,
      conditionsDueOn: entry.conditionsDueOn,
      criteria: decision.criteria,
    },
  });
  return decision;
}

/**
 * A refused gateway write is evidence (DESIGN.md section 7): who tried what on which record, why
 * it was refused, and the organisation it belongs to, written outside the rolled-back transaction.
 */
export async function withRefusalsAudited<T>(
  actor: Actor,
  action: string,
  target: { entityType: "scheme" | "tracked_condition"; entityId: string },
  write: () => Promise<T>,
): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (error instanceof DomainError) {
      await recordRefusal(actor, action, target, error).then(
        () => (error.audited = true),
        () => {},
      );
    }
    throw error;
  }
}

async function recordRefusal(
  actor: Actor,
  action: string,
  target: { entityType: string; entityId: string },
  error: DomainError,
) {
  const client = db();
  const uuid = /^[0-9a-f-]{36}$/i.test(target.entityId);
  const owner = !uuid
    ? null
    : target.entityType === "scheme"
      ? await client.scheme.findUnique({ where: { id: target.entityId }, select: { organisationId: true } })
      : await client.trackedCondition
          .findUnique({ where: { id: target.entityId }, select: { scheme: { select: { organisationId: true } } } })
          .then((c) => c?.scheme ?? null);
  await client.auditEvent.create({
    data: {
      actorId: actor.userId,
      action: `${action}.refused`,
      entityType: target.entityType,
      entityId: target.entityId.slice(0, 64),
      organisationId: owner?.organisationId ?? null,
      after: {
        code: error.code,
        message: error.message,
        fieldErrors: error.fieldErrors ?? null,
      } as Prisma.InputJsonValue,
    },
  });
}
