import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import net from "node:net";
import { expect, test } from "@playwright/test";
import { DEMO, signIn } from "./support/auth";
import { E2E_APP_DIR, E2E_DATABASE, E2E_NEXTAUTH_SECRET, E2E_OUTAGE_PORT, databaseUrl } from "./support/env";

/**
 * The database goes away under a running app and comes back (DESIGN.md section 7): pages
 * show the error page without internals, and the app recovers without a restart. This test
 * runs its own `next start` (on E2E_PORT + 1) whose database connection goes through a TCP proxy
 * that the test can cut.
 */
test.describe.configure({ mode: "serial" });

const APP_PORT = E2E_OUTAGE_PORT;
const APP_URL = `http://localhost:${APP_PORT}`;
const DB_HOST = "127.0.0.1";
const DB_PORT = 5432;

/** A TCP proxy in front of PostgreSQL that can be closed (dropping every connection) and reopened. */
class DatabaseProxy {
  private server: net.Server | undefined;
  private readonly sockets = new Set<net.Socket>();
  port = 0;

  async open(): Promise<void> {
    const server = net.createServer((client) => {
      const upstream = net.connect(DB_PORT, DB_HOST);
      for (const socket of [client, upstream]) {
        this.sockets.add(socket);
        socket.on("close", () => this.sockets.delete(socket));
        socket.on("error", () => {
          client.destroy();
          upstream.destroy();
        });
      }
      client.pipe(upstream);
      upstream.pipe(client);
    });
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(this.port, "127.0.0.1", () => resolve()); // port 0 the first time, then the same port again
    });
    this.port = (server.address() as net.AddressInfo).port;
    this.server = server;
  }

  async close(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    for (const socket of this.sockets) socket.destroy();
    this.sockets.clear();
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

const proxy = new DatabaseProxy();
let app: ChildProcess | undefined;
let appOutput = "";

async function waitForApp(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (app?.exitCode !== null && app?.exitCode !== undefined)
      throw new Error(`next start exited with ${app.exitCode}:\n${appOutput}`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`next start did not answer ${url} within ${timeoutMs} ms:\n${appOutput}`);
}

async function stopApp(): Promise<void> {
  const child = app;
  app = undefined;
  if (!child?.pid || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  // `npx` does not pass signals on to next-server: signal the whole process group.
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, signal);
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
      process.kill(-child.pid, 0);
    } catch {
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
    if (Date.now() > deadline - 5_000) signalGroup("SIGKILL");
  }
  clearTimeout(timer);
}

test.beforeAll(async () => {
  test.setTimeout(90_000);
  await proxy.open();
  // The same build as the main e2e server (its private copy), or the project's own .next.
  const cwd = existsSync(path.join(E2E_APP_DIR, ".next", "BUILD_ID")) ? E2E_APP_DIR : process.cwd();
  app = spawn("npx", ["next", "start", "-p", String(APP_PORT)], {
    cwd,
    detached: true, // own process group, so stopApp() reaches next-server too
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl(E2E_DATABASE, { host: "127.0.0.1", port: proxy.port }),
      DATABASE_POOL_MAX: "2",
      NEXTAUTH_SECRET: E2E_NEXTAUTH_SECRET,
      NEXTAUTH_URL: APP_URL,
      NEXT_TELEMETRY_DISABLED: "1",
      PORT: String(APP_PORT),
    },
  });
  app.stdout?.on("data", (chunk: Buffer) => (appOutput += chunk.toString()));
  app.stderr?.on("data", (chunk: Buffer) => (appOutput += chunk.toString()));
  await waitForApp(`${APP_URL}/api/health`, 60_000);
});

test.afterEach(async ({}, testInfo) => {
  if (testInfo.status !== testInfo.expectedStatus)
    await testInfo.attach("next-start-output.txt", { body: appOutput, contentType: "text/plain" });
});

test.afterAll(async () => {
  await stopApp();
  await proxy.close();
});

test.use({ baseURL: APP_URL });

test("a database outage shows the error page without internals, and the app recovers", async ({ page }) => {
  await signIn(page, DEMO.finance);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Welcome, Priya Shah");

  await proxy.close();
  expect((await page.request.get("/api/health")).status()).toBe(503);
  await page.reload();
  await expect(page.getByRole("heading", { name: "Sorry, there is a problem with the service" })).toBeVisible();
  const text = await page.locator("body").innerText();
  expect(text).not.toMatch(/^\s*at\s+\S+/m); // stack frames
  expect(text).not.toMatch(/\bat\s+.*\(?[\w./-]+\.(?:js|ts|tsx|mjs|cjs):\d+/); // frames with file positions
  expect(text).not.toMatch(/\w*Error:.*\/[\w.-]+\//); // "Error: ..." naming server paths
  expect(text).not.toMatch(/ECONNREFUSED|ECONNRESET|prisma|node_modules|\.next\//i);
  expect(text).not.toContain("Welcome, Priya Shah");
  expect(await page.content()).not.toContain("ECONNREFUSED");

  await proxy.open();
  expect((await page.request.get("/api/health")).status()).toBe(200);
  await page.reload();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Welcome, Priya Shah");
  await expect(page.getByRole("heading", { name: "Sorry, there is a problem with the service" })).toHaveCount(0);
  if (process.env.E2E_DEBUG) console.log(appOutput);
});
