import { Prisma } from "@/generated/prisma/client";
import type { NotificationKind } from "@/generated/prisma/enums";
import { startOfUtcDay } from "@/lib/dates";
import { db } from "@/server/db";
import type { Mailer } from "@/server/mail/mailer";
import { renderDigest, type DigestItem } from "./digest-content";
import { inDigest, type DigestFrequency, type EmailCategory } from "./email-categories";
import { preferencesToken } from "./preferences-token";

export const MAX_SEND_ATTEMPTS = 3;

export interface DigestRunReport {
  /** Digests written for today (one per person with something to send). */
  created: number;
  sent: number;
  /** Refused or unreachable, to be retried with backoff. */
  retrying: number;
  /** Given up after MAX_SEND_ATTEMPTS. */
  failed: number;
  ms: number;
}

type StoredItem = DigestItem & { kind: NotificationKind };

/**
 * The daily email: one digest per person per day holding their current notifications (as their
 * category preferences allow). Each digest row is written first, unique per person and day, then
 * claimed with SKIP LOCKED before it is sent, so two workers never send one twice; a failed send
 * is retried with backoff (2, 4 minutes ...) and then recorded as failed, never blocking the app.
 */
export async function sendDigests(mailer: Mailer, options: { now?: Date } = {}): Promise<DigestRunReport> {
  const started = performance.now();
  const now = options.now ?? new Date();
  const today = startOfUtcDay(now);
  const created = await createTodaysDigests(today, now);
  const claimed = await db().$queryRaw<
    { id: string; toAddress: string; name: string; userId: string; items: StoredItem[]; attempts: number }[]
  >`
    UPDATE email_digest d SET status = 'SENDING', attempts = d.attempts + 1, next_attempt_at = ${now}
    FROM app_user u
    WHERE u.id = d.user_id AND u.active AND d.id IN (
      SELECT id FROM email_digest
      WHERE (status = 'PENDING' AND next_attempt_at <= ${now})
         OR (status = 'SENDING' AND next_attempt_at < ${now}::timestamptz - interval '30 minutes')
      ORDER BY next_attempt_at
      FOR UPDATE SKIP LOCKED
      LIMIT 1000
    )
    RETURNING d.id, d.to_address AS "toAddress", u.name, d.user_id AS "userId", d.items, d.attempts`;
  let sent = 0;
  let retrying = 0;
  let failed = 0;
  for (const digest of claimed) {
    const content = renderDigest({
      name: digest.name,
      today,
      items: digest.items,
      appUrl: mailer.appUrl,
      preferencesUrl: `${mailer.appUrl.replace(/\/$/, "")}/notifications/preferences?token=${encodeURIComponent(
        preferencesToken(digest.userId, mailer.secret),
      )}`,
    });
    try {
      await mailer.transport.sendMail({ from: mailer.from, to: digest.toAddress, ...content });
      await db().emailDigest.update({
        where: { id: digest.id },
        data: { status: "SENT", sentAt: new Date(), lastError: null },
      });
      sent += 1;
    } catch (error) {
      const message = (error instanceof Error ? error.message : String(error)).slice(0, 500);
      const giveUp = digest.attempts >= MAX_SEND_ATTEMPTS;
      await db().emailDigest.update({
        where: { id: digest.id },
        data: {
          status: giveUp ? "FAILED" : "PENDING",
          lastError: message,
          nextAttemptAt: new Date(now.getTime() + 2 ** digest.attempts * 60_000),
        },
      });
      if (giveUp) failed += 1;
      else retrying += 1;
    }
  }
  return { created, sent, retrying, failed, ms: Math.round(performance.now() - started) };
}

/** Writes today's digest for each active person with an address and something to send; existing ones stay. */
async function createTodaysDigests(today: Date, now: Date): Promise<number> {
  const rows = await db().$queryRaw<
    { userId: string; email: string; kind: NotificationKind; title: string; detail: string | null; href: string }[]
  >`
    SELECT n.user_id AS "userId", u.email, n.kind, n.title, n.detail, n.href
    FROM notification n JOIN app_user u ON u.id = n.user_id
    WHERE u.active AND position('@' IN u.email) > 1
      AND NOT EXISTS (SELECT 1 FROM email_digest d WHERE d.user_id = n.user_id AND d.digest_date = ${today}::date)
    ORDER BY n.user_id, coalesce(n.due_on::timestamptz, n.waiting_since, n.created_at), n.title`;
  if (rows.length === 0) return 0;
  const preferences = await db().emailPreference.findMany({
    where: { userId: { in: [...new Set(rows.map((r) => r.userId))] } },
    select: { userId: true, category: true, frequency: true },
  });
  const choices = new Map<string, Partial<Record<EmailCategory, DigestFrequency>>>();
  for (const p of preferences) choices.set(p.userId, { ...choices.get(p.userId), [p.category]: p.frequency });
  const byUser = new Map<string, { email: string; items: StoredItem[] }>();
  for (const r of rows) {
    if (!inDigest(r.kind, today, choices.get(r.userId) ?? {})) continue;
    const entry = byUser.get(r.userId) ?? { email: r.email, items: [] };
    entry.items.push({ kind: r.kind, title: r.title, detail: r.detail, href: r.href });
    byUser.set(r.userId, entry);
  }
  const { count } = await db().emailDigest.createMany({
    data: [...byUser].map(([userId, d]) => ({
      userId,
      digestDate: today,
      toAddress: d.email,
      nextAttemptAt: now,
      items: d.items as unknown as Prisma.InputJsonValue,
    })),
    skipDuplicates: true, // another worker wrote it first: one digest per person per day
  });
  return count;
}
