import type pg from "pg";
import { TableRows, cols, type Column } from "../lib/bulk-insert";
import { elapsedMonths } from "../../../src/lib/financial-year";
import { randomFor, type World } from "./world";

/**
 * programme, programme_target, workstream, kpi, kpi_point, dependency: 25 programmes (five
 * owned by the whole system, the rest by organisations, more at the larger trusts) and 120
 * workstreams between them.
 */

const THEMES = {
  Workforce: [
    "Reducing premium rate pay",
    "Workforce productivity",
    "Medical job planning",
    "Temporary staffing controls",
  ],
  "Knowing the Business": ["Service line reporting", "Benchmarking and GIRFT", "Coding and counting"],
  "Clinical productivity": [
    "Theatre productivity",
    "Outpatient transformation",
    "Length of stay and flow",
    "Diagnostics productivity",
  ],
  "Non-pay": ["Procurement", "Medicines optimisation", "Estates rationalisation", "Clinical supplies"],
  "Corporate services": ["Back office consolidation", "Digital automation"],
  Income: ["Income recovery", "Private patient income"],
} as const;
const PROGRAMMES_BY_ORG: Record<string, number> = { SYSTEM: 5, WDICB: 2, WUH: 6, DGH: 4, NVT: 3, WDCH: 3, WDMH: 2 };
const WORKSTREAMS = 120;
const WORKSTREAM_TOPICS = [
  "Bank and agency",
  "Rostering",
  "Theatres",
  "Outpatients",
  "Pathology",
  "Pharmacy",
  "Procurement",
  "Estates",
  "HR and payroll",
  "Finance",
  "Digital",
  "Discharge",
  "Patient flow",
  "Imaging",
  "Energy",
  "Fleet",
  "Catering",
  "Switchboard",
  "Medical staffing",
  "Nursing establishment",
];

const textArray = (name: string): Column => ({
  name,
  type: "text",
  select: `COALESCE(string_to_array(u."${name}", E'\\n'), ARRAY[]::text[])`,
});

export async function generateProgrammes(world: World, client: pg.ClientBase): Promise<Record<string, number>> {
  const random = randomFor(world, "programmes");
  const { currentYear } = world.plan;
  const programmes = new TableRows(
    "programme",
    cols(
      "id:uuid",
      "system_id:uuid",
      "organisation_id:uuid",
      "theme:text",
      "name:text",
      "objective:text",
      "sro:text",
      "position:int",
    ),
  );
  const targets = new TableRows(
    "programme_target",
    cols("programme_id:uuid", "financial_year:int", "target_pence:bigint"),
  );
  const workstreams = new TableRows("workstream", [
    ...cols("id:uuid", "programme_id:uuid", "number:int", "name:text", "vision:text", "case_for_change:text"),
    textArray("objectives"),
    ...cols("sro:text"),
    textArray("delivery_leads"),
    ...cols("baseline_pence:bigint", "target_pence:bigint"),
  ]);
  const kpis = new TableRows(
    "kpi",
    cols(
      "id:uuid",
      "programme_id:uuid",
      "workstream_id:uuid",
      "name:text",
      "unit:text",
      "direction:kpi_direction",
      "baseline:numeric",
      "target:numeric",
      "target_date:date",
      "owner_lead_id:uuid",
    ),
  );
  const points = new TableRows(
    "kpi_point",
    cols("kpi_id:uuid", "financial_year:int", "month:int", "trajectory:numeric", "actual:numeric"),
  );
  const dependencies = new TableRows(
    "dependency",
    cols(
      "id:uuid",
      "programme_id:uuid",
      "workstream_id:uuid",
      "kind:dependency_kind",
      "description:text",
      "depends_on_programme_id:uuid",
      "depends_on_workstream_id:uuid",
    ),
  );

  const themeNames = Object.keys(THEMES) as (keyof typeof THEMES)[];
  let position = 0;
  for (const [owner, count] of Object.entries(PROGRAMMES_BY_ORG)) {
    const organisation = world.organisations.find((o) => o.code === owner);
    for (let i = 0; i < count; i++) {
      const theme = themeNames[(position + i) % themeNames.length]!;
      const base = random.pick(THEMES[theme]);
      const id = random.uuid();
      const name = `${base} (${organisation ? organisation.code : "system"} ${i + 1})`;
      programmes.add({
        id,
        system_id: world.systemId,
        organisation_id: organisation?.id ?? null,
        theme,
        name,
        objective: `Deliver recurrent savings through ${base.toLowerCase()}.`,
        sro: random.pick(["DoF", "COO", "CNO", "MD", "CPO"]),
        position: i,
      });
      for (const fy of [...world.plan.schemeYears, currentYear + 1])
        targets.add({ programme_id: id, financial_year: fy, target_pence: random.int(5, 60) * 10_000_000 });
      world.programmes.push({ id, organisationId: organisation?.id ?? null, name, workstreamIds: [] });
    }
    position += count;
  }

  const perProgramme = world.programmes.map(() => 4);
  for (let extra = WORKSTREAMS - 4 * world.programmes.length; extra > 0; extra--)
    perProgramme[random.int(0, world.programmes.length - 1)]! += 1;
  world.programmes.forEach((programme, p) => {
    for (let n = 1; n <= perProgramme[p]!; n++) {
      const id = random.uuid();
      const topic = WORKSTREAM_TOPICS[(p * 3 + n) % WORKSTREAM_TOPICS.length]!;
      const baseline = random.int(20, 400) * 100_000_000;
      workstreams.add({
        id,
        programme_id: programme.id,
        number: n,
        name: `${n}. ${topic}`,
        vision: `A ${topic.toLowerCase()} service that costs less and works better for patients.`,
        case_for_change: `Benchmarking puts ${topic.toLowerCase()} spend in the upper quartile.`,
        objectives: ["Reduce unit cost", "Remove unwarranted variation", "Sustain the savings recurrently"].join("\n"),
        sro: random.pick(["DoF", "COO", "CNO", "MD", "CPO", "CIO"]),
        delivery_leads: [
          random.pick(["Deputy DoF", "Head of Procurement", "PMO Lead", "Head of Workforce Planning"]),
        ].join("\n"),
        baseline_pence: baseline,
        target_pence: Math.round(baseline * (0.02 + random.next() * 0.05)),
      });
      programme.workstreamIds.push(id);
      if (random.chance(0.85)) addKpi(id);
    }
    addKpi(null);

    function addKpi(workstreamId: string | null) {
      const id = random.uuid();
      const lowerIsBetter = random.chance(0.6);
      const baseline = random.int(50, 900);
      const target = lowerIsBetter ? Math.round(baseline * 0.8) : Math.round(baseline * 1.2);
      kpis.add({
        id,
        programme_id: programme.id,
        workstream_id: workstreamId,
        name: random.pick([
          "Agency spend as % of pay bill",
          "Theatre utilisation",
          "Average length of stay (days)",
          "Outpatient DNA rate",
          "Procurement savings achieved",
          "Vacancy rate",
        ]),
        unit: random.pick(["%", "£", "days", "count"]),
        direction: lowerIsBetter ? "LOWER_IS_BETTER" : "HIGHER_IS_BETTER",
        baseline: String(baseline),
        target: String(target),
        target_date: `${currentYear + 1}-03-31`,
        owner_lead_id: random.pick(world.leadIds),
      });
      for (const fy of [currentYear - 1, currentYear]) {
        for (let month = 1; month <= 12; month++) {
          const step = (target - baseline) * (((fy - currentYear + 1) * 12 + month) / 24);
          const elapsed = fy < currentYear || month <= elapsedMonths(currentYear, world.plan.asOf);
          points.add({
            kpi_id: id,
            financial_year: fy,
            month,
            trajectory: (baseline + step).toFixed(4),
            actual: elapsed ? (baseline + step * (0.6 + random.next() * 0.6)).toFixed(4) : null,
          });
        }
      }
    }
  });

  for (let i = 0; i < 30; i++) {
    const from = random.pick(world.programmes);
    const to = random.pick(world.programmes.filter((p) => p.id !== from.id));
    dependencies.add({
      id: random.uuid(),
      programme_id: from.id,
      workstream_id: random.chance(0.5) ? random.pick(from.workstreamIds) : null,
      kind: random.weighted({ DEPENDENCY: 6, CONSTRAINT: 2, ASSUMPTION: 2 }),
      description: `Needs ${to.name} to deliver first.`,
      depends_on_programme_id: to.id,
      depends_on_workstream_id: random.chance(0.5) ? random.pick(to.workstreamIds) : null,
    });
  }

  return {
    programme: await programmes.insert(client),
    programme_target: await targets.insert(client),
    workstream: await workstreams.insert(client),
    kpi: await kpis.insert(client),
    kpi_point: await points.insert(client),
    dependency: await dependencies.insert(client),
  };
}
