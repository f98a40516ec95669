import type pg from "pg";
import { quarterIndex, quarterOf } from "../../../src/lib/financial-year";
import { TableRows, cols } from "../lib/bulk-insert";
import { randomFor, type World } from "./world";

/**
 * activity, activity_lead: numbered milestones across the programmes (more where a programme
 * has more workstreams), on a quarter, a range of quarters or "ongoing", with a status that
 * fits their timing (past ones mostly done or late), and one or two leads each.
 */
export async function generateActivities(world: World, client: pg.ClientBase): Promise<Record<string, number>> {
  const random = randomFor(world, "activities");
  const activities = new TableRows(
    "activity",
    cols(
      "id:uuid",
      "programme_id:uuid",
      "workstream_id:uuid",
      "number:text",
      "sequence:int",
      "description:text",
      "start_quarter:int",
      "end_quarter:int",
      "status:activity_status",
      "deliverables:text",
    ),
  );
  activities.columns[activities.columns.length - 1]!.select =
    `COALESCE(string_to_array(u."deliverables", E'\\n'), ARRAY[]::text[])`;
  const activityLeads = new TableRows("activity_lead", cols("activity_id:uuid", "lead_id:uuid"));

  const now = quarterIndex(quarterOf(world.plan.asOf));
  const first = world.plan.schemeYears[0]! * 4;
  const last = (world.plan.currentYear + 1) * 4 + 3;
  const weights = world.programmes.map((p) => p.workstreamIds.length + 1);
  const sequence = new Map<string, number>();
  for (let i = 0; i < world.plan.activities; i++) {
    const programme = world.programmes[random.weightedIndex(weights)]!;
    const n = (sequence.get(programme.id) ?? 0) + 1;
    sequence.set(programme.id, n);
    const kind = random.weighted({ quarter: 50, range: 35, ongoing: 15 });
    const start = kind === "ongoing" ? null : random.int(first, last);
    const end = start === null ? null : kind === "range" ? Math.min(last, start + random.int(1, 4)) : start;
    const status =
      end === null
        ? random.weighted({ ON_TRACK: 6, AT_RISK: 2, NOT_STARTED: 1, DONE: 1 })
        : end < now
          ? random.weighted({ DONE: 70, LATE: 20, AT_RISK: 5, ON_TRACK: 5 })
          : start! <= now
            ? random.weighted({ ON_TRACK: 55, AT_RISK: 25, LATE: 10, DONE: 10 })
            : random.weighted({ NOT_STARTED: 75, ON_TRACK: 25 });
    const id = random.uuid();
    activities.add({
      id,
      programme_id: programme.id,
      workstream_id: random.chance(0.7) ? random.pick(programme.workstreamIds) : null,
      number: String(n),
      sequence: n,
      description: `${random.pick(["Agree", "Implement", "Review", "Roll out", "Procure", "Consult on", "Evaluate"])} ${random.pick(["e-rostering", "the agency cap", "theatre scheduling", "the formulary switch", "the estates plan", "virtual wards", "the shared service", "job plans"])} (${n})`,
      start_quarter: start,
      end_quarter: end,
      status,
      deliverables: random.chance(0.5) ? ["Business case approved", "Go-live"].join("\n") : null,
    });
    world.activityIds.push(id);
    const leadCount = random.weighted({ one: 7, two: 3 }) === "one" ? 1 : 2;
    const leads = new Set<string>();
    while (leads.size < leadCount) leads.add(random.pick(world.leadIds));
    for (const leadId of leads) activityLeads.add({ activity_id: id, lead_id: leadId });
  }
  return { activity: await activities.insert(client), activity_lead: await activityLeads.insert(client) };
}
