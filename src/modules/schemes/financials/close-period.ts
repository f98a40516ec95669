import { formatDate } from "@/lib/dates";
import { elapsedMonths } from "@/lib/financial-year";
import { recordAudit } from "@/modules/audit/record-audit";
import type { Actor } from "@/server/auth/actor";
import { assertCan } from "@/server/auth/actor";
import { db } from "@/server/db";
import { DomainError, invalidField, isUniqueViolation } from "@/server/errors";
import type { ClosePeriodInput } from "./financials-schemas";
import { monthName } from "./month-grid";

const alreadyClosed = (name: string, detail = "") => new DomainError("CONFLICT", `${name} is already closed${detail}.`);

/**
 * Finance closes a month for their organisation once it has ended: from then on its actuals
 * change only by finance, with a reason (DESIGN.md section 3). Closing is one-way here.
 */
export async function closePeriod(actor: Actor, input: ClosePeriodInput, now = new Date()) {
  assertCan(actor, "period.close", input.organisationId, "Only finance can close a month.");
  const name = monthName(input.financialYear, input.month);
  if (elapsedMonths(input.financialYear, now) < input.month) {
    throw invalidField("month", `${name} has not ended yet: close it once the month is over`);
  }
  const key = { organisationId: input.organisationId, financialYear: input.financialYear, month: input.month };
  try {
    return await db().$transaction(async (tx) => {
      const existing = await tx.periodClose.findUnique({
        where: { organisationId_financialYear_month: key },
        select: { closedAt: true, closedBy: { select: { name: true } } },
      });
      if (existing) throw alreadyClosed(name, ` (by ${existing.closedBy.name} on ${formatDate(existing.closedAt)})`);
      const closed = await tx.periodClose.create({ data: { ...key, closedById: actor.userId } });
      await recordAudit(tx, actor, {
        action: "period.close",
        entityType: "period",
        entityId: `${input.organisationId}:${input.financialYear}:${input.month}`,
        organisationId: input.organisationId,
        after: closed,
      });
      return closed;
    });
  } catch (error) {
    // Two people closing the same month at once: the second insert hits the primary key.
    if (isUniqueViolation(error)) throw alreadyClosed(name);
    throw error;
  }
}
