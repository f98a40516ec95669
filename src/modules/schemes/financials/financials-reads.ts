import { elapsedMonths, type FinancialMonth, type FinancialYear } from "@/lib/financial-year";
import type { Actor } from "@/server/auth/actor";
import { can, visibleOrganisationIds } from "@/server/auth/actor";
import { programmeTypesOf, type ProgrammeType } from "@/modules/organisations/programme-types";
import { db } from "@/server/db";
import { forbidden } from "@/server/errors";
import { MONTHS, lastElapsedMonth } from "./month-grid";

/** Stages in which a scheme is being worked on, so its lead owes a monthly update. */
export const ACTIVE_STAGES = ["OPPORTUNITY", "PLANNING", "DELIVERY"] as const;

/** Organisations where the actor closes months or sets targets: the finance settings page's choices. */
export function financeOrganisations(actor: Actor) {
  return actor.organisations.filter((o) => can(actor, "period.close", o.id) || can(actor, "target.manage", o.id));
}

export type PeriodState = "closed" | "open" | "not-ended";

export interface PeriodRow {
  month: FinancialMonth;
  state: PeriodState;
  closedBy?: string;
  closedAt?: Date;
}

/** Each month of a financial year at one organisation: closed (by whom, when), open, or not over yet. */
export async function findPeriods(
  actor: Actor,
  organisationId: string,
  financialYear: FinancialYear,
  now = new Date(),
): Promise<PeriodRow[]> {
  if (!can(actor, "period.close", organisationId)) throw forbidden("Only finance can see month-end periods.");
  const closed = await db().periodClose.findMany({
    where: { organisationId, financialYear },
    select: { month: true, closedAt: true, closedBy: { select: { name: true } } },
  });
  const byMonth = new Map(closed.map((c) => [c.month, c]));
  const ended = elapsedMonths(financialYear, now);
  return MONTHS.map((month) => {
    const c = byMonth.get(month);
    if (c) return { month, state: "closed", closedBy: c.closedBy.name, closedAt: c.closedAt };
    return { month, state: month <= ended ? "open" : "not-ended" };
  });
}

export async function findSavingsTargets(actor: Actor, organisationId: string) {
  if (!can(actor, "target.manage", organisationId)) throw forbidden("Only finance can see and set savings targets.");
  return db().savingsTarget.findMany({
    where: { organisationId },
    orderBy: [{ financialYear: "desc" }, { programmeType: "asc" }],
  });
}

/** The programme types an organisation holds (CIP, QIPP or both), for its target form and scheme form. */
export async function findProgrammeTypes(organisationId: string): Promise<ProgrammeType[]> {
  const organisation = await db().organisation.findUnique({
    where: { id: organisationId },
    select: { type: true, holdsDelegatedQipp: true },
  });
  return organisation ? programmeTypesOf(organisation) : [];
}

/** Closed months per financial year, for marking the grid (the page has already authorized the scheme). */
export async function findClosedMonths(
  organisationId: string,
  years: FinancialYear[],
): Promise<Map<FinancialYear, number[]>> {
  const rows = await db().periodClose.findMany({
    where: { organisationId, financialYear: { in: years } },
    select: { financialYear: true, month: true },
  });
  const map = new Map<FinancialYear, number[]>();
  for (const r of rows) map.set(r.financialYear, [...(map.get(r.financialYear) ?? []), r.month]);
  return map;
}

/**
 * The actor's own schemes, still being worked on, with no monthly update yet for the last month
 * that ended (schemes whose financial year has not begun owe none).
 */
export async function findDueMonthlyUpdates(actor: Actor, now = new Date()) {
  const due = lastElapsedMonth(now);
  const schemes = await db().scheme.findMany({
    where: {
      leadId: actor.userId,
      organisationId: { in: visibleOrganisationIds(actor) },
      stage: { in: [...ACTIVE_STAGES] },
      financialYear: { lte: due.financialYear },
      updates: { none: { financialYear: due.financialYear, month: due.month } },
    },
    orderBy: [{ organisation: { code: "asc" } }, { codeNumber: "asc" }],
    take: 100,
    select: { id: true, code: true, title: true },
  });
  return { ...due, schemes };
}
