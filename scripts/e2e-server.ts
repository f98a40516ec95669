/**
 * The web server of the end-to-end tests (playwright.config.ts starts it):
 * drops and recreates the database `recovery_tracker_e2e` on the local PostgreSQL, then
 * runs scripts/start.ts against it (migrations as the admin user, which creates the app's
 * least-privilege role; demo data and `next start` on port 3100 as that role).
 * Refuses any database server that is not on this machine.
 *
 * The app runs from a private copy of the build (E2E_APP_DIR): a `next build` started while
 * the tests run (another terminal, an editor) replaces .next, which would otherwise pull
 * the pages from under the running server.
 *
 * Usage: tsx scripts/e2e-server.ts   (after `npm run build`)
 * TEST_DATABASE_ADMIN_URL: the local server (default postgresql://postgres@127.0.0.1:5432/postgres).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import {
  E2E_APP_DIR,
  E2E_APP_ROLE,
  E2E_BASE_URL,
  E2E_DATABASE,
  E2E_NEXTAUTH_SECRET,
  E2E_PORT,
  adminDatabaseUrl,
  assertLocalDatabase,
  databaseUrl,
} from "../tests/e2e/support/env";

let app: ChildProcess | undefined = undefined; // set once the database is ready
let stopping = false;

/** True while any process of the app's process group is alive. */
function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * The app runs in its own process group: `npx next start` does not pass signals on to
 * next-server, so the signal goes to every process of the group, and whatever is still
 * running after 15 s is killed. We exit once the whole group has gone.
 */
function onSignal(signal: NodeJS.Signals) {
  if (stopping) return;
  stopping = true;
  const pid = app?.pid;
  if (!pid || !groupAlive(pid)) process.exit(0);
  process.kill(-pid, signal);
  const deadline = Date.now() + 15_000;
  const timer = setInterval(() => {
    if (!groupAlive(pid)) {
      clearInterval(timer);
      rmSync(E2E_APP_DIR, { recursive: true, force: true });
      process.exit(0);
    }
    if (Date.now() > deadline) {
      console.error("[e2e-server] the app did not stop in 15 s: killing it");
      process.kill(-pid, "SIGKILL");
    }
  }, 100);
}
process.on("SIGINT", () => onSignal("SIGINT"));
process.on("SIGTERM", () => onSignal("SIGTERM"));
process.on("SIGHUP", () => onSignal("SIGTERM"));

async function recreateDatabase(): Promise<void> {
  const adminUrl = adminDatabaseUrl();
  assertLocalDatabase(adminUrl);
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    // FORCE ends connections left over from an earlier run (PostgreSQL 13+).
    await client.query(`DROP DATABASE IF EXISTS "${E2E_DATABASE}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${E2E_DATABASE}"`);
  } finally {
    await client.end();
  }
}

function buildId(dir: string): string | undefined {
  const file = path.join(dir, ".next", "BUILD_ID");
  return existsSync(file) ? readFileSync(file, "utf8").trim() : undefined;
}

/** Copies the finished build (without its cache) next to links to the rest of the project. */
async function snapshotBuild(root: string): Promise<void> {
  const deadline = Date.now() + 120_000;
  for (;;) {
    const before = buildId(root);
    if (before) {
      rmSync(E2E_APP_DIR, { recursive: true, force: true });
      mkdirSync(E2E_APP_DIR, { recursive: true });
      cpSync(path.join(root, ".next"), path.join(E2E_APP_DIR, ".next"), {
        recursive: true,
        verbatimSymlinks: true,
        filter: (source) => path.relative(path.join(root, ".next"), source) !== "cache",
      });
      // Unchanged during the copy: not a build that started meanwhile.
      if (buildId(root) === before && buildId(E2E_APP_DIR) === before) break;
    }
    if (Date.now() > deadline)
      throw new Error("No finished build in .next: run `npm run build` first (or wait for the build in progress).");
    console.log("[e2e-server] waiting for the build in .next to finish");
    await new Promise((resolve) => setTimeout(resolve, 2_000));
  }
  for (const entry of [
    "node_modules",
    "package.json",
    "next.config.js",
    "tsconfig.json",
    "public",
    "src",
    "scripts",
    "prisma",
    "prisma.config.ts",
  ]) {
    if (existsSync(path.join(root, entry))) symlinkSync(path.join(root, entry), path.join(E2E_APP_DIR, entry));
  }
}

const root = process.cwd();
const started = Date.now();
await snapshotBuild(root);
console.log(`[e2e-server] build ${buildId(E2E_APP_DIR)} copied to ${E2E_APP_DIR} in ${Date.now() - started} ms`);
await recreateDatabase();
console.log(`[e2e-server] database ${E2E_DATABASE} recreated in ${Date.now() - started} ms`);
if (stopping) process.exit(0);

const tsx = path.join(root, "node_modules", ".bin", "tsx");
app = spawn(tsx, ["scripts/start.ts"], {
  cwd: E2E_APP_DIR,
  stdio: "inherit",
  detached: true, // its own process group, see onSignal
  env: {
    ...process.env,
    MIGRATION_DATABASE_URL: databaseUrl(E2E_DATABASE),
    DATABASE_URL: databaseUrl(E2E_DATABASE, { role: E2E_APP_ROLE }),
    SEED_DEMO: "true",
    PORT: String(E2E_PORT),
    NEXTAUTH_SECRET: E2E_NEXTAUTH_SECRET,
    NEXTAUTH_URL: E2E_BASE_URL,
    NEXT_TELEMETRY_DISABLED: "1",
  },
});
app.on("exit", (code, signal) => {
  if (stopping) return; // onSignal exits once the whole group has gone
  console.error(`[e2e-server] the app stopped (${signal ?? `exit code ${code}`})`);
  if (app?.pid && groupAlive(app.pid)) process.kill(-app.pid, "SIGKILL");
  process.exit(code ?? 1);
});
