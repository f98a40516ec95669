import { percentile, type Measured } from "./timing";
import type { ConcurrencyResult } from "./concurrency";

/** The bench's one table (and the concurrency lines under it), as plain text. */

const ms = (n: number | undefined) => (n === undefined || Number.isNaN(n) ? "" : n.toFixed(1));

export function timingTable(rows: readonly Measured[], runs: number): string {
  const header = ["operation", "p50 ms", "p95 ms", "SQL p50", "SQL p95", "app/SQL", "target", "result"];
  const body = rows.map((r) => {
    const p50 = percentile(r.samples, 50);
    const sql50 = r.sqlSamples ? percentile(r.sqlSamples, 50) : undefined;
    return [
      r.name,
      ms(p50),
      ms(percentile(r.samples, 95)),
      ms(sql50),
      r.sqlSamples ? ms(percentile(r.sqlSamples, 95)) : "",
      sql50 ? `${(p50 / sql50).toFixed(2)}x` : "",
      r.target ?? "",
      r.met === undefined ? "" : r.met ? "met" : "MISSED",
    ];
  });
  const notes = rows.filter((r) => r.note).map((r) => `  ${r.name.trim()}: ${r.note}`);
  return `${table(header, body, [1, 2, 3, 4, 5])}\n(${runs} measured runs per operation after warm-up, unless the row's note says once; p50/p95 nearest-rank; app/SQL = p50 ratio)${notes.length ? `\n${notes.join("\n")}` : ""}`;
}

export function concurrencyTable(results: readonly ConcurrencyResult[]): string {
  const header = [
    "concurrent saves",
    "savers",
    "attempts",
    "accepted",
    "conflicts",
    "errors",
    "wall ms",
    "saves/s",
    "lost updates",
  ];
  const body = results.map((r) => [
    r.name,
    String(r.savers),
    String(r.attempts),
    String(r.accepted),
    String(r.conflicts),
    String(r.errors),
    ms(r.wallMs),
    r.throughput.toFixed(0),
    r.problems.length === 0 ? "none" : `PROBLEM (${r.problems.length})`,
  ]);
  return table(header, body, [1, 2, 3, 4, 5, 6, 7]);
}

function table(header: string[], body: string[][], rightAligned: number[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (rightAligned.includes(i) ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join("  ")
      .trimEnd();
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...body.map(line)].join("\n");
}
