import { recordAudit } from "@/modules/audit/record-audit";
import type { Actor } from "@/server/auth/actor";
import { db } from "@/server/db";
import { stale } from "@/server/errors";
import type { SaveSchemeMonthsInput } from "./financials-schemas";
import { applyEdits, auditMonths, changedMonths, checkChanges, isPlanLocked } from "./month-changes";
import { cellKey } from "./month-grid";
import {
  claimVersion,
  closedMonthsOf,
  loadEditableScheme,
  mayAmendClosedMonths,
  readYear,
  throwIfErrors,
  writeMonths,
} from "./month-store";

/**
 * Saves the monthly financials grid of one scheme and financial year: plan, forecast and actual
 * for M1-M12, all or nothing. Authorized like any scheme edit (finance any scheme of their
 * organisation, a lead the schemes they lead); every refused cell is reported; the scheme's
 * version is checked and bumped; one audit event holds the changed months before and after.
 */
export async function saveSchemeMonths(actor: Actor, input: SaveSchemeMonthsInput, now = new Date()) {
  return db().$transaction(async (tx) => {
    const scheme = await loadEditableScheme(tx, actor, input.schemeId);
    // Checked before the cells too, so a stale page is told to reload rather than to fix cells.
    if (scheme.version !== input.version) throw stale("The scheme");
    const before = await readYear(tx, scheme.id, input.financialYear);
    const after = applyEdits(before, input.cells);
    const changed = changedMonths(before, after);
    const errors = checkChanges(before, after, {
      financialYear: input.financialYear,
      now,
      closedMonths: await closedMonthsOf(tx, scheme.organisationId, input.financialYear),
      mayAmendClosed: mayAmendClosedMonths(actor, scheme.organisationId),
      reason: input.reason,
      planLocked: isPlanLocked(scheme),
      keyOf: cellKey,
    });
    throwIfErrors(errors, "Some cells need correcting. Nothing was saved.");
    if (changed.length === 0) return { schemeId: scheme.id, version: scheme.version, changed };

    const version = await claimVersion(tx, scheme.id, input.version);
    await writeMonths(tx, scheme.id, input.financialYear, after, changed);
    await recordAudit(tx, actor, {
      action: "scheme.financials.save",
      entityType: "scheme",
      entityId: scheme.id,
      organisationId: scheme.organisationId,
      before: { version: scheme.version, financialYear: input.financialYear, months: auditMonths(before, changed) },
      after: {
        version,
        financialYear: input.financialYear,
        months: auditMonths(after, changed),
        reason: input.reason ?? null,
      },
    });
    return { schemeId: scheme.id, version, changed };
  });
}
