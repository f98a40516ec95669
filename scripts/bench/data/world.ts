import type { SchemeStage } from "../../../src/generated/prisma/enums";
import { financialYearOf, type FinancialYear } from "../../../src/lib/financial-year";
import { Random } from "../lib/random";

/**
 * The data set's size (DESIGN.md section 6) and what each table family has generated so far,
 * for the families after it. Structure (organisations, divisions, programmes, workstreams,
 * users) keeps its size at every scale; volumes scale.
 */

export const FULL_SIZE = {
  organisations: 6,
  divisions: 40,
  programmes: 25,
  workstreams: 120,
  users: 200,
  schemes: 5_000,
  risks: 8_000,
  activities: 3_000,
  auditEvents: 200_000,
} as const;

export interface BenchPlan {
  seed: string;
  scale: number;
  /** The first day of the month the data is "as of": actuals exist for months before it. */
  asOf: Date;
  currentYear: FinancialYear;
  /** The three financial years schemes belong to: two past, and the current one. */
  schemeYears: readonly FinancialYear[];
  schemes: number;
  risks: number;
  activities: number;
  auditEvents: number;
}

export function benchPlan(seed: string, scale: number, asOf: Date): BenchPlan {
  const currentYear = financialYearOf(asOf);
  const scaled = (n: number, min: number) => Math.max(min, Math.round(n * scale));
  return {
    seed,
    scale,
    asOf,
    currentYear,
    schemeYears: [currentYear - 2, currentYear - 1, currentYear],
    schemes: scaled(FULL_SIZE.schemes, 60),
    risks: scaled(FULL_SIZE.risks, 80),
    activities: scaled(FULL_SIZE.activities, 60),
    auditEvents: scaled(FULL_SIZE.auditEvents, 500),
  };
}

export interface OrganisationInfo {
  id: string;
  code: string;
  name: string;
  type: "TRUST" | "ICB";
  /** Share of the system's schemes (large trusts run more). */
  schemeShare: number;
  divisionIds: string[];
}

export interface UserInfo {
  id: string;
  name: string;
  organisationId: string;
  role: "FINANCE" | "LEAD" | "CLINICAL_APPROVER" | "BOARD" | "ADMIN";
  systemWide: boolean;
  /** A clinical approver's QIA signatory capacity. */
  clinicalCapacity?: "MEDICAL" | "NURSING";
  /** A finance user's gateway capacity (the database's null counts as the director). */
  financeCapacity?: "DIRECTOR" | "PMO";
}

export interface ProgrammeInfo {
  id: string;
  organisationId: string | null;
  name: string;
  workstreamIds: string[];
}

export interface SchemeInfo {
  id: string;
  organisationId: string;
  leadId: string;
  programmeId: string | null;
  workstreamId: string | null;
  financialYear: FinancialYear;
  stage: SchemeStage;
  code: string;
  title: string;
}

export interface World {
  plan: BenchPlan;
  systemId: string;
  organisations: OrganisationInfo[];
  users: UserInfo[];
  /** Rows of the `lead` table (role titles), some linked to users. */
  leadIds: string[];
  programmes: ProgrammeInfo[];
  schemes: SchemeInfo[];
  riskIds: string[];
  activityIds: string[];
}

export function emptyWorld(plan: BenchPlan): World {
  return {
    plan,
    systemId: "",
    organisations: [],
    users: [],
    leadIds: [],
    programmes: [],
    schemes: [],
    riskIds: [],
    activityIds: [],
  };
}

/** Each family draws from its own stream, so changing one family leaves the others' data as it was. */
export function randomFor(world: World, family: string): Random {
  return Random.derived(world.plan.seed, family);
}

export function usersAt(world: World, organisationId: string, roles?: readonly UserInfo["role"][]): UserInfo[] {
  return world.users.filter((u) => u.organisationId === organisationId && (!roles || roles.includes(u.role)));
}

/** A timestamp `daysBefore` days before the as-of date, at a working hour. */
export function daysBefore(world: World, days: number, random: Random): string {
  const t = world.plan.asOf.getTime() - days * 86_400_000 + random.int(8 * 3600, 18 * 3600) * 1000;
  return new Date(t).toISOString();
}
