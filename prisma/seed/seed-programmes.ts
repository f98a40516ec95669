import type { Prisma, PrismaClient } from "../../src/generated/prisma/client";
import type { ActivityStatus, DependencyKind, KpiDirection } from "../../src/generated/prisma/enums";
import { parseTimescale } from "../../src/lib/financial-year";
import { timescaleToColumns } from "../../src/modules/activities/activity-timescale";
import lthJson from "./data/lth-programmes.json" with { type: "json" };
import nelJson from "./data/nel-provider-productivity.json" with { type: "json" };

/**
 * Demo programmes of work from two published papers, copied into prisma/seed/data (see the
 * README there for the source, what is verbatim and every choice made where the papers are
 * silent):
 * - Lancashire Teaching Hospitals' financial strategy, Appendix A: 19 trust-owned programmes
 *   with 80 numbered activities, quarterly timescales and leads as written;
 * - North East London's Provider Productivity delivery plan: one system-owned programme, five
 *   workstreams, 25 initiatives (activities), benefits and metrics (KPIs) and dependencies.
 *
 * Idempotent: every row is matched on its natural key and skipped when present, so a second run
 * changes nothing. Runs in one transaction in about 20 queries (each table is read once and
 * written with one createMany).
 */
export async function seedProgrammes(db: PrismaClient): Promise<void> {
  await db.$transaction((tx) => seed(tx), { maxWait: 30_000, timeout: 120_000 });
}

/* ----------------------------------------------------------------------------------------------
 * The data files' shapes (checked at load, so a bad edit fails loudly instead of seeding junk)
 * -------------------------------------------------------------------------------------------- */

interface LeadData {
  title: string;
  description: string | null;
  userEmail?: string;
}

interface LthActivityData {
  /** The activity's key within its programme; unique ("3a" for a repeated "3"). */
  number: string | null;
  /** The number as printed, where it differs from `number`. */
  numberAsPrinted?: string;
  sequence: number;
  description: string;
  subItems?: string[];
  timescale: string;
  lead: string;
  status: string;
}

interface LthProgrammeData {
  theme: string;
  name: string;
  position: number;
  objective: string;
  additionalLinesUnderObjective?: string[];
  activities: LthActivityData[];
}

interface LthData {
  system: string;
  organisationCode: string;
  leads: LeadData[];
  programmes: LthProgrammeData[];
}

interface NelInitiativeData {
  number: string;
  title: string;
  deliverables: string[];
  timescale: string;
  status: string;
}

interface NelWorkstreamData {
  number: number;
  name: string;
  vision: string;
  caseForChange: string;
  objectives: string[];
  sro: string;
  deliveryLeads: string[];
  leadTitles: string[];
  baselineGbpM: number | null;
  targetGbpM: number | null;
  initiatives: NelInitiativeData[];
}

interface NelKpiData {
  workstream: number | null;
  name: string;
  unit: string;
  direction: string;
  current: string | null;
  target: string | null;
  targetDateAsWritten: string;
  baselineGbpM?: number | null;
  savingGbpM?: number | null;
  percentMetric: boolean;
  ownerLead: string;
}

interface NelDependencyData {
  workstream: number;
  kind: string;
  description: string;
  actions: string[];
  dependsOnWorkstream: number | null;
}

interface NelData {
  system: string;
  programme: {
    name: string;
    theme: string;
    vision: string;
    prioritiesAndObjectives: string[];
    sro: string;
    position: number;
  };
  leads: LeadData[];
  workstreams: NelWorkstreamData[];
  kpis: NelKpiData[];
  kpiTargetDate: string;
  dependencies: NelDependencyData[];
}

const LTH = lthJson as LthData;
const NEL = nelJson as NelData;

const STATUSES: readonly ActivityStatus[] = ["NOT_STARTED", "ON_TRACK", "AT_RISK", "LATE", "DONE"];
const KINDS: readonly DependencyKind[] = ["DEPENDENCY", "CONSTRAINT", "ASSUMPTION"];
const DIRECTIONS: readonly KpiDirection[] = ["HIGHER_IS_BETTER", "LOWER_IS_BETTER"];

function oneOf<T extends string>(allowed: readonly T[], value: string, what: string): T {
  if (!(allowed as readonly string[]).includes(value))
    throw new Error(`Programme seed data: unknown ${what} "${value}"`);
  return value as T;
}

/* ----------------------------------------------------------------------------------------------
 * Conversions
 * -------------------------------------------------------------------------------------------- */

/** "Q3 21–22" → that quarter twice; a range → its ends; "Ongoing" → null/null. */
export function timescaleToQuarters(text: string): { startQuarter: number | null; endQuarter: number | null } {
  return timescaleToColumns(parseTimescale(text));
}

/** Joint leads as written ("Director of Service Development/ COO") → one title per role. */
export function splitLeads(written: string): string[] {
  return [
    ...new Set(
      written
        .split("/")
        .map((part) => part.trim())
        .filter((part) => part !== ""),
    ),
  ];
}

function sentence(text: string): string {
  return /[.!?:;]$/.test(text) ? text : `${text}.`;
}

/** Unlabelled lines under an objective read as further sentences of it. */
function lthObjective(programme: LthProgrammeData): string {
  const extra = programme.additionalLinesUnderObjective ?? [];
  return extra.length === 0 ? programme.objective : [programme.objective, ...extra].map(sentence).join(" ");
}

/** £m with at most one decimal (as the paper prints them) → exact pence. */
function millionsToPence(gbpM: number | null): bigint | null {
  if (gbpM === null) return null;
  const tenths = Math.round(gbpM * 10);
  if (Math.abs(gbpM * 10 - tenths) > 1e-9) throw new Error(`Programme seed data: £${gbpM}m has more than one decimal`);
  return BigInt(tenths) * 10_000_000n; // £0.1m = 10,000,000p
}

function decimal4(value: number): string {
  return (Math.round(value * 10_000) / 10_000).toFixed(4);
}

/** FY 2017/18 to 2019/20, the three years to the paper's "2020" target date. */
const TRAJECTORY_START_FY = 2017;
const TRAJECTORY_MONTHS = 36;
/** Actuals for 2017/18 and 2018/19 only: the demo's KPIs are part-way through. */
const ACTUAL_MONTHS = 24;

/**
 * Illustrative, not from the paper: a straight line from 0 to the target over 36 months, and
 * actuals that run between 82% and 86% of it (a fixed pattern, so every seed is identical).
 */
function illustrativePoints(kpiId: string, target: number): Prisma.KpiPointCreateManyInput[] {
  return Array.from({ length: TRAJECTORY_MONTHS }, (_, i) => {
    const k = i + 1;
    const trajectory = (target * k) / TRAJECTORY_MONTHS;
    const factor = 0.84 + (0.02 * (((k * 5) % 7) - 3)) / 3;
    return {
      kpiId,
      financialYear: TRAJECTORY_START_FY + Math.floor(i / 12),
      month: (i % 12) + 1,
      trajectory: decimal4(trajectory),
      actual: k <= ACTUAL_MONTHS ? decimal4(trajectory * factor) : null,
    };
  });
}

/* ----------------------------------------------------------------------------------------------
 * The seed
 * -------------------------------------------------------------------------------------------- */

const key = (...parts: (string | number | null)[]): string =>
  parts.map((part) => (part === null ? "\u0000" : String(part))).join("|");

function need<V>(map: Map<string, V>, k: string, what: string): V {
  const value = map.get(k);
  if (value === undefined) throw new Error(`Programme seed: no ${what} for ${k}`);
  return value;
}

/** Activity natural key: its printed number, or its sequence when unnumbered. */
const activityKey = (programmeId: string, number: string | null, sequence: number): string =>
  number === null ? key(programmeId, "seq", sequence) : key(programmeId, "no", number);

async function seed(tx: Prisma.TransactionClient): Promise<void> {
  // Context: the systems, LTH and the demo users the leads link to.
  const systems = await tx.healthSystem.findMany({
    where: { name: { in: [LTH.system, NEL.system] } },
    select: { id: true, name: true },
  });
  const systemId = new Map(systems.map((s) => [s.name, s.id]));
  const lthSystemId = need(systemId, LTH.system, "health system (run seedDemo first)");
  const nelSystemId = need(systemId, NEL.system, "health system (run seedDemo first)");
  const lthOrganisation = await tx.organisation.findUnique({
    where: { code: LTH.organisationCode },
    select: { id: true },
  });
  if (!lthOrganisation) throw new Error(`Programme seed: no organisation ${LTH.organisationCode} (run seedDemo first)`);
  const emails = [...LTH.leads, ...NEL.leads].flatMap((lead) => (lead.userEmail ? [lead.userEmail] : []));
  const users = await tx.user.findMany({ where: { email: { in: emails } }, select: { id: true, email: true } });
  const userId = new Map(users.map((u) => [u.email, u.id]));

  // Leads: one per role title in each system.
  const leadRows = [
    ...LTH.leads.map((lead) => ({ lead, systemId: lthSystemId })),
    ...NEL.leads.map((lead) => ({ lead, systemId: nelSystemId })),
  ];
  const leadId = new Map(
    (
      await tx.lead.findMany({
        where: { systemId: { in: [lthSystemId, nelSystemId] } },
        select: { id: true, systemId: true, title: true },
      })
    ).map((l) => [key(l.systemId, l.title), l.id]),
  );
  const newLeads = leadRows.filter(({ lead, systemId }) => !leadId.has(key(systemId, lead.title)));
  if (newLeads.length > 0) {
    const created = await tx.lead.createManyAndReturn({
      data: newLeads.map(({ lead, systemId }) => ({
        systemId,
        title: lead.title,
        description: lead.description,
        userId: lead.userEmail ? (userId.get(lead.userEmail) ?? null) : null,
      })),
      select: { id: true, systemId: true, title: true },
    });
    for (const l of created) leadId.set(key(l.systemId, l.title), l.id);
  }

  // Programmes: LTH's 19 (owned by the trust) and NEL's one (owned by the system).
  const nelObjective = `Vision: ${sentence(NEL.programme.vision)} Objectives: ${NEL.programme.prioritiesAndObjectives.join(" ")}`;
  const programmeRows: Prisma.ProgrammeCreateManyInput[] = [
    ...LTH.programmes.map((p) => ({
      systemId: lthSystemId,
      organisationId: lthOrganisation.id,
      theme: p.theme,
      name: p.name,
      objective: lthObjective(p),
      sro: null,
      position: p.position,
    })),
    {
      systemId: nelSystemId,
      organisationId: null,
      theme: NEL.programme.theme,
      name: NEL.programme.name,
      objective: nelObjective,
      sro: NEL.programme.sro,
      position: NEL.programme.position,
    },
  ];
  const programmeId = new Map(
    (
      await tx.programme.findMany({
        where: { systemId: { in: [lthSystemId, nelSystemId] } },
        select: { id: true, systemId: true, name: true },
      })
    ).map((p) => [key(p.systemId, p.name), p.id]),
  );
  const newProgrammes = programmeRows.filter((p) => !programmeId.has(key(p.systemId, p.name)));
  if (newProgrammes.length > 0) {
    const created = await tx.programme.createManyAndReturn({
      data: newProgrammes,
      select: { id: true, systemId: true, name: true },
    });
    for (const p of created) programmeId.set(key(p.systemId, p.name), p.id);
  }
  const lthProgrammeId = (name: string) => need(programmeId, key(lthSystemId, name), "LTH programme");
  const nelProgrammeId = need(programmeId, key(nelSystemId, NEL.programme.name), "NEL programme");

  // NEL workstreams.
  const workstreamId = new Map(
    (await tx.workstream.findMany({ where: { programmeId: nelProgrammeId }, select: { id: true, name: true } })).map(
      (w) => [w.name, w.id],
    ),
  );
  const newWorkstreams = NEL.workstreams.filter((w) => !workstreamId.has(w.name));
  if (newWorkstreams.length > 0) {
    const created = await tx.workstream.createManyAndReturn({
      data: newWorkstreams.map((w) => ({
        programmeId: nelProgrammeId,
        number: w.number,
        name: w.name,
        vision: w.vision,
        caseForChange: w.caseForChange,
        objectives: w.objectives,
        sro: w.sro,
        deliveryLeads: w.deliveryLeads,
        baselinePence: millionsToPence(w.baselineGbpM),
        targetPence: millionsToPence(w.targetGbpM),
      })),
      select: { id: true, name: true },
    });
    for (const w of created) workstreamId.set(w.name, w.id);
  }
  const workstreamNameByNumber = new Map(NEL.workstreams.map((w) => [String(w.number), w.name]));
  const workstreamIdOf = (number: number) =>
    need(workstreamId, need(workstreamNameByNumber, String(number), "workstream number"), "workstream");

  // Activities (LTH activities; NEL initiatives, numbered "workstream.initiative").
  type PlannedActivity = { data: Prisma.ActivityCreateManyInput; leadIds: string[] };
  const planned: PlannedActivity[] = [];
  for (const p of LTH.programmes) {
    const id = lthProgrammeId(p.name);
    for (const a of p.activities) {
      planned.push({
        data: {
          programmeId: id,
          number: a.number,
          // As written (issue 11 item 6): the printed number, the description and its bullets
          // untouched, and the lead cell as printed beside its parsed leads.
          numberAsWritten: a.numberAsPrinted ?? null,
          sequence: a.sequence,
          description: a.description,
          subItems: a.subItems ?? [],
          leadsAsWritten: a.lead,
          ...timescaleToQuarters(a.timescale),
          status: oneOf(STATUSES, a.status, "activity status"),
        },
        leadIds: splitLeads(a.lead).map((title) => need(leadId, key(lthSystemId, title), "lead")),
      });
    }
  }
  let nelSequence = 0;
  for (const w of NEL.workstreams) {
    const leadIds = w.leadTitles.map((title) => need(leadId, key(nelSystemId, title), "lead"));
    for (const i of w.initiatives) {
      nelSequence += 1;
      planned.push({
        data: {
          programmeId: nelProgrammeId,
          workstreamId: need(workstreamId, w.name, "workstream"),
          number: i.number,
          sequence: nelSequence,
          description: i.title,
          ...timescaleToQuarters(i.timescale),
          status: oneOf(STATUSES, i.status, "activity status"),
          deliverables: i.deliverables,
        },
        leadIds: [...new Set(leadIds)],
      });
    }
  }
  const allProgrammeIds = [...new Set(planned.map((a) => a.data.programmeId))];
  const existingActivities = new Set(
    (
      await tx.activity.findMany({
        where: { programmeId: { in: allProgrammeIds } },
        select: { programmeId: true, number: true, sequence: true },
      })
    ).map((a) => activityKey(a.programmeId, a.number, a.sequence)),
  );
  const newActivities = planned.filter(
    (a) => !existingActivities.has(activityKey(a.data.programmeId, a.data.number ?? null, a.data.sequence)),
  );
  if (newActivities.length > 0) {
    const created = await tx.activity.createManyAndReturn({
      data: newActivities.map((a) => a.data),
      select: { id: true, programmeId: true, number: true, sequence: true },
    });
    const createdId = new Map(created.map((a) => [activityKey(a.programmeId, a.number, a.sequence), a.id]));
    await tx.activityLead.createMany({
      data: newActivities.flatMap((a) => {
        const activityId = need(
          createdId,
          activityKey(a.data.programmeId, a.data.number ?? null, a.data.sequence),
          "created activity",
        );
        return a.leadIds.map((id) => ({ activityId, leadId: id }));
      }),
      skipDuplicates: true,
    });
  }

  // NEL KPIs from the expected benefits and metrics, with illustrative trajectories.
  const targetDate = new Date(`${NEL.kpiTargetDate}T00:00:00Z`);
  const plannedKpis = NEL.kpis.map((k) => {
    const percentTarget =
      k.percentMetric && k.baselineGbpM && k.savingGbpM
        ? Number(decimal4((k.savingGbpM / k.baselineGbpM) * 100))
        : null;
    const data: Prisma.KpiCreateManyInput = {
      programmeId: nelProgrammeId,
      workstreamId: k.workstream === null ? null : workstreamIdOf(k.workstream),
      name: k.name,
      unit: k.unit,
      direction: oneOf(DIRECTIONS, k.direction, "KPI direction"),
      baseline: k.percentMetric ? "0" : null,
      target: percentTarget === null ? null : decimal4(percentTarget),
      targetDate: /^\d{4}$/.test(k.targetDateAsWritten) ? targetDate : null,
      baselineNote: k.current,
      targetNote: k.target,
      ownerLeadId: need(leadId, key(nelSystemId, k.ownerLead), "KPI owner lead"),
    };
    return { data, percentTarget };
  });
  const kpiKey = (k: { programmeId?: string | null; workstreamId?: string | null; name: string }) =>
    key(k.programmeId ?? null, k.workstreamId ?? null, k.name);
  const existingKpis = new Set(
    (
      await tx.kpi.findMany({
        where: { programmeId: nelProgrammeId },
        select: { programmeId: true, workstreamId: true, name: true },
      })
    ).map(kpiKey),
  );
  const newKpis = plannedKpis.filter((k) => !existingKpis.has(kpiKey(k.data)));
  if (newKpis.length > 0) {
    const created = await tx.kpi.createManyAndReturn({
      data: newKpis.map((k) => k.data),
      select: { id: true, programmeId: true, workstreamId: true, name: true },
    });
    const createdId = new Map(created.map((k) => [kpiKey(k), k.id]));
    const points = newKpis.flatMap((k) =>
      k.percentTarget === null
        ? []
        : illustrativePoints(need(createdId, kpiKey(k.data), "created KPI"), k.percentTarget),
    );
    if (points.length > 0) await tx.kpiPoint.createMany({ data: points, skipDuplicates: true });
  }

  // NEL dependencies, constraints and assumptions, and the dependency map.
  const plannedDependencies: Prisma.DependencyCreateManyInput[] = NEL.dependencies.map((d) => ({
    programmeId: nelProgrammeId,
    workstreamId: workstreamIdOf(d.workstream),
    kind: oneOf(KINDS, d.kind, "dependency kind"),
    description: d.description,
    actions: d.actions,
    dependsOnWorkstreamId: d.dependsOnWorkstream === null ? null : workstreamIdOf(d.dependsOnWorkstream),
  }));
  const dependencyKey = (d: { programmeId: string; workstreamId?: string | null; kind: string; description: string }) =>
    key(d.programmeId, d.workstreamId ?? null, d.kind, d.description);
  const existingDependencies = new Set(
    (
      await tx.dependency.findMany({
        where: { programmeId: nelProgrammeId },
        select: { programmeId: true, workstreamId: true, kind: true, description: true },
      })
    ).map(dependencyKey),
  );
  const newDependencies = plannedDependencies.filter((d) => !existingDependencies.has(dependencyKey(d)));
  if (newDependencies.length > 0) await tx.dependency.createMany({ data: newDependencies });
}
