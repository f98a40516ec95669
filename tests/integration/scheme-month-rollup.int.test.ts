import fc from "fast-check";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLeadUser, createOrderedSystem, createProgrammeWithWorkstreams } from "../factories/scheme-rows";
import { db } from "@/server/db";
import { useTestDatabase } from "../helpers/test-database";

/**
 * scheme_month_rollup (migration 20261204030000) is kept by triggers in the transaction of every
 * write. The property: after any sequence of writes to schemes and their months (upserts,
 * updates, deletes, a scheme's stage/type/category/division/workstream/organisation/year
 * changing, schemes deleted, transactions rolled back), every roll-up row equals the sum over the
 * underlying rows, and no group is missing (every dimension: months of every year, so a
 * scheme's months outside its own year too). Writes are plain SQL, so every path (the app's
 * use cases, imports, the bench loader) is covered by the same triggers.
 */

const ROLLUP_COLUMNS = `organisation_id, scheme_year, month_year, dimension, stage, type, key, month,
  month_rows, plan_pence::text, forecast_pence::text, actual_pence::text, actual_rows, outturn_ended_pence::text, outturn_open_pence::text`;

/** The roll-up recomputed from scheme and scheme_month, written apart from the migration's SQL. */
const TRUTH_SQL = `
  SELECT s.organisation_id, s.financial_year AS scheme_year, m.financial_year AS month_year, d.dimension, s.stage, s.type, d.key,
         CASE WHEN d.dimension = 'scheme' THEN 0 ELSE m.month END AS month,
         count(*)::int AS month_rows,
         COALESCE(sum(m.plan_pence), 0)::text AS plan_pence,
         COALESCE(sum(m.forecast_pence), 0)::text AS forecast_pence,
         COALESCE(sum(m.actual_pence), 0)::text AS actual_pence,
         count(m.actual_pence)::int AS actual_rows,
         sum(CASE WHEN m.actual_pence IS NOT NULL THEN m.actual_pence WHEN m.forecast_pence IS NOT NULL THEN m.forecast_pence ELSE COALESCE(m.plan_pence, 0) END)::text AS outturn_ended_pence,
         sum(CASE WHEN m.forecast_pence IS NOT NULL THEN m.forecast_pence ELSE COALESCE(m.plan_pence, 0) END)::text AS outturn_open_pence
  FROM scheme_month m JOIN scheme s ON s.id = m.scheme_id,
  LATERAL (SELECT 'category' AS dimension, s.category::text AS key
           UNION ALL SELECT 'division', COALESCE(s.division_id::text, '')
           UNION ALL SELECT 'workstream', COALESCE(s.workstream_id::text, '')
           UNION ALL SELECT 'scheme', s.id::text) d
  -- Every dimension holds months of every year; 'scheme' rows (month 0) a scheme's whole year
  -- (migration 20261205040000, issue 11).
  GROUP BY 1, 2, 3, 4, 5, 6, 7, 8`;

const ORDER = "ORDER BY 1, 2, 3, 4, 5, 6, 7, 8";

async function rollupMismatch(client: pg.ClientBase) {
  const truth = await client.query(`SELECT * FROM (${TRUTH_SQL}) t ${ORDER}`);
  // Groups whose months all went keep a row of zeros; anything else non-zero must be true.
  const stored = await client.query(`SELECT ${ROLLUP_COLUMNS} FROM scheme_month_rollup ${ORDER}`);
  const zero = (r: Record<string, unknown>) =>
    r.month_rows === 0 &&
    r.actual_rows === 0 &&
    ["plan_pence", "forecast_pence", "actual_pence", "outturn_ended_pence", "outturn_open_pence"].every(
      (k) => r[k] === "0",
    );
  return { truth: truth.rows, stored: stored.rows.filter((r) => !zero(r)) };
}

const STAGES = ["OPPORTUNITY", "PLANNING", "DELIVERY", "COMPLETE", "ON_HOLD", "REJECTED", "WITHDRAWN"] as const;
const CATEGORIES = ["PAY", "NON_PAY", "INCOME"] as const;
const YEARS = [2024, 2025, 2026] as const;

const pence = fc.option(fc.integer({ min: -5_000_000_000, max: 900_000_000_000 }), { nil: null, freq: 3 });
const monthRow = fc.record({
  year: fc.constantFrom(...YEARS),
  month: fc.integer({ min: 1, max: 12 }),
  plan: pence,
  forecast: pence,
  actual: pence,
});
const slot = fc.integer({ min: 0, max: 3 });

type Command =
  | {
      kind: "upsert";
      slot: number;
      rows: { year: number; month: number; plan: number | null; forecast: number | null; actual: number | null }[];
    }
  | { kind: "update"; slot: number; fromMonth: number; actual: number | null; forecast: number | null }
  | { kind: "delete"; slot: number; fromMonth: number }
  | { kind: "regroup"; slot: number; change: Record<string, unknown> }
  | { kind: "deleteScheme"; slot: number }
  | {
      kind: "rolledBack";
      slot: number;
      rows: { year: number; month: number; plan: number | null; forecast: number | null; actual: number | null }[];
      stage: string;
    };

interface World {
  organisations: string[];
  divisions: (string | null)[];
  workstreams: (string | null)[];
  leads: string[];
}

function commandArb(world: World): fc.Arbitrary<Command> {
  const change = fc
    .record(
      {
        stage: fc.constantFrom(...STAGES),
        category: fc.constantFrom(...CATEGORIES),
        type: fc.constantFrom("CIP", "QIPP"),
        division_id: fc.constantFrom(...world.divisions),
        workstream_id: fc.constantFrom(...world.workstreams),
        financial_year: fc.constantFrom(...YEARS),
        organisation_id: fc.constantFrom(...world.organisations),
      },
      { requiredKeys: [] },
    )
    .filter((c) => Object.keys(c).length > 0);
  return fc.oneof(
    {
      weight: 4,
      arbitrary: fc.record({
        kind: fc.constant("upsert" as const),
        slot,
        rows: fc.array(monthRow, { minLength: 1, maxLength: 8 }),
      }),
    },
    {
      weight: 2,
      arbitrary: fc.record({
        kind: fc.constant("update" as const),
        slot,
        fromMonth: fc.integer({ min: 1, max: 12 }),
        actual: pence,
        forecast: pence,
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({ kind: fc.constant("delete" as const), slot, fromMonth: fc.integer({ min: 1, max: 12 }) }),
    },
    { weight: 3, arbitrary: fc.record({ kind: fc.constant("regroup" as const), slot, change }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant("deleteScheme" as const), slot }) },
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant("rolledBack" as const),
        slot,
        rows: fc.array(monthRow, { minLength: 1, maxLength: 4 }),
        stage: fc.constantFrom(...STAGES),
      }),
    },
  );
}

async function upsertMonths(
  client: pg.ClientBase,
  schemeId: string,
  rows: Extract<Command, { kind: "upsert" }>["rows"],
) {
  // One row per key per statement (as the app writes), the last one winning.
  const byKey = new Map(rows.map((r) => [`${r.year}-${r.month}`, r]));
  const list = [...byKey.values()];
  await client.query(
    `INSERT INTO scheme_month (scheme_id, financial_year, month, plan_pence, forecast_pence, actual_pence)
     SELECT $1::uuid, * FROM unnest($2::int[], $3::int[], $4::bigint[], $5::bigint[], $6::bigint[])
     ON CONFLICT (scheme_id, financial_year, month) DO UPDATE
       SET plan_pence = EXCLUDED.plan_pence, forecast_pence = EXCLUDED.forecast_pence, actual_pence = EXCLUDED.actual_pence`,
    [
      schemeId,
      list.map((r) => r.year),
      list.map((r) => r.month),
      list.map((r) => r.plan),
      list.map((r) => r.forecast),
      list.map((r) => r.actual),
    ],
  );
}

describe("scheme month roll-up", () => {
  const database = useTestDatabase();
  let client: pg.Client;
  let world: World;
  let codeNumber = 0;

  beforeAll(async () => {
    const { system, trusts } = await createOrderedSystem(["A", "B"], false);
    const organisations = trusts.map((t) => t.id);
    const divisions: (string | null)[] = [null];
    for (const organisationId of organisations)
      divisions.push((await db().division.create({ data: { organisationId, name: `Division ${organisationId}` } })).id);
    const programme = await createProgrammeWithWorkstreams({
      systemId: system.id,
      organisationId: null,
      workstreams: 2,
    });
    const leads = [];
    for (const organisationId of organisations) leads.push((await createLeadUser(organisationId, "Lead")).id);
    world = { organisations, divisions, workstreams: [null, ...programme.workstreams.map((w) => w.id)], leads };
    client = new pg.Client({ connectionString: database.url });
    await client.connect();
  });
  afterAll(async () => {
    await client?.end();
  });

  async function newScheme(): Promise<string> {
    codeNumber += 1;
    const r = await client.query<{ id: string }>(
      `INSERT INTO scheme (organisation_id, lead_id, code, code_number, type, title, description, category, recurrent,
                           financial_year, full_year_effect_pence, in_year_value_pence, stage)
       VALUES ($1, $2, $3, $4, 'CIP', 'Roll-up scheme', 'x', 'PAY', true, 2025, 0, 0, 'OPPORTUNITY') RETURNING id`,
      [world.organisations[0], world.leads[0], `RU-${codeNumber}`, codeNumber],
    );
    return r.rows[0]!.id;
  }

  async function run(commands: Command[], schemes: (string | null)[]) {
    for (const c of commands) {
      const id = schemes[c.slot];
      if (!id) continue;
      switch (c.kind) {
        case "upsert":
          await upsertMonths(client, id, c.rows);
          break;
        case "update":
          await client.query(
            "UPDATE scheme_month SET actual_pence = $2, forecast_pence = COALESCE($3, forecast_pence) WHERE scheme_id = $1 AND month >= $4",
            [id, c.actual, c.forecast, c.fromMonth],
          );
          break;
        case "delete":
          await client.query("DELETE FROM scheme_month WHERE scheme_id = $1 AND month >= $2", [id, c.fromMonth]);
          break;
        case "regroup": {
          const keys = Object.keys(c.change);
          // A division belongs to one organisation in the app; the roll-up does not care.
          await client.query(
            `UPDATE scheme SET ${keys.map((k, i) => `${k} = $${i + 2}${k === "stage" ? "::scheme_stage" : k === "category" ? "::scheme_category" : k === "type" ? "::scheme_type" : ""}`).join(", ")} WHERE id = $1`,
            [id, ...keys.map((k) => c.change[k])],
          );
          break;
        }
        case "deleteScheme":
          await client.query("DELETE FROM scheme WHERE id = $1", [id]);
          schemes[c.slot] = null;
          break;
        case "rolledBack":
          await client.query("BEGIN");
          await upsertMonths(client, id, c.rows);
          await client.query("UPDATE scheme SET stage = $2::scheme_stage WHERE id = $1", [id, c.stage]);
          await client.query("ROLLBACK");
          break;
      }
    }
  }

  it("equals the sum over the underlying rows after any sequence of writes", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(commandArb(world), { minLength: 1, maxLength: 20 }), async (commands) => {
        const schemes: (string | null)[] = [await newScheme(), await newScheme(), await newScheme(), await newScheme()];
        await run(commands, schemes);
        const { truth, stored } = await rollupMismatch(client);
        expect(stored).toEqual(truth);
        // Tidy up, which is itself a write the roll-up must follow.
        await client.query("DELETE FROM scheme WHERE id = ANY($1::uuid[])", [schemes.filter(Boolean)]);
      }),
      { numRuns: 50 },
    );
    const { truth, stored } = await rollupMismatch(client);
    expect(stored).toEqual(truth);
    expect(truth).toEqual([]);
  }, 120_000);

  it("stays exact when a stage change and month writes on the same scheme race", async () => {
    const other = new pg.Client({ connectionString: database.url });
    await other.connect();
    try {
      const id = await newScheme();
      await upsertMonths(client, id, [{ year: 2025, month: 1, plan: 100, forecast: null, actual: null }]);
      for (let i = 0; i < 10; i++) {
        await Promise.all([
          (async () => {
            await client.query("BEGIN");
            await upsertMonths(client, id, [
              { year: 2025, month: 1, plan: 100 + i, forecast: null, actual: i },
              { year: 2025, month: 2 + (i % 10), plan: 7, forecast: 3, actual: null },
            ]);
            await client.query("COMMIT");
          })(),
          (async () => {
            await other.query("BEGIN");
            await other.query("UPDATE scheme SET stage = $2::scheme_stage WHERE id = $1", [
              id,
              STAGES[i % STAGES.length],
            ]);
            await other.query("COMMIT");
          })(),
        ]);
      }
      const { truth, stored } = await rollupMismatch(client);
      expect(stored).toEqual(truth);
      expect(truth.length).toBeGreaterThan(0);
    } finally {
      await other.end();
    }
  });
});
