import { z } from "zod";

/**
 * The validated environment. Nothing else reads process.env (scripts set it before
 * importing app code). Read lazily so `next build` works without a database.
 */
const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.string().url("DATABASE_URL must be a postgresql:// URL").optional(),
  /** Pool size per app instance; 1 on the embedded database, which serves one session. */
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(100).default(10),
  NEXTAUTH_SECRET: z.string().min(32, "NEXTAUTH_SECRET must be at least 32 characters").optional(),
  /** Sessions end this many minutes after sign-in. */
  SESSION_MAX_AGE_MINUTES: z.coerce
    .number()
    .int()
    .min(5)
    .max(7 * 24 * 60)
    .default(8 * 60),
  /** Failed sign-ins per account allowed within the window before it is locked. */
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
  LOGIN_WINDOW_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(15),
  /** The earliest financial year every form and selector offers (2010 = 2010/11). */
  FINANCIAL_YEARS_FROM: z.coerce.number().int().min(1900).max(2999).default(2010),
  /** The latest is the current financial year plus this many. */
  FINANCIAL_YEARS_AHEAD: z.coerce.number().int().min(0).max(50).default(5),
  /** Read API requests per personal token per minute (counted in the database); then 429. */
  API_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(120),
  /** Single sign-on (OpenID Connect, e.g. Entra ID / NHSmail). Unset issuer = password sign-in only. */
  OIDC_ISSUER: z.string().url("OIDC_ISSUER must be the provider's issuer URL").optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  /** The button's wording: "Sign in with <this>". */
  OIDC_PROVIDER_NAME: z.string().min(1).max(60).default("NHSmail / Microsoft"),
  /** Comma-separated email domains allowed to sign in by SSO (empty = any). */
  OIDC_ALLOWED_DOMAINS: z.string().default(""),
  /** Comma-separated Entra tenant ids (`tid`) allowed (empty = any). */
  OIDC_ALLOWED_TENANTS: z.string().default(""),
  /** Require email_verified=true (Entra work accounts do not send it: set false with a tenant restriction). */
  OIDC_REQUIRE_VERIFIED_EMAIL: z
    .enum(["true", "false"])
    .default("true")
    .transform((v) => v === "true"),
  /** Hide the password form when SSO is configured. */
  OIDC_HIDE_PASSWORD_FORM: z
    .enum(["true", "false"])
    .default("false")
    .transform((v) => v === "true"),
  /** Leads may create API tokens only when the administrator turns this on. */
  API_TOKENS_FOR_LEADS: z
    .enum(["true", "false"])
    .default("false")
    .transform((v) => v === "true"),
  /** The app's public address, for links in emails (scripts/start.ts defaults it). */
  NEXTAUTH_URL: z.string().url("NEXTAUTH_URL must be the app's public URL").optional(),
  /** Outgoing email for reminder digests; unset = in-app notifications only. */
  SMTP_HOST: z.string().min(1).optional(),
  SMTP_PORT: z.coerce.number().int().min(1).max(65535).default(587),
  /** true = TLS from the start (port 465); false = STARTTLS when the server offers it. */
  SMTP_SECURE: z
    .enum(["true", "false"])
    .default("false")
    .transform((v) => v === "true"),
  SMTP_USER: z.string().min(1).optional(),
  SMTP_PASSWORD: z.string().optional(),
  SMTP_FROM: z.string().min(3).default("Recovery Tracker <no-reply@localhost>"),
  /** Set by scripts/start.ts when it loads the demo data: only then may anyone's password be the demo's published one. */
  DEMO_DATA: z
    .enum(["true", "false"])
    .default("false")
    .transform((v) => v === "true"),
  /** Set by scripts/start.ts on the embedded database: the app process runs the scheduled jobs itself. */
  JOBS_IN_APP_PROCESS: z
    .enum(["true", "false"])
    .default("false")
    .transform((v) => v === "true"),
});

export type Env = z.infer<typeof envSchema>;

let cached: Env | undefined;

export function env(): Env {
  if (!cached) {
    const parsed = envSchema.safeParse(process.env);
    if (!parsed.success) {
      const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
      throw new Error(`Invalid environment:\n${lines.join("\n")}`);
    }
    cached = parsed.data;
  }
  return cached;
}

export function requireDatabaseUrl(): string {
  const url = env().DATABASE_URL;
  if (!url)
    throw new Error("DATABASE_URL is not set. Start the app with `npm start` (embedded database) or set DATABASE_URL.");
  return url;
}

/** Tests and launch scripts change the environment; drop the cached copy. */
export function resetEnvCache(): void {
  cached = undefined;
}
