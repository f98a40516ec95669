import net from "node:net";
import { expect, test } from "@playwright/test";
import { DEMO, signIn } from "./support/auth";
import { startAppInstance, type AppInstance } from "./support/app-instance";
import { E2E_APP_ROLE, E2E_DATABASE, E2E_OUTAGE_PORT, databaseUrl } from "./support/env";

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
let app: AppInstance | undefined;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  await proxy.open();
  app = await startAppInstance({
    port: APP_PORT,
    env: {
      DATABASE_URL: databaseUrl(E2E_DATABASE, { host: "127.0.0.1", port: proxy.port, role: E2E_APP_ROLE }),
      DATABASE_POOL_MAX: "2",
    },
  });
});

test.afterEach(async ({}, testInfo) => {
  if (testInfo.status !== testInfo.expectedStatus)
    await testInfo.attach("next-start-output.txt", { body: app?.output() ?? "", contentType: "text/plain" });
});

test.afterAll(async () => {
  await app?.stop();
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
  if (process.env.E2E_DEBUG) console.log(app?.output());
});
