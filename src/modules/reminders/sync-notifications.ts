import { startOfUtcDay } from "@/lib/dates";
import { db } from "@/server/db";
import { computeNotifications, reportingFinancialMonth, type DesiredNotification } from "./compute-notifications";
import { loadReminderFacts, loadStoredReminderSettings } from "./reminder-facts";

/**
 * A full run holds SYNC_LOCK exclusively; a person's refresh holds it shared plus their own lock,
 * so a full run and a refresh never interleave their writes, while refreshes run side by side.
 */
const SYNC_LOCK = 16_0001;
const SYNC_LOCK_PERSON = 16_0002;

export interface SyncReport {
  /** Notifications that should exist after the run. */
  current: number;
  created: number;
  updated: number;
  /** Deleted because their cause is resolved. */
  removed: number;
  ms: number;
}

/**
 * Makes the notification table match the reminder rules as of `now`: writes what is due,
 * refreshes what changed (a due update becoming overdue is unread again) and deletes what is
 * resolved. For everyone (the scheduled job) or for one person (their notification page).
 * Facts are read inside the transaction after the lock, so they are never older than the writes.
 */
export async function syncNotifications(options: { now?: Date; userId?: string } = {}): Promise<SyncReport> {
  const started = performance.now();
  const today = startOfUtcDay(options.now ?? new Date());
  const userId = options.userId ?? null;
  return db().$transaction(
    async (tx) => {
      if (userId) {
        // People refresh their own lists side by side; only a full run waits for them all.
        await tx.$executeRaw`SELECT pg_advisory_xact_lock_shared(${SYNC_LOCK}::bigint)`;
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(${SYNC_LOCK_PERSON}::int, hashtext(${userId}))`;
      } else {
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(${SYNC_LOCK}::bigint)`;
      }
      const facts = await loadReminderFacts(tx, { today, ...reportingFinancialMonth(today), userId: options.userId });
      const settings = await loadStoredReminderSettings(tx);
      const desired = computeNotifications(today, facts, settings).filter((n) => !userId || n.userId === userId);
      const rows = uniqueByCause(desired);
      const column = <K extends keyof DesiredNotification>(key: K) => rows.map((r) => r[key]);
      const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);
      const written = await tx.$queryRaw<{ inserted: boolean }[]>`
        INSERT INTO notification AS n (user_id, organisation_id, kind, cause_key, title, detail, href, due_on, waiting_since)
        SELECT * FROM unnest(
          ${column("userId")}::uuid[], ${column("organisationId")}::uuid[], ${column("kind")}::notification_kind[],
          ${column("causeKey")}::text[], ${column("title")}::text[], ${column("detail")}::text[], ${column("href")}::text[],
          ${rows.map((r) => day(r.dueOn))}::date[], ${rows.map((r) => r.waitingSince?.toISOString() ?? null)}::timestamptz[]
        )
        ON CONFLICT (user_id, cause_key) DO UPDATE SET
          organisation_id = EXCLUDED.organisation_id, kind = EXCLUDED.kind, title = EXCLUDED.title,
          detail = EXCLUDED.detail, href = EXCLUDED.href, due_on = EXCLUDED.due_on, waiting_since = EXCLUDED.waiting_since,
          read_at = CASE WHEN n.kind = EXCLUDED.kind THEN n.read_at END,
          updated_at = now()
        WHERE (n.organisation_id, n.kind, n.title, n.detail, n.href, n.due_on, n.waiting_since)
          IS DISTINCT FROM (EXCLUDED.organisation_id, EXCLUDED.kind, EXCLUDED.title, EXCLUDED.detail, EXCLUDED.href,
                            EXCLUDED.due_on, EXCLUDED.waiting_since)
        RETURNING (xmax = 0) AS inserted`;
      const removed = await tx.$executeRaw`
        DELETE FROM notification n
        WHERE (${userId}::uuid IS NULL OR n.user_id = ${userId}::uuid)
          -- A mention is written by the comment, not by the reminder rules: only reading it clears it.
          AND n.kind <> 'MENTION'
          AND NOT EXISTS (
            SELECT 1 FROM unnest(${column("userId")}::uuid[], ${column("causeKey")}::text[]) AS d(user_id, cause_key)
            WHERE d.user_id = n.user_id AND d.cause_key = n.cause_key
          )`;
      const created = written.filter((w) => w.inserted).length;
      return {
        current: rows.length,
        created,
        updated: written.length - created,
        removed,
        ms: Math.round(performance.now() - started),
      };
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
}

/** One row per person and cause (a person can be reached twice, e.g. as SRO and finance director). */
function uniqueByCause(rows: DesiredNotification[]): DesiredNotification[] {
  const seen = new Map<string, DesiredNotification>();
  for (const row of rows) seen.set(`${row.userId} ${row.causeKey}`, seen.get(`${row.userId} ${row.causeKey}`) ?? row);
  return [...seen.values()];
}
