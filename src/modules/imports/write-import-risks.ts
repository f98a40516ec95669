import { randomUUID } from "node:crypto";
import type { AuditEntry } from "@/modules/audit/record-audit";
import type { Actor } from "@/server/auth/actor";
import type { Tx } from "@/server/db";
import { DomainError } from "@/server/errors";
import type { PlannedRisk } from "./import-risks";

/**
 * Writes the Risks sheet's plan inside the import's transaction, as the risk form would: each
 * new risk with its first score record, each changed risk by its version (a score change
 * recorded when the current score or target moves). Returns the records' audit events.
 */
export async function writeRisks(
  tx: Tx,
  actor: Actor,
  risks: PlannedRisk[],
  schemeIds: Map<string, string>,
  importRunId: string,
): Promise<AuditEntry[]> {
  const audits: AuditEntry[] = [];
  const creates = risks
    .filter((r) => r.kind === "create")
    .map((r) => ({
      r,
      row: { id: randomUUID(), schemeId: r.storedSchemeId ?? schemeIds.get(r.schemeKey)!, ...r.data },
    }));
  for (let i = 0; i < creates.length; i += 500)
    await tx.risk.createMany({ data: creates.slice(i, i + 500).map((c) => c.row) });
  if (creates.length > 0)
    await tx.riskScoreChange.createMany({
      data: creates.map(({ row }) => ({
        riskId: row.id,
        changedById: actor.userId,
        currentLikelihood: row.currentLikelihood,
        currentConsequence: row.currentConsequence,
        currentScore: row.currentScore,
        targetScore: row.targetScore,
      })),
    });
  for (const { r, row } of creates)
    audits.push({
      action: "risk.create",
      entityType: "risk",
      entityId: row.id,
      organisationId: r.organisationId,
      after: { ...row, importRunId },
    });

  for (const r of risks.filter((p) => p.kind === "update")) {
    const before = r.existing!;
    const { count } = await tx.risk.updateMany({
      where: { id: before.id, version: before.version },
      data: { ...r.data, version: { increment: 1 } },
    });
    if (count === 0)
      throw new DomainError(
        "STALE",
        `The risk “${before.title}” was changed by someone else during the import. Nothing was imported; try again.`,
      );
    const rescored =
      before.currentLikelihood !== r.data.currentLikelihood ||
      before.currentConsequence !== r.data.currentConsequence ||
      before.targetScore !== r.data.targetScore;
    if (rescored)
      await tx.riskScoreChange.create({
        data: {
          riskId: before.id,
          changedById: actor.userId,
          currentLikelihood: r.data.currentLikelihood,
          currentConsequence: r.data.currentConsequence,
          currentScore: r.data.currentScore,
          targetScore: r.data.targetScore,
        },
      });
    audits.push({
      action: "risk.update",
      entityType: "risk",
      entityId: before.id,
      organisationId: r.organisationId,
      before,
      after: { ...before, ...r.data, version: before.version + 1, importRunId },
    });
  }
  return audits;
}
