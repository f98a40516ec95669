import { cpus } from "node:os";
import { percentile } from "../measure/timing";
import type { AppInstance } from "./app-instances";
import type { PageResult } from "./run-load";

/** The load run's table: per page requests, requests/s, p50/p95/p99 and errors; memory; checks. */
export function loadReport(
  results: PageResult[],
  seconds: number,
  apps: AppInstance[],
  storedSaves: number,
  cpu: { instanceCores: number[]; machineBusy: number },
) {
  const problems: string[] = [];
  const ms = (n: number) => (Number.isNaN(n) ? "" : n.toFixed(0));
  const rows = results.map((r) => [
    r.name,
    String(r.requests),
    (r.requests / seconds).toFixed(1),
    ms(percentile(r.latencies, 50)),
    ms(percentile(r.latencies, 95)),
    ms(percentile(r.latencies, 99)),
    String(r.errors),
  ]);
  const all = results.flatMap((r) => r.latencies);
  const requests = results.reduce((n, r) => n + r.requests, 0);
  const errors = results.reduce((n, r) => n + r.errors, 0);
  rows.push([
    "all requests",
    String(requests),
    (requests / seconds).toFixed(1),
    ms(percentile(all, 50)),
    ms(percentile(all, 95)),
    ms(percentile(all, 99)),
    String(errors),
  ]);
  for (const r of results) for (const p of r.problems) problems.push(`${r.name}: ${p}`);
  if (errors > 0) problems.push(`${errors} errors (must be 0)`);
  const saves = results.filter((r) => r.name.includes(": save"));
  const confirmed = saves.reduce((n, r) => n + r.requests - r.errors, 0);
  const inFlight = saves.reduce((n, r) => n + r.sent - r.requests, 0);
  // Every confirmed save is stored; the only others stored may be those still in flight at the end.
  if (storedSaves < confirmed || storedSaves > confirmed + inFlight)
    problems.push(`${confirmed} saves confirmed and ${inFlight} in flight at the end, but ${storedSaves} stored`);
  const header = ["page (GET unless said)", "requests", "req/s", "p50 ms", "p95 ms", "p99 ms", "errors"];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
  const memory = apps
    .map(
      (a, i) =>
        `instance on ${a.port}: peak RSS ${(a.peakRss() / 2 ** 20).toFixed(0)} MiB, CPU ${cpu.instanceCores[i]!.toFixed(2)} cores`,
    )
    .join("; ");
  const served = new Map<string, number>();
  for (const r of results) for (const [k, v] of r.servedBy) served.set(k, (served.get(k) ?? 0) + v);
  const text = [
    line(header),
    widths.map((w) => "-".repeat(w)).join("  "),
    ...rows.map(line),
    `(${seconds.toFixed(1)} s; latency = request written to response read, per request)`,
    `Memory and CPU: ${memory}; the machine's ${cpus().length} cores ${(cpu.machineBusy * 100).toFixed(0)}% busy (all processes)`,
    ...(served.size > 0 ? [`Served by: ${[...served].map(([k, v]) => `${k} ${v}`).join(", ")}`] : []),
    `Saves: ${confirmed} confirmed, ${storedSaves} stored in monthly_update (${inFlight} still in flight when the run stopped)`,
  ].join("\n");
  return {
    text,
    problems,
    json: {
      seconds,
      pages: results.map((r) => ({
        name: r.name,
        requests: r.requests,
        perSecond: r.requests / seconds,
        p50: percentile(r.latencies, 50),
        p95: percentile(r.latencies, 95),
        p99: percentile(r.latencies, 99),
        errors: r.errors,
        problems: r.problems,
        servedBy: Object.fromEntries(r.servedBy),
      })),
      requests,
      perSecond: requests / seconds,
      errors,
      peakRssBytes: apps.map((a) => ({ port: a.port, bytes: a.peakRss() })),
      cpu,
      confirmedSaves: confirmed,
      storedSaves,
    },
  };
}
