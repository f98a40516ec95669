import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { E2E_APP_DIR, E2E_NEXTAUTH_SECRET } from "./env";

/**
 * A second `next start` of the built app for a test that needs other settings than the main
 * e2e server (outage.spec.ts: a database behind a proxy; sso.spec.ts: OIDC_* set). It runs the
 * same build (the e2e server's private copy, or the project's own .next) in its own process group.
 */
export interface AppInstance {
  url: string;
  /** Everything the app printed so far (next-auth logs its refusals here). */
  output(): string;
  stop(): Promise<void>;
}

export async function startAppInstance(options: {
  port: number;
  env: Record<string, string>;
  timeoutMs?: number;
}): Promise<AppInstance> {
  const url = `http://localhost:${options.port}`;
  const cwd = existsSync(path.join(E2E_APP_DIR, ".next", "BUILD_ID")) ? E2E_APP_DIR : process.cwd();
  let output = "";
  const child = spawn("npx", ["next", "start", "-p", String(options.port)], {
    cwd,
    detached: true, // own process group, so stop() reaches next-server too
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      NEXTAUTH_SECRET: E2E_NEXTAUTH_SECRET,
      NEXTAUTH_URL: url,
      NEXT_TELEMETRY_DISABLED: "1",
      PORT: String(options.port),
      ...options.env,
    },
  });
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const instance: AppInstance = { url, output: () => output, stop: () => stopGroup(child) };
  try {
    await waitForHealth(child, `${url}/api/health`, options.timeoutMs ?? 60_000, () => output);
  } catch (error) {
    await instance.stop();
    throw error;
  }
  return instance;
}

async function waitForHealth(child: ChildProcess, url: string, timeoutMs: number, output: () => string) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}:\n${output()}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`next start did not answer ${url} within ${timeoutMs} ms:\n${output()}`);
}

/** `npx` does not pass signals on to next-server: signal the whole process group, then wait for it to go. */
async function stopGroup(child: ChildProcess): Promise<void> {
  const pid = child.pid;
  if (!pid || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-pid, signal);
    } catch {
      // already gone
    }
  };
  signalGroup("SIGTERM");
  const timer = setTimeout(() => signalGroup("SIGKILL"), 10_000);
  await exited;
  // npx may exit before next-server: wait for the group to be gone.
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    try {
      process.kill(-pid, 0);
    } catch {
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
    if (Date.now() > deadline - 5_000) signalGroup("SIGKILL");
  }
  clearTimeout(timer);
}
