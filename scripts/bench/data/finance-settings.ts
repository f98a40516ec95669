import type pg from "pg";
import { elapsedMonths } from "../../../src/lib/financial-year";
import { IDENTIFIED_STAGES } from "../../../src/modules/schemes/scheme-rules";
import { TableRows, cols } from "../lib/bulk-insert";
import { randomFor, usersAt, type World } from "./world";

/**
 * savings_target, stage_weight, period_close: each organisation's target per year (this year's
 * above what is identified, so the dashboard shows an unidentified gap), two organisations'
 * own stage weights, and month-end closes up to the month before the last one that ended (so
 * the last month's updates still go through without a finance reason).
 */
export async function generateFinanceSettings(world: World, client: pg.ClientBase): Promise<Record<string, number>> {
  const random = randomFor(world, "finance-settings");
  const { currentYear, asOf } = world.plan;
  const targets = new TableRows(
    "savings_target",
    cols("organisation_id:uuid", "financial_year:int", "programme_type:scheme_type", "target_pence:bigint"),
  );
  const weights = new TableRows(
    "stage_weight",
    cols("organisation_id:uuid", "stage:scheme_stage", "weight_percent:int"),
  );
  const closes = new TableRows(
    "period_close",
    cols("organisation_id:uuid", "financial_year:int", "month:int", "closed_by_id:uuid", "closed_at:timestamptz"),
  );

  const identified = await client.query<{ organisation_id: string; financial_year: number; total: string }>(
    `SELECT organisation_id, financial_year, sum(in_year_value_pence)::text AS total
     FROM scheme WHERE stage = ANY($1::scheme_stage[]) GROUP BY organisation_id, financial_year`,
    [[...IDENTIFIED_STAGES]],
  );
  const totalOf = (organisationId: string, fy: number) =>
    Number(identified.rows.find((r) => r.organisation_id === organisationId && r.financial_year === fy)?.total ?? 0);

  for (const organisation of world.organisations) {
    for (const fy of [...world.plan.schemeYears, currentYear + 1]) {
      const base = fy > currentYear ? totalOf(organisation.id, currentYear) : totalOf(organisation.id, fy);
      const ratio = fy >= currentYear ? 1.05 + random.next() * 0.25 : 0.9 + random.next() * 0.15;
      targets.add({
        organisation_id: organisation.id,
        financial_year: fy,
        programme_type: organisation.type === "ICB" ? "QIPP" : "CIP",
        target_pence: Math.round((base * ratio) / 100_000) * 100_000,
      });
    }
    const closer = usersAt(world, organisation.id, ["FINANCE"])[0] ?? world.users.find((u) => u.role === "FINANCE")!;
    for (const fy of world.plan.schemeYears) {
      const closedThrough = fy < currentYear ? 12 : Math.max(0, elapsedMonths(fy, asOf) - 1);
      for (let month = 1; month <= closedThrough; month++) {
        const closedAt = new Date(Date.UTC(fy + (month >= 9 ? 1 : 0), (month + 3) % 12, random.int(10, 20)));
        closes.add({
          organisation_id: organisation.id,
          financial_year: fy,
          month,
          closed_by_id: closer.id,
          closed_at: closedAt.toISOString(),
        });
      }
    }
  }
  const [largest, second] = world.organisations.filter((o) => o.type === "TRUST");
  if (largest) {
    weights.add({ organisation_id: largest.id, stage: "PLANNING", weight_percent: 40 });
    weights.add({ organisation_id: largest.id, stage: "DELIVERY", weight_percent: 85 });
  }
  if (second) weights.add({ organisation_id: second.id, stage: "OPPORTUNITY", weight_percent: 20 });
  return {
    savings_target: await targets.insert(client),
    stage_weight: await weights.insert(client),
    period_close: await closes.insert(client),
  };
}
