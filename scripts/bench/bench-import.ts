/**
 * `npm run bench:import`: issue 12's spreadsheet rows on their own (`npm run bench` includes
 * them): on the bench database (`npm run bench:data` first), the Excel import of N schemes x 12
 * months by the largest trust's finance user, each phase timed, and the register's .xlsx export.
 *
 *   --import-schemes 5000   schemes in the workbook (each with 12 months)
 *   --runs 3                measured runs of the register export (after one warm-up)
 */
import pg from "pg";
import { benchDatabaseUrl, redact } from "./lib/bench-database";
import { numberOption } from "./lib/options";

const url = benchDatabaseUrl();
process.env.DATABASE_URL = url;
const { disconnectDb } = await import("../../src/server/db");
const { financialYearOf } = await import("../../src/lib/financial-year");
const { largestTrustFinance, systemPmo } = await import("./measure/actors");
const { benchImport, benchRegisterExport } = await import("./measure/spreadsheets");
const { percentile } = await import("./measure/timing");

const schemes = numberOption("import-schemes", 5000);
const runs = numberOption("runs", 3);
const now = new Date();
const log = (line: string) => console.log(line);
console.log(`Import bench on ${redact(url)}: ${schemes} schemes x 12 months`);
const pool = new pg.Pool({ connectionString: url });
try {
  const options = { schemes, runs, warmup: 1, year: financialYearOf(now), now, log };
  const trust = await largestTrustFinance(pool);
  const pmo = await systemPmo(pool);
  const imported = await benchImport(pool, trust, options, () => benchRegisterExport(pmo, options));
  const rows = imported.rows;
  for (const row of rows)
    console.log(
      `${row.name}: p50 ${percentile(row.samples, 50).toFixed(0)} ms${row.target ? ` (target ${row.target}: ${row.met ? "met" : "MISSED"})` : ""}; ${row.note}`,
    );
  if (imported.failures.length > 0) {
    console.error(imported.failures.join("\n"));
    process.exitCode = 1;
  }
} finally {
  await pool.end();
  await disconnectDb();
}
