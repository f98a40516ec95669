import nodemailer, { type Transporter } from "nodemailer";
import { env } from "@/env";

/**
 * Outgoing email over SMTP, configured by environment (SMTP_HOST, SMTP_PORT, SMTP_SECURE,
 * SMTP_USER, SMTP_PASSWORD, SMTP_FROM). No SMTP_HOST: the app notifies in-app only and the
 * admin page says so.
 */
export interface Mailer {
  transport: Pick<Transporter, "sendMail">;
  from: string;
  /** Where links in emails point: the app's public address. */
  appUrl: string;
  /** Signs the preferences links. */
  secret: string;
  description: string;
}

export function smtpDescription(): string | null {
  const e = env();
  if (!e.SMTP_HOST) return null;
  return `${e.SMTP_HOST}:${e.SMTP_PORT} (${e.SMTP_SECURE ? "TLS" : "STARTTLS when offered"}${e.SMTP_USER ? `, as ${e.SMTP_USER}` : ""}), from ${e.SMTP_FROM}`;
}

export function mailerFromEnv(): Mailer | null {
  const e = env();
  const description = smtpDescription();
  if (!e.SMTP_HOST || !description || !e.NEXTAUTH_SECRET) return null;
  const transport = nodemailer.createTransport({
    host: e.SMTP_HOST,
    port: e.SMTP_PORT,
    secure: e.SMTP_SECURE,
    auth: e.SMTP_USER ? { user: e.SMTP_USER, pass: e.SMTP_PASSWORD ?? "" } : undefined,
    // A server that is down or slow must not hold the job: fail fast and retry later.
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  });
  return {
    transport,
    from: e.SMTP_FROM,
    appUrl: e.NEXTAUTH_URL ?? "http://localhost:3000",
    secret: e.NEXTAUTH_SECRET,
    description,
  };
}
