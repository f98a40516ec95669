import pg from "pg";
import { formatFinancialYear, type FinancialYear } from "../../../src/lib/financial-year";
import { MONTH_COLUMNS, SCHEME_COLUMNS } from "../../../src/modules/imports/import-columns";
import { previewImport, runImport } from "../../../src/modules/imports/run-import";
import { findSchemesForExport } from "../../../src/modules/schemes/register/find-scheme-register";
import { schemeRegisterXlsx } from "../../../src/modules/schemes/register/scheme-register-xlsx";
import { writeXlsx } from "../../../src/modules/spreadsheets/xlsx";
import type { Actor } from "../../../src/server/auth/actor";
import { parseSchemeRegisterQuery } from "../../../src/modules/schemes/register/register-filter";
import { peakMemory } from "./memory";
import { measure, timed, type Measured } from "./timing";

/**
 * Issue 12's speed rows: an import workbook of N schemes with 12 months each (the app's own
 * .xlsx writer, read back by the import), previewed then imported by the trust's finance user,
 * each timed once with the process's peak memory; and the register's .xlsx export. The imported
 * schemes are deleted afterwards (their audit events stay: the audit trail refuses deletes).
 */

export interface ImportBenchOptions {
  schemes: number;
  runs: number;
  warmup: number;
  year: FinancialYear;
  now: Date;
  log: (line: string) => void;
}

export async function importWorkbook(
  trustCode: string,
  leadEmail: string,
  count: number,
  year: FinancialYear,
  tag: string,
) {
  const fy = formatFinancialYear(year);
  const schemes = Array.from({ length: count }, (_, i) => {
    const values: Record<string, string | number | null> = {
      code: `${tag}-${String(i + 1).padStart(5, "0")}`,
      title: `Bench import scheme ${i + 1}`,
      description: "Imported by npm run bench",
      organisation: trustCode,
      lead: leadEmail,
      category: ["Pay", "Non-pay", "Income"][i % 3]!,
      recurrence: i % 4 === 0 ? "Non-recurrent" : "Recurrent",
      financialYear: fy,
      fullYearEffect: 120_000 + (i % 97) * 1_000,
      inYearValue: 60_000 + (i % 89) * 1_000,
    };
    return SCHEME_COLUMNS.map((c) => values[c.key] ?? null);
  });
  // Plans and forecasts only: actuals of months not yet started would be refused.
  const months = schemes.flatMap((row) =>
    Array.from({ length: 12 }, (_, m) => [row[0]!, fy, `M${m + 1}`, 5_000 + m * 10, 5_000 + m * 10, null]),
  );
  return writeXlsx({
    sheets: [
      { name: "Schemes", columns: SCHEME_COLUMNS.map((c) => ({ header: c.header })), rows: schemes },
      { name: "Months", columns: MONTH_COLUMNS.slice(0, 6).map((c) => ({ header: c.header })), rows: months },
    ],
  });
}

export async function benchImport(
  pool: pg.Pool,
  finance: { actor: Actor; organisationId: string; code: string },
  options: ImportBenchOptions,
  /** Measured while the imported schemes are still in the database (the register export). */
  whileImported?: () => Promise<Measured>,
): Promise<{ rows: Measured[]; failures: string[] }> {
  const failures: string[] = [];
  const tag = `BIMP${Date.now().toString(36).toUpperCase()}`;
  options.log(`Building an import workbook of ${options.schemes.toLocaleString("en-GB")} schemes x 12 months ...`);
  const bytes = await importWorkbook(finance.code, finance.actor.email, options.schemes, options.year, tag);
  const file = { fileName: "bench-import.xlsx", bytes };
  const size = `${(bytes.byteLength / 2 ** 20).toFixed(1)} MB`;
  options.log(`  ${size}; previewing ...`);
  const spans = (label: string) => {
    const started = performance.now();
    let last = started;
    const parts: string[] = [];
    return {
      onProgress: (phase: string) => {
        const at = performance.now();
        parts.push(`${phase} +${((at - last) / 1000).toFixed(1)} s`);
        last = at;
      },
      text: () => `${label}: ${parts.join(", ")}`,
    };
  };
  const previewSpans = spans("preview");
  const preview = await peakMemory(() =>
    timed(() => previewImport(finance.actor, file, { now: options.now, onProgress: previewSpans.onProgress })),
  );
  const counts = preview.value.value.counts;
  if (preview.value.value.problems.length > 0)
    failures.push(`import bench: the preview found problems: ${preview.value.value.problems[0]!.message}`);
  if (counts.create !== options.schemes || counts.months !== options.schemes * 12)
    failures.push(`import bench: expected ${options.schemes} schemes to create, got ${JSON.stringify(counts)}`);
  options.log("  importing ...");
  const runSpans = spans("import");
  const run = await peakMemory(() =>
    timed(() =>
      runImport(finance.actor, file, preview.value.value.sha256, { now: options.now, onProgress: runSpans.onProgress }),
    ),
  );
  if (run.value.value.status !== "imported") failures.push(`import bench: import status ${run.value.value.status}`);
  const written = await pool.query<{ schemes: number; months: number }>(
    `SELECT count(DISTINCT s.id)::int AS schemes, count(m.*)::int AS months
     FROM scheme s LEFT JOIN scheme_month m ON m.scheme_id = s.id WHERE s.code LIKE $1`,
    [`${tag}-%`],
  );
  const { schemes, months } = written.rows[0]!;
  if (schemes !== options.schemes || months !== options.schemes * 12)
    failures.push(`import bench: ${schemes} schemes and ${months} months written`);
  const alongside = whileImported ? [await whileImported()] : [];
  await pool.query(
    `WITH gone AS (SELECT id FROM scheme WHERE code LIKE $1)
     DELETE FROM scheme_stage_import WHERE scheme_id IN (SELECT id FROM gone)`,
    [`${tag}-%`],
  );
  await pool.query(`DELETE FROM scheme_month WHERE scheme_id IN (SELECT id FROM scheme WHERE code LIKE $1)`, [
    `${tag}-%`,
  ]);
  await pool.query(`DELETE FROM scheme WHERE code LIKE $1`, [`${tag}-%`]);
  const note = `${options.schemes.toLocaleString("en-GB")} schemes, ${(options.schemes * 12).toLocaleString("en-GB")} months, ${size}`;
  const rows: Measured[] = [
    {
      name: `Excel import preview (read + validate + plan, ${finance.code})`,
      samples: [preview.value.ms],
      note: `${note}; peak RSS ${preview.peakMb} MB (${preview.startMb} MB before); ${previewSpans.text()}`,
    },
    {
      name: "Excel import (read + validate + plan again + write, one transaction)",
      samples: [run.value.ms],
      target: "<=15 s",
      met: preview.value.ms + run.value.ms <= 15_000,
      note: `${note}; peak RSS ${run.peakMb} MB (${run.startMb} MB before); ${runSpans.text()}; the target is judged on preview + import`,
    },
  ];
  return { rows: [...rows, ...alongside], failures };
}

/** The whole year's register, every stage and category (with the import's schemes when run beside it). */
export async function benchRegisterExport(pmo: Actor, options: ImportBenchOptions): Promise<Measured> {
  const query = parseSchemeRegisterQuery({ year: String(options.year) }, options.now);
  const rows = await findSchemesForExport(pmo, query, options.now);
  let peak = 0;
  const m = await measure(options.runs, options.warmup, async () => {
    const r = await peakMemory(async () =>
      schemeRegisterXlsx(await findSchemesForExport(pmo, query, options.now), options.year),
    );
    peak = Math.max(peak, r.peakMb);
  });
  return {
    name: "register export to .xlsx (whole system, the year's whole register)",
    ...m,
    target: "<=3 s",
    met: [...m.samples].sort((a, b) => a - b)[Math.floor(m.samples.length / 2)]! <= 3_000,
    note: `${rows.length.toLocaleString("en-GB")} schemes; peak RSS ${peak} MB`,
  };
}
