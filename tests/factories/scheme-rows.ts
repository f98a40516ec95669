import type { PrismaClient } from "@/generated/prisma/client";
import type { DeliveryRag, SchemeCategory, SchemeStage, SchemeType } from "@/generated/prisma/enums";
import { db } from "@/server/db";
import { createOrganisation, createSystem, createUser, uniqueToken } from "./index";
import { createProgrammeRow, createWorkstreamRow } from "./programmes";

/**
 * Scheme and scheme_month rows for tests, written straight to the database (no use case, no
 * audit event, no gateway checks), so the register and the figures can be tested on their own.
 */

export interface SchemeRowInput {
  organisationId: string;
  leadId: string;
  /** Defaults to the next number at the organisation (this factory's count). */
  codeNumber?: number;
  title?: string;
  description?: string;
  divisionId?: string | null;
  workstreamId?: string | null;
  stage?: SchemeStage;
  rag?: DeliveryRag | null;
  category?: SchemeCategory;
  subCategory?: string | null;
  recurrent?: boolean;
  financialYear?: number;
  fullYearEffectPence?: number;
  inYearPence?: number;
  /** Defaults to the organisation's own programme: QIPP at an ICB, else CIP. */
  type?: SchemeType;
}

const numbers = new Map<string, number>();

/** A scheme coded "<organisation code>-CIP-0001" (QIPP at an ICB), numbered per organisation. */
export async function createSchemeRow(input: SchemeRowInput, client: PrismaClient = db()) {
  const organisation = await client.organisation.findUniqueOrThrow({
    where: { id: input.organisationId },
    select: { code: true, type: true },
  });
  const codeNumber = input.codeNumber ?? (numbers.get(input.organisationId) ?? 0) + 1;
  numbers.set(input.organisationId, Math.max(codeNumber, numbers.get(input.organisationId) ?? 0));
  const type = input.type ?? (organisation.type === "ICB" ? "QIPP" : "CIP");
  return client.scheme.create({
    data: {
      organisationId: input.organisationId,
      leadId: input.leadId,
      codeNumber,
      code: `${organisation.code}-${type}-${String(codeNumber).padStart(4, "0")}`,
      type,
      title: input.title ?? `Scheme ${uniqueToken()}`,
      description: input.description ?? "A test scheme",
      divisionId: input.divisionId ?? null,
      workstreamId: input.workstreamId ?? null,
      stage: input.stage ?? "OPPORTUNITY",
      rag: input.rag ?? null,
      category: input.category ?? "PAY",
      subCategory: input.subCategory ?? null,
      recurrent: input.recurrent ?? true,
      financialYear: input.financialYear ?? 2025,
      fullYearEffectPence: BigInt(input.fullYearEffectPence ?? 0),
      inYearValuePence: BigInt(input.inYearPence ?? 0),
    },
  });
}

/** [month, plan, forecast, actual] in pence; null = not entered. */
export type MonthValues = [month: number, plan: number | null, forecast: number | null, actual: number | null];

export async function createSchemeMonthRows(
  schemeId: string,
  financialYear: number,
  months: MonthValues[],
  client: PrismaClient = db(),
) {
  const big = (v: number | null) => (v === null ? null : BigInt(v));
  await client.schemeMonth.createMany({
    data: months.map(([month, plan, forecast, actual]) => ({
      schemeId,
      financialYear,
      month,
      planPence: big(plan),
      forecastPence: big(forecast),
      actualPence: big(actual),
    })),
  });
}

export async function setStageWeight(
  organisationId: string,
  stage: SchemeStage,
  weightPercent: number,
  client: PrismaClient = db(),
) {
  await client.stageWeight.upsert({
    where: { organisationId_stage: { organisationId, stage } },
    create: { organisationId, stage, weightPercent },
    update: { weightPercent },
  });
}

/** A system whose organisations have codes that sort in creation order (A…, B…, C…). */
export async function createOrderedSystem(prefixes: string[], icb = true) {
  const system = await createSystem();
  const icbOrg = icb ? await createOrganisation({ systemId: system.id, type: "ICB", code: `Z${uniqueToken()}` }) : null;
  const trusts = [];
  for (const prefix of prefixes)
    trusts.push(await createOrganisation({ systemId: system.id, code: `${prefix}${uniqueToken()}` }));
  return { system, icb: icbOrg, trusts };
}

/** A programme with workstreams, for schemes to hang off. */
export async function createProgrammeWithWorkstreams(input: {
  systemId: string;
  organisationId: string | null;
  workstreams: number;
}) {
  const programme = await createProgrammeRow({ systemId: input.systemId, organisationId: input.organisationId });
  const workstreams = [];
  for (let i = 0; i < input.workstreams; i++)
    workstreams.push(await createWorkstreamRow({ programmeId: programme.id }));
  return { programme, workstreams };
}

/** A user holding the lead role at an organisation (a scheme's lead). */
export async function createLeadUser(organisationId: string, name: string) {
  return createUser({ name, roles: [{ organisationId, role: "LEAD" }] });
}

/* ----------------------------------------------------------------------------------------------
 * The register fixture: 15 schemes of 2025/26 at two trusts of one system, with known values.
 * Expected figures are worked out by hand in the tests that use it.
 * -------------------------------------------------------------------------------------------- */

export type FixtureKey =
  "s1" | "s2" | "s3" | "s4" | "s5" | "s6" | "s7" | "s8" | "s9" | "s10" | "s11" | "s12" | "s13" | "s14" | "s15";
type Place = {
  org: "T1" | "T2";
  division: "D1" | "D2" | "D3" | null;
  workstream: "W1" | "W2" | "W3" | null;
  lead: "L1" | "L2" | "L3";
};
type FixtureScheme = Place & {
  key: FixtureKey;
  title: string;
  description?: string;
  stage: SchemeStage;
  rag: DeliveryRag | null;
  category: SchemeCategory;
  recurrent: boolean;
  fye: number;
  inYear: number;
};

// T1: divisions D1, D2; T2: D3. Programme P1 (T1's own) has W1 and W2; PS (the system's) has W3.
// T1 overrides the planning weight to 60%; everything else uses 25/50/90/100 (side states 0).
export const REGISTER_FIXTURE: FixtureScheme[] = [
  {
    key: "s1",
    org: "T1",
    division: "D1",
    workstream: "W1",
    lead: "L1",
    title: "Agency nursing cap",
    stage: "OPPORTUNITY",
    rag: "RED",
    category: "PAY",
    recurrent: true,
    fye: 60_000_000,
    inYear: 45_000_000,
  },
  {
    key: "s2",
    org: "T1",
    division: "D1",
    workstream: "W1",
    lead: "L1",
    title: "Theatre productivity",
    stage: "PLANNING",
    rag: "AMBER",
    category: "PAY",
    recurrent: true,
    fye: 150_000_000,
    inYear: 120_000_050,
  },
  {
    key: "s3",
    org: "T1",
    division: "D2",
    workstream: "W2",
    lead: "L2",
    title: "Procurement of gloves",
    stage: "DELIVERY",
    rag: "GREEN",
    category: "NON_PAY",
    recurrent: true,
    fye: 30_000_000,
    inYear: 25_000_000,
  },
  {
    key: "s4",
    org: "T1",
    division: "D2",
    workstream: "W2",
    lead: "L2",
    title: "Pathology contract",
    stage: "COMPLETE",
    rag: "GREEN",
    category: "NON_PAY",
    recurrent: false,
    fye: 8_000_000,
    inYear: 8_000_000,
  },
  {
    key: "s5",
    org: "T1",
    division: "D1",
    workstream: "W3",
    lead: "L1",
    title: "Car parking income up 100%",
    stage: "DELIVERY",
    rag: "AMBER",
    category: "INCOME",
    recurrent: false,
    fye: 12_000_025,
    inYear: 10_000_010,
  },
  {
    key: "s6",
    org: "T1",
    division: null,
    workstream: null,
    lead: "L2",
    title: "Bank staff rota",
    stage: "ON_HOLD",
    rag: null,
    category: "PAY",
    recurrent: true,
    fye: 5_000_000,
    inYear: 4_000_000,
  },
  {
    key: "s7",
    org: "T1",
    division: "D2",
    workstream: "W1",
    lead: "L1",
    title: "Print management",
    stage: "WITHDRAWN",
    rag: "RED",
    category: "NON_PAY",
    recurrent: false,
    fye: 2_000_000,
    inYear: 1_500_000,
  },
  {
    key: "s8",
    org: "T1",
    division: "D1",
    workstream: null,
    lead: "L2",
    title: "Private patient income",
    description: "More theatre lists for private patients",
    stage: "OPPORTUNITY",
    rag: null,
    category: "INCOME",
    recurrent: true,
    fye: 1_000_000,
    inYear: 750_003,
  },
  {
    key: "s9",
    org: "T2",
    division: "D3",
    workstream: "W3",
    lead: "L3",
    title: "Theatre scheduling",
    stage: "PLANNING",
    rag: "RED",
    category: "PAY",
    recurrent: true,
    fye: 90_000_000,
    inYear: 60_000_000,
  },
  {
    key: "s10",
    org: "T2",
    division: "D3",
    workstream: "W3",
    lead: "L3",
    title: "Medicines optimisation",
    stage: "DELIVERY",
    rag: "GREEN",
    category: "PAY",
    recurrent: false,
    fye: 40_000_000,
    inYear: 30_000_000,
  },
  {
    key: "s11",
    org: "T2",
    division: null,
    workstream: "W3",
    lead: "L3",
    title: "Estates rationalisation",
    stage: "OPPORTUNITY",
    rag: "AMBER",
    category: "NON_PAY",
    recurrent: true,
    fye: 20_000_000,
    inYear: 10_000_000,
  },
  {
    key: "s12",
    org: "T2",
    division: "D3",
    workstream: null,
    lead: "L3",
    title: "Overseas visitor income",
    stage: "COMPLETE",
    rag: "RED",
    category: "INCOME",
    recurrent: true,
    fye: 6_000_000,
    inYear: 6_000_000,
  },
  {
    key: "s13",
    org: "T2",
    division: "D3",
    workstream: "W3",
    lead: "L3",
    title: "Outsourced cleaning",
    stage: "REJECTED",
    rag: null,
    category: "NON_PAY",
    recurrent: false,
    fye: 3_000_000,
    inYear: 2_500_000,
  },
  {
    key: "s14",
    org: "T2",
    division: null,
    workstream: null,
    lead: "L3",
    title: "Locum rates",
    stage: "DELIVERY",
    rag: "RED",
    category: "NON_PAY",
    recurrent: true,
    fye: 7_500_000,
    inYear: 7_000_001,
  },
  {
    key: "s15",
    org: "T2",
    division: "D3",
    workstream: "W3",
    lead: "L3",
    title: "Commercial income",
    stage: "PLANNING",
    rag: "GREEN",
    category: "INCOME",
    recurrent: false,
    fye: 3_333_333,
    inYear: 2_222_222,
  },
];

/** Months of 2025/26 (M1-M5 have ended at the tests' NOW, 15 Sep 2025). */
export const REGISTER_FIXTURE_MONTHS: Partial<Record<FixtureKey, MonthValues[]>> = {
  s1: Array.from({ length: 12 }, (_, i): MonthValues => [
    i + 1,
    3_750_000,
    3_750_000,
    [3_000_000, 3_500_000, 4_000_000, 3_750_000, 3_750_000][i] ?? null,
  ]),
  s2: [
    [1, 2_000_000, null, 1_000_000],
    [2, 2_000_000, null, 2_500_000],
    [3, 2_000_000, null, null],
    [4, 2_000_000, null, null],
    [5, 2_000_000, null, 1_999_999],
    [6, 5_000_000, 6_000_000, null],
  ],
  s4: [[1, 8_000_000, null, 8_000_001]],
  s9: [
    [1, 1_000_000, null, 1_200_000],
    [2, 1_000_000, null, 800_000],
    [3, 1_000_000, null, 1_000_000],
    [4, 1_000_000, 900_000, null],
    [5, 1_000_000, 1_100_000, null],
    [12, 7_000_000, null, null],
  ],
};

export async function createRegisterFixture() {
  const { system, icb, trusts } = await createOrderedSystem(["A", "B"]);
  const [t1, t2] = trusts as [NonNullable<(typeof trusts)[number]>, NonNullable<(typeof trusts)[number]>];
  const org = { T1: t1.id, T2: t2.id, ICB: icb!.id };
  const division = {
    D1: (await db().division.create({ data: { organisationId: t1.id, name: "Surgery" } })).id,
    D2: (await db().division.create({ data: { organisationId: t1.id, name: "Medicine" } })).id,
    D3: (await db().division.create({ data: { organisationId: t2.id, name: "Surgery" } })).id,
  };
  const p1 = await createProgrammeWithWorkstreams({ systemId: system.id, organisationId: t1.id, workstreams: 2 });
  const ps = await createProgrammeWithWorkstreams({ systemId: system.id, organisationId: null, workstreams: 1 });
  const programme = { P1: p1.programme.id, PS: ps.programme.id };
  const workstream = { W1: p1.workstreams[0]!.id, W2: p1.workstreams[1]!.id, W3: ps.workstreams[0]!.id };
  const lead = {
    L1: (await createLeadUser(t1.id, "Lead One")).id,
    L2: (await createLeadUser(t1.id, "Lead Two")).id,
    L3: (await createLeadUser(t2.id, "Lead Three")).id,
  };
  await setStageWeight(t1.id, "PLANNING", 60);

  const ids = {} as Record<FixtureKey, string>;
  for (const s of REGISTER_FIXTURE) {
    const row = await createSchemeRow({
      organisationId: org[s.org],
      leadId: lead[s.lead],
      title: s.title,
      description: s.description ?? `About ${s.title.toLowerCase()}`,
      divisionId: s.division ? division[s.division] : null,
      workstreamId: s.workstream ? workstream[s.workstream] : null,
      stage: s.stage,
      rag: s.rag,
      category: s.category,
      recurrent: s.recurrent,
      fullYearEffectPence: s.fye,
      inYearPence: s.inYear,
    });
    ids[s.key] = row.id;
    const months = REGISTER_FIXTURE_MONTHS[s.key];
    if (months) await createSchemeMonthRows(row.id, 2025, months);
  }
  // Never in 2025/26's figures: a month of 2024/25 (it brings s1 into 2024/25's), and last
  // year's scheme with a 2025/26 month of zeros (below).
  await createSchemeMonthRows(ids.s1, 2024, [[1, 99_999_999, 99_999_999, 99_999_999]]);
  const lastYear = await createSchemeRow({
    organisationId: t1.id,
    leadId: lead.L1,
    title: "Last year's scheme",
    financialYear: 2024,
    fullYearEffectPence: 1_000,
    inYearPence: 900,
  });
  // A 2025/26 month of zeros: it does not bring the scheme into 2025/26 (a scheme counts in another
  // year only with figures there: multi-year-schemes.int.test.ts).
  await createSchemeMonthRows(lastYear.id, 2025, [[1, 0, 0, 0]]);

  // Another system, whose scheme must never appear.
  const other = await createOrderedSystem(["C"]);
  const foreignLead = await createLeadUser(other.trusts[0]!.id, "Foreign Lead");
  const foreign = await createSchemeRow({
    organisationId: other.trusts[0]!.id,
    leadId: foreignLead.id,
    title: "Theatre scheme elsewhere",
    stage: "DELIVERY",
    fullYearEffectPence: 55_500_000,
    inYearPence: 44_400_000,
  });
  await createSchemeMonthRows(foreign.id, 2025, [[1, 5_000_000, 5_000_000, 5_000_000]]);

  const keyOf = new Map<string, string>(Object.entries(ids).map(([k, id]) => [id, k]));
  keyOf.set(lastYear.id, "lastYear");
  keyOf.set(foreign.id, "foreign");
  return {
    system,
    otherSystem: other,
    org,
    division,
    programme,
    workstream,
    lead,
    ids,
    keyOf,
    lastYearId: lastYear.id,
    foreignId: foreign.id,
  };
}
