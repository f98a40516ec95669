import { recordAudit } from "@/modules/audit/record-audit";
import { assertCan, type Actor } from "@/server/auth/actor";
import { db } from "@/server/db";
import { isUniqueViolation, stale } from "@/server/errors";
import type { SaveBoardCommentaryInput } from "./board-commentary-schemas";

/**
 * Finance writes (or rewrites) the board pack's commentary for one organisation and month.
 * Optimistic concurrency: the row is written only if it still has the version the writer saw
 * (0 = none yet), so a second writer gets "changed by someone else", never a silent overwrite.
 * The change and its audit record (before and after) are one transaction.
 */
export async function saveBoardCommentary(actor: Actor, input: SaveBoardCommentaryInput) {
  assertCan(
    actor,
    "board.commentary.write",
    input.organisationId,
    "Only finance can write the board commentary for this organisation.",
  );
  const key = { organisationId: input.organisationId, financialYear: input.financialYear, month: input.month };
  try {
    return await db().$transaction(async (tx) => {
      const before = await tx.boardCommentary.findUnique({
        where: { organisationId_financialYear_month: key },
      });
      if ((before?.version ?? 0) !== input.version) throw stale("The commentary");
      const after = before
        ? await tx.boardCommentary.update({
            where: { organisationId_financialYear_month: key, version: input.version },
            data: { body: input.body, updatedById: actor.userId, version: { increment: 1 } },
          })
        : await tx.boardCommentary.create({ data: { ...key, body: input.body, updatedById: actor.userId } });
      await recordAudit(tx, actor, {
        action: "board-commentary.save",
        entityType: "board_commentary",
        entityId: `${input.organisationId}/${input.financialYear}/${input.month}`,
        organisationId: input.organisationId,
        before: before && { body: before.body, version: before.version },
        after: { body: after.body, version: after.version },
      });
      return after;
    });
  } catch (error) {
    // Two first commentaries at once: the loser's insert meets the primary key.
    if (isUniqueViolation(error) || (error as { code?: string }).code === "P2025") throw stale("The commentary");
    throw error;
  }
}

export interface BoardCommentaryView {
  body: string;
  version: number;
  updatedAt: Date;
  updatedByName: string;
}

/** The commentary of one organisation and month, or null; the caller has checked the actor may view it. */
export async function findBoardCommentary(
  organisationId: string,
  financialYear: number,
  month: number,
): Promise<BoardCommentaryView | null> {
  const row = await db().boardCommentary.findUnique({
    where: { organisationId_financialYear_month: { organisationId, financialYear, month } },
    select: { body: true, version: true, updatedAt: true, updatedBy: { select: { name: true } } },
  });
  return row && { body: row.body, version: row.version, updatedAt: row.updatedAt, updatedByName: row.updatedBy.name };
}

/**
 * Whose commentary a pack shows: the chosen organisation's, or in the system view the ICB's
 * (the system's finance team writes the system commentary). Null when the scope has no ICB.
 */
export async function commentaryOrganisation(
  scope: readonly string[],
  organisationId: string | undefined,
): Promise<{ id: string; name: string } | null> {
  return db().organisation.findFirst({
    where: organisationId ? { id: organisationId } : { id: { in: [...scope] }, type: "ICB" },
    orderBy: { code: "asc" },
    select: { id: true, name: true },
  });
}
