/**
 * `npm run bench`: measures, on the bench database (`npm run bench:data` first), the data
 * loading of the pages DESIGN.md section 6 sets targets for, through the app's own modules and
 * a real Actor; compares the dashboard's and the register's figures with one hand-written SQL
 * statement each (and fails if they differ); runs concurrent monthly-update saves and checks
 * none was lost; adds the dashboard's first-load JavaScript when a bench build exists.
 *
 *   --runs 30          measured runs per operation (after --warmup 5)
 *   --concurrency 50   savers in each concurrency test
 *   --import-schemes 5000  schemes (x 12 months) in the Excel import row's workbook; 0 leaves it out
 *   --enforce-targets  also fail when a target is missed (timings are otherwise reported only)
 *   --smoke            a smoke run (bench:smoke): say that timings are not judged
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus, loadavg, totalmem } from "node:os";
import path from "node:path";
import { benchDatabaseUrl, redact } from "./lib/bench-database";
import { flag, numberOption } from "./lib/options";

const url = benchDatabaseUrl();
// The app's modules read DATABASE_URL when they first touch the database.
process.env.DATABASE_URL = url;
// The read API rows call the endpoints dozens of times a minute with one token.
process.env.API_RATE_LIMIT_PER_MINUTE ??= "100000";
const { runBench } = await import("./measure/run-bench");
const { concurrencyTable, timingTable } = await import("./measure/report");
const { bundleReport } = await import("./measure/bundle");

const runs = numberOption("runs", 30);
const warmup = numberOption("warmup", 5, { allowZero: true });
const concurrency = numberOption("concurrency", 50);
const importSchemes = numberOption("import-schemes", flag("smoke") ? 50 : 5000, { allowZero: true });
const machine = () =>
  `load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(" ")}`;
console.log(`Bench: ${redact(url)}, ${runs} runs after ${warmup} warm-up, ${concurrency} concurrent savers`);
console.log(
  `Machine: ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}; ${machine()} (other work on the machine skews timings)`,
);
const result = await runBench({ url, runs, warmup, concurrency, importSchemes, log: (line) => console.log(line) });
const bundle = bundleReport();

console.log();
console.log(timingTable(result.rows, runs));
console.log();
console.log(concurrencyTable(result.concurrency));
console.log();
console.log(bundle.text);

const missed = result.rows.filter((r) => r.met === false).map((r) => r.name);
if (bundle.met === false) missed.push("dashboard first-load JavaScript");
const file = path.join("bench-results", `bench-${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
mkdirSync("bench-results", { recursive: true });
writeFileSync(
  file,
  JSON.stringify(
    { at: new Date().toISOString(), runs, warmup, concurrentSavers: concurrency, ...result, bundle },
    null,
    2,
  ),
);
console.log(`\nRaw samples: ${file}; at the end: ${machine()}`);

if (result.failures.length > 0) {
  console.error(`\nFAILED:\n${result.failures.map((f) => `  - ${f}`).join("\n")}`);
  process.exit(1);
}
console.log(
  "\nChecks: the app's dashboard and register figures equal the hand-written SQL's; every accepted save is stored.",
);
if (flag("smoke")) {
  console.log("Smoke run: timings are not judged (tiny data, few runs).");
} else if (missed.length > 0) {
  console.log(`Targets missed: ${missed.join("; ")}`);
  if (flag("enforce-targets")) process.exit(1);
}
