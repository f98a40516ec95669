import Link from "next/link";
import { formatDateTime } from "@/lib/dates";
import { routes } from "@/server/routes";
import type { findSchemeHistory } from "../../history/find-scheme-history";

type History = Awaited<ReturnType<typeof findSchemeHistory>>;

/** The scheme's audit history, newest first: who, what, when, each changed field before -> after; paged. */
export function SchemeHistory({ schemeId, history }: { schemeId: string; history: History }) {
  if (history.total === 0) return <p>Nothing recorded yet.</p>;
  return (
    <>
      <p className="mb-3 text-nhs-secondary">
        {history.total === 1 ? "1 change" : `${history.total} changes`}, newest first
        {history.pages > 1 ? ` · page ${history.page} of ${history.pages}` : ""}.
      </p>
      <ol className="space-y-3">
        {history.entries.map((e) => (
          <li key={e.id} className="border-l-4 border-nhs-border pl-3">
            <p>
              <span className="font-semibold">{e.summary}</span>
              <span className="text-nhs-secondary">
                {" "}
                · {e.actorName} · <time dateTime={e.occurredAt.toISOString()}>{formatDateTime(e.occurredAt)}</time>
              </span>
            </p>
            {e.note && <p className="break-words whitespace-pre-line">{e.note}</p>}
            {e.changes.length > 0 && (
              <ul className="mt-1 space-y-0.5 text-sm">
                {e.changes.map((c, i) => (
                  <li key={i} className="break-words">
                    <span className="font-semibold">{c.field}:</span> {c.before} <span aria-hidden="true">→</span>
                    <span className="sr-only">changed to</span> {c.after}
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ol>
      {history.pages > 1 && (
        <nav aria-label="History pages" className="mt-4 flex flex-wrap gap-4">
          {history.page > 1 && (
            <Link href={routes.schemeHistoryPage(schemeId, history.page - 1)} rel="prev">
              Newer changes
            </Link>
          )}
          {history.page < history.pages && (
            <Link href={routes.schemeHistoryPage(schemeId, history.page + 1)} rel="next">
              Older changes
            </Link>
          )}
        </nav>
      )}
    </>
  );
}
