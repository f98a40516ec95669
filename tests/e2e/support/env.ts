import os from "node:os";
import path from "node:path";

/**
 * Shared settings of the end-to-end run: used by playwright.config.ts, scripts/e2e-server.ts
 * and the tests that start their own app instance (outage.spec.ts).
 */
// Overridable so two suites (e.g. a developer's and a CI check on one machine) can run at once.
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);
/** Port of the outage test's own app instance. */
export const E2E_OUTAGE_PORT = E2E_PORT + 1;
/** The SSO test's own app instance (OIDC_* set), its OpenID Connect provider and a second, foreign one. */
export const E2E_SSO_PORT = E2E_PORT + 2;
export const E2E_IDP_PORT = E2E_PORT + 3;
export const E2E_OTHER_IDP_PORT = E2E_PORT + 4;
export const E2E_BASE_URL = `http://localhost:${E2E_PORT}`;

/**
 * Where scripts/e2e-server.ts puts its private copy of the build, so that a rebuild during
 * the run does not change the app under test. outage.spec.ts starts its own server from it.
 */
export const E2E_APP_DIR = path.join(os.tmpdir(), `recovery-tracker-e2e-app-${E2E_PORT}`);

/** The throwaway database the e2e server drops and recreates on every start. */
export const E2E_DATABASE = process.env.E2E_DATABASE ?? "recovery_tracker_e2e";

/** Test-only signing secret (48 characters). Never used outside the e2e run. */
export const E2E_NEXTAUTH_SECRET = "e2e-test-only-secret-never-use-in-production-012";

/** The local PostgreSQL server the e2e database is created on. */
export function adminDatabaseUrl(): string {
  return process.env.TEST_DATABASE_ADMIN_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
}

const LOCAL_HOSTS = new Set(["127.0.0.1", "localhost", "::1", "[::1]"]);

/** Refuses anything but a PostgreSQL on this machine: the e2e run drops its database. */
export function assertLocalDatabase(url: string): URL {
  const parsed = new URL(url);
  if (!/^postgres(ql)?:$/.test(parsed.protocol)) throw new Error(`Not a PostgreSQL URL: ${parsed.protocol}`);
  if (!LOCAL_HOSTS.has(parsed.hostname)) {
    throw new Error(
      `Refusing to use the database server at "${parsed.hostname}": end-to-end tests drop and recreate databases, so only a local server is allowed.`,
    );
  }
  return parsed;
}

/**
 * The app under test connects as a least-privilege role, as in production: the e2e server
 * migrates as the admin URL's user (MIGRATION_DATABASE_URL), which creates this role.
 */
export const E2E_APP_ROLE = { user: "rt_e2e_app", password: "rt-e2e-app-local-only" };

/**
 * The URL of `database` on the same server as the admin URL (same host and port; the admin's
 * user unless `role` is given).
 */
export function databaseUrl(
  database: string,
  options: { host?: string; port?: number; role?: { user: string; password: string } } = {},
): string {
  const url = assertLocalDatabase(adminDatabaseUrl());
  if (options.host) url.hostname = options.host;
  if (options.port) url.port = String(options.port);
  if (options.role) {
    url.username = options.role.user;
    url.password = options.role.password;
  }
  url.pathname = `/${database}`;
  return url.toString();
}
