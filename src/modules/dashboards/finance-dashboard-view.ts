import type { SchemeStage } from "@/generated/prisma/enums";
import { percentOf } from "@/lib/money";
import { financialYearOf, type FinancialYear } from "@/lib/financial-year";
import {
  DEFAULT_FINANCIAL_YEAR_RANGE,
  chooseYear,
  financialYearRange,
  type FinancialYearRange,
} from "@/lib/financial-year-range";
import { PROGRAMME_TYPES, type ProgrammeType } from "@/modules/organisations/programme-types";
import { schemeRegisterHref, type SchemeFilters } from "@/modules/schemes/register/register-filter";
import { can, type Actor } from "@/server/auth/actor";
import type { BreakdownRow } from "./finance-dashboard";

/**
 * Pure helpers of the finance dashboard page: which organisations and year it shows (from the
 * URL of its GET form), and the maturity chart's segments.
 */

export const SYSTEM_VIEW = "all";

export interface DashboardSelection {
  /** One organisation's id, or undefined for the system view. */
  organisationId: string | undefined;
  year: FinancialYear;
  /** Why the URL's year was not used (unreadable or outside the range). */
  yearNotice?: string;
  /** `?type=CIP` or `?type=QIPP`: that programme's schemes and targets only; absent = both. */
  type?: ProgrammeType;
  /** Organisations whose figures are shown: those the actor may view the dashboard of. */
  scope: string[];
  /** Organisations offered by the selector. */
  organisations: { id: string; name: string }[];
}

type RawParams = Record<string, string | string[] | undefined>;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/**
 * `?org=<id>` shows that organisation (if the actor may view it), `?org=all` the system view
 * (every organisation the actor may view); otherwise the system view for someone with a
 * system-wide role (an ICB's finance director starts on their system, issue 13 item 10) and the
 * current organisation for everyone else. `?year=2025-26`
 * as on the register, within `range`; otherwise the financial year of `now`.
 */
export function dashboardSelection(
  actor: Actor,
  raw: RawParams,
  currentOrganisationId: string | undefined,
  now = new Date(),
  range: FinancialYearRange = financialYearRange(DEFAULT_FINANCIAL_YEAR_RANGE, now),
): DashboardSelection {
  const viewable = actor.organisations.filter((o) => can(actor, "dashboard.view", o.id));
  const { year, notice } = chooseYear(first(raw.year), range, financialYearOf(now));
  const type = PROGRAMME_TYPES.find((t) => t === first(raw.type));
  const yearPart = { year, ...(notice ? { yearNotice: notice } : {}), ...(type ? { type } : {}) };
  const org = first(raw.org);
  const organisations = viewable.map((o) => ({ id: o.id, name: o.name }));
  const startsOnSystem = org === undefined && actor.systemWide === true && viewable.length > 1;
  if (org === SYSTEM_VIEW || startsOnSystem)
    return { organisationId: undefined, ...yearPart, scope: viewable.map((o) => o.id), organisations };
  const chosen =
    viewable.find((o) => o.id === org) ?? viewable.find((o) => o.id === currentOrganisationId) ?? viewable[0];
  return { organisationId: chosen?.id, ...yearPart, scope: chosen ? [chosen.id] : [], organisations };
}

export interface MaturitySegment {
  key: SchemeStage | "UNIDENTIFIED";
  label: string;
  pence: number;
}

const STAGE_LABELS: Partial<Record<SchemeStage, string>> = {
  OPPORTUNITY: "Opportunity",
  PLANNING: "Planning",
  DELIVERY: "Delivery",
  COMPLETE: "Complete",
};

/** Stages in gateway order, then the unidentified gap (only when the target is not yet covered). */
export function maturitySegments(
  stages: readonly { stage: SchemeStage; inYearPence: number }[],
  unidentifiedPence: number,
): MaturitySegment[] {
  const segments: MaturitySegment[] = stages.map((s) => ({
    key: s.stage,
    label: STAGE_LABELS[s.stage] ?? s.stage,
    pence: s.inYearPence,
  }));
  if (unidentifiedPence > 0) segments.push({ key: "UNIDENTIFIED", label: "Unidentified", pence: unidentifiedPence });
  return segments;
}

/** WTE held in hundredths, shown with two decimals ("2.50"). */
export function formatWte(hundredths: number): string {
  const sign = hundredths < 0 ? "-" : "";
  const abs = Math.abs(hundredths);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
}

/** A percentage to one decimal place ("86.7%"), as the papers report shares; an em dash when there is no whole. */
export function percentText(part: number, whole: number): string {
  const percent = percentOf(part, whole);
  return percent === null ? "—" : `${percent.toFixed(1)}%`;
}

/** A whole-number percentage of a part, or an em dash when there is no whole. */
export function shareText(part: number, whole: number): string {
  return whole === 0 ? "—" : `${Math.round((part / whole) * 100)}%`;
}

/**
 * The register filtered like a breakdown row: the dashboard's year and organisation, identified
 * stages, and the row's workstream, division, category or organisation. Null for a "No …" row,
 * which the register cannot select.
 */
export function breakdownHref(
  row: Pick<BreakdownRow, "dimension" | "key">,
  base: Partial<SchemeFilters>,
): string | null {
  if (row.key === null) return null;
  const filters: Partial<SchemeFilters> = { ...base, stage: "IDENTIFIED" };
  if (row.dimension === "category") filters.category = row.key as SchemeFilters["category"];
  else filters[row.dimension] = row.key;
  return schemeRegisterHref(filters);
}

/** One staff group's WTE movement: a scheme stores reductions (negative for posts added). */
export interface WteMovement {
  group: "Substantive" | "Bank" | "Agency";
  /** Change in staff, in hundredths of a WTE: an increase is positive, a reduction negative. */
  changeHundredths: number;
}

/**
 * WTE movements the way the papers write them (issue 11 item 4): per staff group an increase or a
 * reduction with its sign, and the net (e.g. "+3.00 substantive, −5.00 bank, −4.00 agency: a net
 * reduction of 6.00 WTE"), never all called reductions.
 */
export function wteMovements(reductions: { substantive: number; bank: number; agency: number }): {
  groups: WteMovement[];
  netHundredths: number;
} {
  const groups: WteMovement[] = [
    { group: "Substantive", changeHundredths: -reductions.substantive },
    { group: "Bank", changeHundredths: -reductions.bank },
    { group: "Agency", changeHundredths: -reductions.agency },
  ];
  return { groups, netHundredths: groups.reduce((sum, g) => sum + g.changeHundredths, 0) };
}

/** "+3.00" for an increase, "-5.00" for a reduction, "0.00" for none. */
export function signedWte(hundredths: number): string {
  if (hundredths === 0) return formatWte(0);
  return `${hundredths > 0 ? "+" : "-"}${formatWte(Math.abs(hundredths))}`;
}

/** "Net reduction of 6.00 WTE", "Net increase of 1.50 WTE" or "No net change in WTE". */
export function netWteText(hundredths: number): string {
  if (hundredths === 0) return "No net change in WTE";
  return `Net ${hundredths < 0 ? "reduction" : "increase"} of ${formatWte(Math.abs(hundredths))} WTE`;
}

/** "increase", "reduction" or "no change": the word for one group's movement. */
export function movementWord(hundredths: number): string {
  return hundredths > 0 ? "increase" : hundredths < 0 ? "reduction" : "no change";
}

/** "Substantive +3.00 (increase), Bank -5.00 (reduction), Agency 0.00 (no change)". */
export function wteGroupsText(groups: WteMovement[]): string {
  return groups
    .map((g) => `${g.group} ${signedWte(g.changeHundredths)} (${movementWord(g.changeHundredths)})`)
    .join(", ");
}
