import type pg from "pg";
import { TableRows, cols } from "../lib/bulk-insert";
import { daysBefore, randomFor, type World } from "./world";

/**
 * audit_event: the trail three years of use leaves, mostly monthly updates and grid saves on
 * schemes, then risk and activity changes and month-end closes, each naming a real record, its
 * organisation and who acted. The table is append-only by trigger; inserting is all we do.
 */
export async function generateAuditEvents(world: World, client: pg.ClientBase): Promise<Record<string, number>> {
  const random = randomFor(world, "audit-events");
  const events = new TableRows(
    "audit_event",
    cols(
      "occurred_at:timestamptz",
      "actor_id:uuid",
      "action:text",
      "entity_type:text",
      "entity_id:text",
      "organisation_id:uuid",
      "before:jsonb",
      "after:jsonb",
    ),
  );
  const programmeOrg = new Map(world.programmes.map((p) => [p.id, p.organisationId]));
  const finance = world.users.filter((u) => u.role === "FINANCE");

  // Rows are generated oldest first, so ids grow with time as they do in use.
  const days = Array.from({ length: world.plan.auditEvents }, () => random.int(0, 1000)).sort((a, b) => b - a);
  for (const day of days) {
    const kind = random.weighted({ update: 40, grid: 20, scheme: 8, risk: 17, activity: 10, close: 5 });
    const at = daysBefore(world, day, random);
    if (kind === "risk") {
      events.add({
        occurred_at: at,
        actor_id: random.pick(finance).id,
        action: random.pick(["risk.update", "risk.action.add", "risk.action.status", "risk.create"]),
        entity_type: "risk",
        entity_id: random.pick(world.riskIds),
        organisation_id: null,
        before: JSON.stringify({ currentScore: random.int(1, 25) }),
        after: JSON.stringify({ currentScore: random.int(1, 25) }),
      });
    } else if (kind === "activity") {
      const programme = random.pick(world.programmes);
      events.add({
        occurred_at: at,
        actor_id: random.pick(world.users).id,
        action: "activity.progress",
        entity_type: "activity",
        entity_id: random.pick(world.activityIds),
        organisation_id: programmeOrg.get(programme.id) ?? null,
        before: JSON.stringify({ status: "ON_TRACK" }),
        after: JSON.stringify({ status: random.pick(["DONE", "AT_RISK", "LATE"]) }),
      });
    } else if (kind === "close") {
      const organisation = random.pick(world.organisations);
      events.add({
        occurred_at: at,
        actor_id: random.pick(finance).id,
        action: "period.close",
        entity_type: "organisation",
        entity_id: organisation.id,
        organisation_id: organisation.id,
        before: null,
        after: JSON.stringify({ month: random.int(1, 12) }),
      });
    } else {
      const scheme = random.pick(world.schemes);
      const action =
        kind === "update"
          ? "scheme.monthly-update.submit"
          : kind === "grid"
            ? "scheme.financials.save"
            : "scheme.update";
      const version = random.int(1, 12);
      events.add({
        occurred_at: at,
        actor_id: scheme.leadId,
        action,
        entity_type: "scheme",
        entity_id: scheme.id,
        organisation_id: scheme.organisationId,
        before: JSON.stringify({ version, rag: "AMBER" }),
        after: JSON.stringify({
          version: version + 1,
          rag: random.pick(["RED", "AMBER", "GREEN"]),
          months: { [random.int(1, 12)]: { actual: String(random.int(0, 5_000_000)) } },
        }),
      });
    }
  }
  return { audit_event: await events.insert(client) };
}
