/**
 * `npm run bench:data`: builds the ICS-scale data set of DESIGN.md section 6 in the bench
 * database (BENCH_DATABASE_URL, default recovery_tracker_bench on 127.0.0.1): creates the
 * database if missing, drops its schema, applies prisma/migrations with the project's migrator,
 * loads every table family in bulk and ANALYZEs.
 *
 *   --scale 0.01      fraction of the full volumes (schemes, risks, activities, audit events)
 *   --seed text       same seed, same data (default "recovery-tracker-bench")
 *   --as-of 2026-11   the month the data is "as of" (default: this month); actuals run to the month before
 */
import { benchDatabaseUrl, ensureDatabase, redact, resetAndMigrate, withBenchClient } from "./lib/bench-database";
import { numberOption, option } from "./lib/options";
import { generateWorld } from "./data/generate";
import { benchPlan } from "./data/world";

function asOfMonth(text: string | undefined): Date {
  if (!text) {
    const now = new Date();
    return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
  }
  const match = /^(\d{4})-(\d{2})$/.exec(text);
  if (!match) throw new Error(`--as-of must look like 2026-11, not "${text}"`);
  return new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 1));
}

const url = benchDatabaseUrl();
const plan = benchPlan(
  option("seed", "recovery-tracker-bench"),
  numberOption("scale", 1),
  asOfMonth(option("as-of", process.env.BENCH_AS_OF ?? "") || undefined),
);
const started = performance.now();
console.log(
  `Bench data: ${redact(url)}, scale ${plan.scale}, seed "${plan.seed}", as of ${plan.asOf.toISOString().slice(0, 7)}`,
);
await ensureDatabase(url);
await withBenchClient(url, async (client) => {
  const migrations = await resetAndMigrate(client);
  console.log(
    `  schema dropped and recreated; ${migrations} migrations applied (${((performance.now() - started) / 1000).toFixed(1)} s)`,
  );
  await generateWorld(plan, client, (line) => console.log(line));
  const analyzing = performance.now();
  await client.query("VACUUM ANALYZE");
  console.log(`  VACUUM ANALYZE     ${((performance.now() - analyzing) / 1000).toFixed(1).padStart(5)} s`);
});
console.log(`Loaded in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
