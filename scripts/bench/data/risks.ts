import type pg from "pg";
import { TableRows, cols } from "../lib/bulk-insert";
import type { Random } from "../lib/random";
import { daysBefore, randomFor, usersAt, type World } from "./world";

/**
 * risk, risk_action, risk_score_change: risks on programme, workstream and scheme registers,
 * scored on the 5x5 matrix (current no worse than inherent, target no worse than current;
 * scores derived as the CHECK constraints require), mostly open, some overdue for review, with
 * mitigating actions and a score history.
 */

const CAUSES = [
  "Recruitment to substantive posts is slower than planned",
  "Suppliers may not accept the new prices",
  "Clinical engagement is limited",
  "Winter demand takes theatre capacity",
  "Digital system go-live slips",
];
const EFFECTS = [
  "the saving is not delivered in year",
  "agency use rises again",
  "quality of care could fall",
  "the programme needs more investment",
  "the ICS financial plan is missed",
];

export async function generateRisks(world: World, client: pg.ClientBase): Promise<Record<string, number>> {
  const random = randomFor(world, "risks");
  const risks = new TableRows(
    "risk",
    cols(
      "id:uuid",
      "programme_id:uuid",
      "workstream_id:uuid",
      "scheme_id:uuid",
      "title:text",
      "cause:text",
      "event:text",
      "effect:text",
      "owner_id:uuid",
      "category:risk_category",
      "inherent_likelihood:int",
      "inherent_consequence:int",
      "current_likelihood:int",
      "current_consequence:int",
      "target_likelihood:int",
      "target_consequence:int",
      "current_score:int",
      "target_score:int",
      "review_date:date",
      "status:risk_status",
      "closure_reason:text",
      "closed_at:timestamptz",
      "created_at:timestamptz",
    ),
  );
  const actions = new TableRows(
    "risk_action",
    cols(
      "id:uuid",
      "risk_id:uuid",
      "description:text",
      "owner_id:uuid",
      "due_date:date",
      "status:risk_action_status",
      "completed_at:timestamptz",
      "created_at:timestamptz",
    ),
  );
  const changes = new TableRows(
    "risk_score_change",
    cols(
      "risk_id:uuid",
      "changed_at:timestamptz",
      "changed_by_id:uuid",
      "current_likelihood:int",
      "current_consequence:int",
      "current_score:int",
      "target_score:int",
    ),
  );

  const liveSchemes = world.schemes.filter((s) => s.financialYear >= world.plan.currentYear - 1);
  const anyOwner = world.users.filter((u) => u.role === "FINANCE" || u.role === "LEAD");
  for (let i = 0; i < world.plan.risks; i++) {
    const register = random.weighted({ programme: 30, workstream: 30, scheme: 40 });
    let programmeId: string | null = null;
    let workstreamId: string | null = null;
    let schemeId: string | null = null;
    let organisationId: string | null = null;
    if (register === "scheme") {
      const scheme = random.pick(liveSchemes);
      schemeId = scheme.id;
      organisationId = scheme.organisationId;
    } else {
      const programme = random.pick(world.programmes);
      programmeId = programme.id;
      organisationId = programme.organisationId;
      if (register === "workstream") workstreamId = random.pick(programme.workstreamIds);
    }
    const owners = organisationId ? usersAt(world, organisationId, ["FINANCE", "LEAD"]) : anyOwner;
    const ownerId = random.pick(owners).id;
    const inherent = [rating(random, [5, 10, 30, 35, 20]), rating(random, [5, 15, 30, 35, 15])] as const;
    const current = [Math.max(1, inherent[0] - random.int(0, 2)), Math.max(1, inherent[1] - random.int(0, 1))] as const;
    const target = [Math.max(1, current[0] - random.int(0, 2)), Math.max(1, current[1] - random.int(0, 1))] as const;
    const closed = random.chance(0.15);
    const createdDays = random.int(30, 900);
    const id = random.uuid();
    const cause = random.pick(CAUSES);
    risks.add({
      id,
      programme_id: programmeId,
      workstream_id: workstreamId,
      scheme_id: schemeId,
      title: `${cause.split(" ").slice(0, 4).join(" ")}… (${i + 1})`,
      cause,
      event: "The planned change may not happen on time",
      effect: random.pick(EFFECTS),
      owner_id: ownerId,
      category: random.weighted({ FINANCIAL: 40, DELIVERY: 25, WORKFORCE: 15, QUALITY: 15, REPUTATIONAL: 5 }),
      inherent_likelihood: inherent[0],
      inherent_consequence: inherent[1],
      current_likelihood: current[0],
      current_consequence: current[1],
      target_likelihood: target[0],
      target_consequence: target[1],
      current_score: current[0] * current[1],
      target_score: target[0] * target[1],
      review_date: daysBefore(world, random.int(-120, 40), random).slice(0, 10),
      status: closed ? "CLOSED" : "OPEN",
      closure_reason: closed ? "Mitigated: the risk no longer applies." : null,
      closed_at: closed ? daysBefore(world, random.int(1, createdDays), random) : null,
      created_at: daysBefore(world, createdDays, random),
    });
    world.riskIds.push(id);
    for (let a = random.int(0, 3); a > 0; a--) {
      const status = random.weighted({ OPEN: 4, IN_PROGRESS: 3, DONE: 3 });
      actions.add({
        id: random.uuid(),
        risk_id: id,
        description: random.pick([
          "Agree recovery plan",
          "Escalate to SRO",
          "Weekly review with supplier",
          "Run recruitment campaign",
        ]),
        owner_id: random.pick(owners).id,
        due_date: daysBefore(world, random.int(-90, 120), random).slice(0, 10),
        status,
        completed_at: status === "DONE" ? daysBefore(world, random.int(1, 60), random) : null,
        created_at: daysBefore(world, createdDays, random),
      });
    }
    changes.add({
      risk_id: id,
      changed_at: daysBefore(world, createdDays, random),
      changed_by_id: ownerId,
      current_likelihood: inherent[0],
      current_consequence: inherent[1],
      current_score: inherent[0] * inherent[1],
      target_score: target[0] * target[1],
    });
    for (let c = random.int(0, 2); c > 0; c--) {
      changes.add({
        risk_id: id,
        changed_at: daysBefore(world, random.int(1, createdDays - 1), random),
        changed_by_id: ownerId,
        current_likelihood: current[0],
        current_consequence: current[1],
        current_score: current[0] * current[1],
        target_score: target[0] * target[1],
      });
    }
  }
  return {
    risk: await risks.insert(client),
    risk_action: await actions.insert(client),
    risk_score_change: await changes.insert(client),
  };
}

/** 1-5 with the given weights. */
function rating(random: Random, weights: number[]): number {
  return random.weightedIndex(weights) + 1;
}
