import type pg from "pg";
import type { SchemeStage } from "../../../src/generated/prisma/enums";
import { elapsedMonths, type FinancialYear } from "../../../src/lib/financial-year";
import { SUB_CATEGORY_SUGGESTIONS, schemeCode } from "../../../src/modules/schemes/scheme-rules";
import { TableRows, cols } from "../lib/bulk-insert";
import type { Random } from "../lib/random";
import { randomFor, usersAt, type SchemeInfo, type World } from "./world";

/**
 * scheme, scheme_month, monthly_update: CIP schemes at the trusts and QIPP schemes at the ICB,
 * spread over three financial years, each with three years of monthly plan, forecast and actual
 * (its own year from the start month, then the full-year effect it carries on with if it is
 * recurrent). Stages follow the year (old schemes mostly complete or withdrawn, this year's
 * still in the pipeline); values are log-normal, so most schemes are small and a few very
 * large ones carry much of the total. Money is integer pence.
 */

const YEAR_WEIGHTS = [25, 35, 40];
const STAGE_WEIGHTS_BY_AGE: Record<number, Record<SchemeStage, number>> = {
  2: { COMPLETE: 55, DELIVERY: 10, WITHDRAWN: 12, REJECTED: 8, ON_HOLD: 5, PLANNING: 5, OPPORTUNITY: 5 },
  1: { COMPLETE: 30, DELIVERY: 35, PLANNING: 10, OPPORTUNITY: 8, ON_HOLD: 6, REJECTED: 5, WITHDRAWN: 6 },
  0: { OPPORTUNITY: 22, PLANNING: 25, DELIVERY: 38, COMPLETE: 5, ON_HOLD: 4, REJECTED: 3, WITHDRAWN: 3 },
};
const DELIVERING: readonly SchemeStage[] = ["DELIVERY", "COMPLETE", "ON_HOLD"];
const UPDATING: readonly SchemeStage[] = ["PLANNING", "DELIVERY", "COMPLETE", "ON_HOLD", "OPPORTUNITY"];
const ACTIONS = ["Reduce", "Renegotiate", "Consolidate", "Switch", "Automate", "Redesign", "Stop", "Recover"];
const SUBJECTS = [
  "agency nursing spend",
  "locum medical cover",
  "theatre consumables",
  "the pathology contract",
  "biosimilar prescribing",
  "estates footprint",
  "outpatient follow-ups",
  "bank rates",
  "courier services",
  "energy use",
  "printing",
  "overseas visitor income",
  "length of stay on ward 7",
  "the payroll service",
];

export async function generateSchemes(world: World, client: pg.ClientBase): Promise<Record<string, number>> {
  const random = randomFor(world, "schemes");
  const schemes = new TableRows(
    "scheme",
    cols(
      "id:uuid",
      "organisation_id:uuid",
      "division_id:uuid",
      "workstream_id:uuid",
      "lead_id:uuid",
      "code:text",
      "code_number:int",
      "type:scheme_type",
      "title:text",
      "description:text",
      "category:scheme_category",
      "sub_category:text",
      "recurrent:boolean",
      "cash_releasing:boolean",
      "financial_year:int",
      "full_year_effect_pence:bigint",
      "in_year_value_pence:bigint",
      "start_month:int",
      "wte_substantive:numeric",
      "wte_bank:numeric",
      "wte_agency:numeric",
      "rag:delivery_rag",
      "stage:scheme_stage",
      "version:int",
      "created_at:timestamptz",
    ),
  );
  const months = new TableRows(
    "scheme_month",
    cols(
      "scheme_id:uuid",
      "financial_year:int",
      "month:int",
      "plan_pence:bigint",
      "forecast_pence:bigint",
      "actual_pence:bigint",
    ),
  );
  const updates = new TableRows(
    "monthly_update",
    cols(
      "id:uuid",
      "scheme_id:uuid",
      "financial_year:int",
      "month:int",
      "rag:delivery_rag",
      "commentary:text",
      "submitted_by_id:uuid",
      "submitted_at:timestamptz",
    ),
  );

  const shares = world.organisations.map((o) => o.schemeShare);
  const nextNumber = new Map<string, number>();
  for (let i = 0; i < world.plan.schemes; i++) {
    const organisation = world.organisations[random.weightedIndex(shares)]!;
    const number = (nextNumber.get(organisation.id) ?? 0) + 1;
    nextNumber.set(organisation.id, number);
    const type = organisation.type === "ICB" ? "QIPP" : "CIP";
    const ageIndex = random.weightedIndex(YEAR_WEIGHTS);
    const financialYear = world.plan.schemeYears[ageIndex]!;
    const stage = random.weighted(STAGE_WEIGHTS_BY_AGE[world.plan.currentYear - financialYear]!);
    const category = random.weighted({ PAY: 45, NON_PAY: 40, INCOME: 15 });
    const recurrent = random.chance(0.75);
    const fullYearEffect = schemeValuePence(random);
    const startMonth =
      stage === "OPPORTUNITY" && random.chance(0.1) ? null : random.chance(0.35) ? 1 : random.int(2, 9);
    const phasedMonths = 13 - (startMonth ?? 1);
    const inYear = Math.round((fullYearEffect * phasedMonths) / 12);
    const rag =
      stage === "COMPLETE"
        ? "GREEN"
        : stage === "OPPORTUNITY" && random.chance(0.3)
          ? null
          : random.weighted({ RED: 20, AMBER: 35, GREEN: 45 });
    const programmes = world.programmes.filter(
      (p) => p.organisationId === organisation.id || p.organisationId === null,
    );
    const programme = random.chance(0.92) ? random.pick(programmes) : null;
    const workstreamId = programme ? random.pick(programme.workstreamIds) : null;
    const lead = random.pick(usersAt(world, organisation.id, ["LEAD"]));
    const id = random.uuid();
    const title = `${random.pick(ACTIONS)} ${random.pick(SUBJECTS)}`;
    const code = schemeCode(organisation.code, type, number);
    const info: SchemeInfo = {
      id,
      organisationId: organisation.id,
      leadId: lead.id,
      programmeId: programme?.id ?? null,
      workstreamId,
      financialYear,
      stage,
      code,
      title,
    };
    world.schemes.push(info);

    const factor = deliveryFactor(random, rag);
    addMonths(world, random, months, info, { fullYearEffect, inYear, startMonth: startMonth ?? 1, recurrent, factor });
    const updateTotal = addUpdates(world, random, updates, info, startMonth ?? 1, rag);
    const pay = category === "PAY";
    schemes.add({
      id,
      organisation_id: organisation.id,
      division_id: random.chance(0.95) ? random.pick(organisation.divisionIds) : null,
      workstream_id: workstreamId,
      lead_id: lead.id,
      code,
      code_number: number,
      type,
      title,
      description: `${title} (${organisation.code}); ${recurrent ? "recurrent" : "non-recurrent"} saving agreed with the division.`,
      category,
      sub_category: random.chance(0.85) ? random.pick(SUB_CATEGORY_SUGGESTIONS[category]) : null,
      recurrent,
      cash_releasing: random.chance(0.8),
      financial_year: financialYear,
      full_year_effect_pence: fullYearEffect,
      in_year_value_pence: inYear,
      start_month: startMonth,
      wte_substantive: pay ? (random.int(0, 800) / 100).toFixed(2) : "0",
      wte_bank: pay ? (random.int(0, 300) / 100).toFixed(2) : "0",
      wte_agency: pay ? (random.int(0, 400) / 100).toFixed(2) : "0",
      rag,
      stage,
      version: 1 + updateTotal,
      created_at: new Date(Date.UTC(financialYear - 1, random.int(0, 11), random.int(1, 28))).toISOString(),
    });
  }
  return {
    scheme: await schemes.insert(client),
    scheme_month: await months.insert(client),
    monthly_update: await updates.insert(client),
  };
}

/** Full-year effect: most schemes £5k-£300k, and about one in 150 between £2m and £12m. */
function schemeValuePence(random: Random): number {
  const pounds = random.chance(0.007)
    ? random.int(2_000_000, 12_000_000)
    : Math.min(1_900_000, Math.max(5_000, random.logNormal(60_000, 1.05)));
  return Math.round(pounds / 100) * 100 * 100;
}

/** How much of its plan a scheme delivers, by RAG. */
function deliveryFactor(random: Random, rag: string | null): number {
  const [mean, sd] =
    rag === "GREEN" ? [1, 0.04] : rag === "AMBER" ? [0.85, 0.07] : rag === "RED" ? [0.6, 0.12] : [0.9, 0.1];
  return Math.min(1.3, Math.max(0.1, random.normal(mean, sd)));
}

/** Even monthly shares of `total` over months `from`..12 that add up to it exactly. */
function phase(total: number, from: number): number[] {
  const count = 13 - from;
  const share = Math.floor(total / count);
  return Array.from({ length: 12 }, (_, i) => (i + 1 < from ? 0 : share + (i + 1 === 12 ? total - share * count : 0)));
}

interface Phasing {
  fullYearEffect: number;
  inYear: number;
  startMonth: number;
  recurrent: boolean;
  factor: number;
}

/** 36 rows: the scheme's year and the two after it. */
function addMonths(world: World, random: Random, rows: TableRows, scheme: SchemeInfo, p: Phasing): void {
  const delivering = DELIVERING.includes(scheme.stage);
  const dropped = scheme.stage === "REJECTED" || scheme.stage === "WITHDRAWN";
  for (let offset = 0; offset < 3; offset++) {
    const fy: FinancialYear = scheme.financialYear + offset;
    const plan = offset === 0 ? phase(p.inYear, p.startMonth) : p.recurrent ? phase(p.fullYearEffect, 1) : phase(0, 1);
    const elapsed = elapsedMonths(fy, world.plan.asOf);
    plan.forEach((planPence, i) => {
      const month = i + 1;
      const forecast = dropped ? 0 : Math.round(planPence * p.factor);
      const actual =
        delivering && month <= elapsed ? Math.round(planPence * p.factor * (0.9 + 0.2 * random.next())) : null;
      rows.add({
        scheme_id: scheme.id,
        financial_year: fy,
        month,
        plan_pence: planPence,
        forecast_pence: forecast,
        actual_pence: actual,
      });
    });
  }
}

/**
 * Monthly updates for the ended months of the scheme's own year; the latest one is missing for
 * about one scheme in four, so the dashboard has overdue updates to list.
 */
function addUpdates(
  world: World,
  random: Random,
  rows: TableRows,
  scheme: SchemeInfo,
  startMonth: number,
  rag: string | null,
): number {
  if (!UPDATING.includes(scheme.stage)) return 0;
  const elapsed = elapsedMonths(scheme.financialYear, world.plan.asOf);
  let count = 0;
  for (let month = startMonth; month <= elapsed; month++) {
    const latest = month === elapsed && scheme.financialYear === world.plan.currentYear;
    if (!random.chance(latest ? 0.75 : 0.85)) continue;
    const submitted = new Date(
      Date.UTC(scheme.financialYear + (month >= 9 ? 1 : 0), (month + 3) % 12, random.int(1, 12), random.int(8, 18)),
    );
    rows.add({
      id: random.uuid(),
      scheme_id: scheme.id,
      financial_year: scheme.financialYear,
      month,
      rag: rag ?? "AMBER",
      commentary: random.pick([
        "On track against plan.",
        "Slippage on recruitment; recovery plan agreed.",
        "Supplier negotiations continue.",
        "Benefit validated by finance.",
        "Delayed by winter pressures.",
      ]),
      submitted_by_id: scheme.leadId,
      submitted_at: submitted.toISOString(),
    });
    count++;
  }
  return count;
}
