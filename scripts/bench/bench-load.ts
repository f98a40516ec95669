/**
 * `npm run bench:load`: HTTP under load (issue 19 items 3 and 4), not part of CI. Against the
 * built app (`npm run build` first) on the bench database (`npm run bench:data`, scale 1): 50
 * signed-in users (finance, board members, leads; signed in through the credentials flow) for
 * 60 s, a mix of page views and monthly-update saves (the scheme page's form, posted to its
 * server action as React's client posts it: load/server-action.ts), autocannon on 127.0.0.1
 * only, bounded in time (at most 300 s) and in requests (at most 100,000 per page). Prints requests/s, p50/p95/p99 per page,
 * errors (must be 0: the run fails otherwise) and each instance's peak memory; checks that
 * every confirmed save is stored.
 *
 *   --instances 2     two app instances behind HAProxy (Debian's package), one database; then
 *                     also checks that nothing depends on the instance (see load/instances-agree.ts)
 *   --seconds 60      length of the run (1-300)
 *   --users 50        signed-in users (the mix is scaled to this; 6-200)
 *   --port 3900       the (first) app instance's port; a second instance takes the next one
 *   --balancer-port   HAProxy's port with --instances 2 (default: --port + 50)
 */
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import path from "node:path";
import pg from "pg";
import { benchDatabaseUrl, redact } from "./lib/bench-database";
import { numberOption } from "./lib/options";
import { machineCpuTicks, startInstance, type AppInstance } from "./load/app-instances";
import { startHaproxy } from "./load/haproxy";
import { API_LIMIT, instancesAgree } from "./load/instances-agree";
import { loadReport } from "./load/load-report";
import { runLoad } from "./load/run-load";
import { serverActionId } from "./load/server-action";
import { loadUsers } from "./load/scenario";
import { signIn } from "./load/sign-in";
import { BENCH_PASSWORD } from "./data/users";

const url = benchDatabaseUrl();
const instances = numberOption("instances", 1);
const seconds = numberOption("seconds", 60);
const users = numberOption("users", 50);
const port = numberOption("port", 3900);
const balancerPort = numberOption("balancer-port", port + 50);
if (instances !== 1 && instances !== 2) throw new Error("--instances is 1 or 2");
if (!(seconds >= 1 && seconds <= 300)) throw new Error("--seconds is 1 to 300");
if (!(users >= 6 && users <= 200)) throw new Error("--users is 6 to 200");
const MAX_REQUESTS_PER_PAGE = 100_000;
if (!existsSync(path.join(".next", "BUILD_ID"))) throw new Error("No build: run `npm run build` first.");

const pool = new pg.Pool({ connectionString: url, max: 2 });
const schemes = Number((await pool.query("SELECT count(*) FROM scheme")).rows[0].count);
if (!schemes) throw new Error("The bench database has no schemes: run `npm run bench:data` first.");
const pages = await loadUsers(pool, users / 50);
const tag = `load run ${new Date().toISOString()}`;
const appPorts = instances === 1 ? [port] : [port, port + 1];
const publicUrl = `http://127.0.0.1:${instances === 1 ? port : balancerPort}`;
// The ids of this build's actions, posted as the browser posts them.
const saveActionId = serverActionId(
  "submitMonthlyUpdateAction",
  "src/modules/schemes/financials/financials-actions.ts",
);
const decideActionId = serverActionId("decideGatewayAction", "src/modules/gateways/gateway-actions.ts");
const secret = randomBytes(32).toString("hex");
console.log(
  `Load: ${redact(url)} (${schemes.toLocaleString("en-GB")} schemes), ${instances} instance(s)${instances === 2 ? " behind HAProxy" : ""}, ` +
    `${pages.reduce((n, p) => n + p.connections, 0)} users for ${seconds} s; ${cpus().length} cores, load average ${loadavg()[0]!.toFixed(2)}`,
);

const apps: AppInstance[] = [];
let balancer: { stop: () => Promise<void> } | undefined;
let failed = false;
try {
  // A pool per instance that leaves the database room for both (and the bench's own client).
  for (const p of appPorts)
    apps.push(
      await startInstance({
        port: p,
        databaseUrl: url,
        publicUrl,
        secret,
        poolMax: 10,
        env: { API_RATE_LIMIT_PER_MINUTE: String(API_LIMIT) },
      }),
    );
  if (instances === 2) balancer = await startHaproxy(balancerPort, appPorts);

  // Sign-ins are not timed: a few at a time (bcrypt is meant to be slow).
  const cookies = new Map<string, string>();
  const everyone = [...new Set(pages.flatMap((p) => p.users.map((u) => u.email)))];
  for (let i = 0; i < everyone.length; i += 5)
    await Promise.all(
      everyone.slice(i, i + 5).map(async (email) => cookies.set(email, await signIn(publicUrl, email, BENCH_PASSWORD))),
    );
  console.log(`  ${cookies.size} users signed in; warming up each instance ...`);
  // Untimed: a fresh `next start` loads each route's modules on its first requests (seconds
  // each on a busy machine), so every instance serves every page a few times first, then the
  // mix (saves too) runs briefly through the front.
  for (const p of appPorts)
    for (const page of pages)
      for (let i = 0; i < 3; i++) {
        const user = page.users[i % page.users.length]!;
        const r = await fetch(`http://127.0.0.1:${p}${page.path(user)}`, {
          headers: { cookie: cookies.get(user.email)! },
        });
        await r.arrayBuffer();
        if (!r.ok) throw new Error(`warm-up: ${page.name} on ${p} gave HTTP ${r.status}`);
      }
  await runLoad({
    baseUrl: publicUrl,
    pages: pages.map((p) => ({ ...p, connections: 1 })),
    cookies,
    seconds: 5,
    maxRequestsPerPage: 20,
    saveActionId,
    // Not counted with the run's saves (their commentary starts with `tag`).
    tag: `warm-up ${tag}`,
  });

  const cpuBefore = apps.map((a) => a.cpuSeconds());
  const machineBefore = machineCpuTicks();
  const started = performance.now();
  const results = await runLoad({
    baseUrl: publicUrl,
    pages,
    cookies,
    seconds,
    maxRequestsPerPage: MAX_REQUESTS_PER_PAGE,
    saveActionId,
    tag,
  });
  const elapsed = (performance.now() - started) / 1000;
  const machineAfter = machineCpuTicks();
  const cpu = {
    // Cores each instance kept busy on average, and the machine's busy share (others' work included).
    instanceCores: apps.map((a, i) => (a.cpuSeconds() - cpuBefore[i]!) / elapsed),
    machineBusy: (machineAfter.busy - machineBefore.busy) / (machineAfter.total - machineBefore.total),
  };
  const stored = Number(
    (await pool.query("SELECT count(*) FROM monthly_update WHERE commentary LIKE $1 || ' %'", [tag])).rows[0].count,
  );
  const report = loadReport(results, elapsed, apps, stored, cpu);
  console.log(`\n${report.text}`);
  const agreement =
    instances === 2 ? await instancesAgree({ pool, appPorts, publicUrl, pages, cookies, decideActionId }) : null;
  if (agreement) console.log(`\n${agreement.text}`);

  mkdirSync("bench-results", { recursive: true });
  const file = path.join("bench-results", `load-${instances}-${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
  writeFileSync(
    file,
    JSON.stringify(
      {
        at: new Date().toISOString(),
        instances,
        requestedSeconds: seconds,
        ...report.json,
        agreement: agreement?.json,
      },
      null,
      2,
    ),
  );
  console.log(`\nRaw figures: ${file}; load average at the end ${loadavg()[0]!.toFixed(2)}`);
  const problems = [...report.problems, ...(agreement?.problems ?? [])];
  if (problems.length > 0) {
    failed = true;
    console.error(`\nFAILED:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
  }
} finally {
  await balancer?.stop();
  for (const app of apps) await app.stop();
  await pool.end();
}
if (failed) process.exit(1);
