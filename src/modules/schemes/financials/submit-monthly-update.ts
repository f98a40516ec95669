import { recordAudit } from "@/modules/audit/record-audit";
import type { Actor } from "@/server/auth/actor";
import { db } from "@/server/db";
import { DomainError, stale } from "@/server/errors";
import type { SubmitMonthlyUpdateInput } from "./financials-schemas";
import { applyEdits, auditMonths, changedMonths, checkChanges, isPlanLocked, type CellEdits } from "./month-changes";
import { cellKey, monthHasStarted, monthName } from "./month-grid";
import {
  claimVersion,
  closedMonthsOf,
  loadEditableScheme,
  mayAmendClosedMonths,
  readYear,
  throwIfErrors,
  writeMonths,
} from "./month-store";

/** The update's figures: the month's actual and forecasts for the months after it only. */
function updateEdits(input: SubmitMonthlyUpdateInput): CellEdits {
  const forecast: Record<number, number | null> = {};
  for (const [month, value] of Object.entries(input.forecasts)) {
    // Earlier months have (or will get) actuals; a forecast posted for them is not part of this update.
    if (Number(month) > input.month && value !== undefined) forecast[Number(month)] = value;
  }
  return { actual: { [input.month]: input.actual }, forecast };
}

/**
 * A lead's monthly update of one scheme (DESIGN.md section 2): the month's actual, forecasts for
 * the rest of the year, the delivery RAG and a commentary. One transaction writes the figures,
 * sets the scheme's RAG, keeps the update as history, bumps the version and audits it all.
 * The rules of the grid apply: no actual before the month starts; a closed month's actual only
 * by finance, with a reason.
 */
export async function submitMonthlyUpdate(actor: Actor, input: SubmitMonthlyUpdateInput, now = new Date()) {
  return db().$transaction(async (tx) => {
    const scheme = await loadEditableScheme(tx, actor, input.schemeId);
    if (scheme.version !== input.version) throw stale("The scheme");
    const name = monthName(input.financialYear, input.month);
    if (!monthHasStarted(input.financialYear, input.month, now)) {
      const message = `${name} has not started yet: its update is due once the month is over`;
      throw new DomainError("INVALID", message, { actual: [message] });
    }
    const before = await readYear(tx, scheme.id, input.financialYear);
    const after = applyEdits(before, updateEdits(input));
    const errors = checkChanges(before, after, {
      financialYear: input.financialYear,
      now,
      closedMonths: await closedMonthsOf(tx, scheme.organisationId, input.financialYear),
      mayAmendClosed: mayAmendClosedMonths(actor, scheme.organisationId),
      reason: input.reason,
      planLocked: isPlanLocked(scheme),
      keyOf: (row, month) => (row === "actual" ? "actual" : cellKey(row, month)),
    });
    throwIfErrors(errors, "Some answers need correcting. Nothing was saved.");

    const changed = changedMonths(before, after);
    const version = await claimVersion(tx, scheme.id, input.version, { rag: input.rag });
    await writeMonths(tx, scheme.id, input.financialYear, after, changed);
    const update = await tx.monthlyUpdate.create({
      data: {
        schemeId: scheme.id,
        financialYear: input.financialYear,
        month: input.month,
        rag: input.rag,
        commentary: input.commentary,
        submittedById: actor.userId,
      },
    });
    await recordAudit(tx, actor, {
      action: "scheme.monthly-update.submit",
      entityType: "scheme",
      entityId: scheme.id,
      organisationId: scheme.organisationId,
      before: {
        version: scheme.version,
        rag: scheme.rag,
        financialYear: input.financialYear,
        months: auditMonths(before, changed),
      },
      after: {
        version,
        rag: input.rag,
        financialYear: input.financialYear,
        months: auditMonths(after, changed),
        update: { id: update.id, month: input.month, commentary: input.commentary },
        reason: input.reason ?? null,
      },
    });
    return { schemeId: scheme.id, version, updateId: update.id, monthName: name };
  });
}
