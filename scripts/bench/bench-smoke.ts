/**
 * `npm run bench:smoke`: the bench in miniature, for CI (well under a minute): `bench:data` at
 * scale 0.01 into its own database (BENCH_SMOKE_DATABASE_URL, default
 * recovery_tracker_bench_smoke on 127.0.0.1), then `bench` with 3 runs and 10 concurrent
 * savers. Timings are not judged here; it fails when something breaks: the generator, a page's
 * loader, the app's figures disagreeing with the hand-written SQL, an unexpected save error or
 * a lost update.
 */
import { spawnSync } from "node:child_process";

const url = process.env.BENCH_SMOKE_DATABASE_URL || "postgresql://postgres@127.0.0.1:5432/recovery_tracker_bench_smoke";
const env = { ...process.env, BENCH_DATABASE_URL: url };
const started = performance.now();

function run(script: string, args: string[]): void {
  // The same Node with the same loader flags tsx started this script with.
  const result = spawnSync(process.execPath, [...process.execArgv, script, ...args], { stdio: "inherit", env });
  if (result.status !== 0) {
    console.error(`bench:smoke failed in ${script} (exit ${result.status ?? result.signal})`);
    process.exit(result.status ?? 1);
  }
}

run("scripts/bench/bench-data.ts", ["--scale", "0.01"]);
run("scripts/bench/bench.ts", ["--runs", "3", "--warmup", "1", "--concurrency", "10", "--smoke"]);
console.log(`bench:smoke passed in ${((performance.now() - started) / 1000).toFixed(1)} s`);
