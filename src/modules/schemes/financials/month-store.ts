import { Prisma } from "@/generated/prisma/client";
import type { DeliveryRag } from "@/generated/prisma/enums";
import type { FinancialMonth, FinancialYear } from "@/lib/financial-year";
import type { Actor } from "@/server/auth/actor";
import { can } from "@/server/auth/actor";
import type { Tx } from "@/server/db";
import { DomainError, forbidden, notFound, stale } from "@/server/errors";
import { canEditScheme, schemeScope } from "../scheme-access";
import { yearFromRows, type FieldErrors, type YearValues } from "./month-changes";

/** Reads and writes of a scheme's monthly figures, inside the caller's transaction. */

/** The scheme, if the actor may see it (else NOT_FOUND) and change its financials (else FORBIDDEN). */
export async function loadEditableScheme(tx: Tx, actor: Actor, schemeId: string) {
  const scheme = await tx.scheme.findFirst({
    where: { id: schemeId, ...schemeScope(actor) },
    select: { id: true, organisationId: true, leadId: true, stage: true, version: true, rag: true, planLockedAt: true },
  });
  if (!scheme) throw notFound("The scheme");
  if (!canEditScheme(actor, scheme))
    throw forbidden("Only the scheme's lead, finance or the PMO can change its financials.");
  return scheme;
}

/** Finance (who close months) may amend a closed month's actual, with a reason. */
export function mayAmendClosedMonths(actor: Actor, organisationId: string): boolean {
  return can(actor, "period.close", organisationId);
}

export async function readYear(tx: Tx, schemeId: string, financialYear: FinancialYear): Promise<YearValues> {
  const rows = await tx.schemeMonth.findMany({ where: { schemeId, financialYear } });
  return yearFromRows(rows);
}

export async function closedMonthsOf(
  tx: Tx,
  organisationId: string,
  financialYear: FinancialYear,
): Promise<Set<number>> {
  const rows = await tx.periodClose.findMany({ where: { organisationId, financialYear }, select: { month: true } });
  return new Set(rows.map((r) => r.month));
}

/**
 * Optimistic concurrency: bumps the version only if it is still the one the user loaded. The
 * UPDATE locks the row, so of two simultaneous saves the second waits, then finds the new
 * version and fails STALE instead of overwriting.
 */
export async function claimVersion(
  tx: Tx,
  schemeId: string,
  version: number,
  data: { rag?: DeliveryRag } = {},
): Promise<number> {
  const { count } = await tx.scheme.updateMany({
    where: { id: schemeId, version },
    data: { ...data, version: { increment: 1 } },
  });
  if (count === 0) throw stale("The scheme");
  return version + 1;
}

/** Upserts the given months in one statement (a monthly save stays one round trip). */
export async function writeMonths(
  tx: Tx,
  schemeId: string,
  financialYear: FinancialYear,
  values: YearValues,
  months: readonly FinancialMonth[],
) {
  if (months.length === 0) return;
  const rows = months.map((month) => {
    const v = values[month - 1]!;
    return Prisma.sql`(${schemeId}::uuid, ${financialYear}::int, ${month}::int, ${v.plan}::bigint, ${v.forecast}::bigint, ${v.actual}::bigint)`;
  });
  await tx.$executeRaw`
    INSERT INTO scheme_month (scheme_id, financial_year, month, plan_pence, forecast_pence, actual_pence)
    VALUES ${Prisma.join(rows)}
    ON CONFLICT (scheme_id, financial_year, month) DO UPDATE
      SET plan_pence = EXCLUDED.plan_pence, forecast_pence = EXCLUDED.forecast_pence, actual_pence = EXCLUDED.actual_pence`;
}

export function throwIfErrors(errors: FieldErrors, message: string): void {
  if (Object.keys(errors).length > 0) throw new DomainError("INVALID", message, errors);
}
