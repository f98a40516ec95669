import type { Metadata } from "next";
import Link from "next/link";
import { Card, PageHeader } from "@/components/ui/page-header";
import { DataTable, cellClass, rowClass } from "@/components/ui/data-table";
import { formatDate } from "@/lib/dates";
import type { QiaStatus } from "@/generated/prisma/enums";
import { findQias, type QiaListView } from "@/modules/quality/find-qias";
import {
  CAPACITY_LABELS,
  CLINICAL_CAPACITIES,
  QIA_STATUS_LABELS,
  SCREENED_OUT_LABEL,
} from "@/modules/quality/qia-rules";
import { requireActor } from "@/server/auth/session";
import { routes } from "@/server/routes";

export const metadata: Metadata = { title: "Quality impact assessments" };

const VIEWS = [
  { key: "awaiting-me", label: "Awaiting my signature" },
  { key: "all", label: "All current QIAs" },
  { key: "overdue", label: "Overdue reviews" },
] as const;
const STATUSES = Object.keys(QIA_STATUS_LABELS).filter((s) => s !== "SUPERSEDED") as QiaStatus[];

function viewOf(view: string | undefined, status: string | undefined): QiaListView {
  if (view === "awaiting-me") return { kind: "awaiting-me" };
  if (view === "overdue") return { kind: "overdue" };
  return { kind: "status", status: STATUSES.includes(status as QiaStatus) ? (status as QiaStatus) : null };
}

export default async function QiaListPage({
  searchParams,
}: {
  searchParams: Promise<{ view?: string; status?: string }>;
}) {
  const actor = await requireActor();
  const { view, status } = await searchParams;
  const selected = viewOf(view, status);
  const rows = await findQias(actor, selected);
  const current = selected.kind === "status" ? "all" : selected.kind;
  return (
    <>
      <PageHeader title="Quality impact assessments" />
      <nav aria-label="QIA lists" className="mb-4 flex flex-wrap gap-4">
        {VIEWS.map((v) => (
          <Link
            key={v.key}
            href={`${routes.qias}?view=${v.key}`}
            aria-current={current === v.key ? "page" : undefined}
            className={current === v.key ? "font-bold no-underline" : "font-semibold"}
          >
            {v.label}
          </Link>
        ))}
      </nav>
      {selected.kind === "status" && (
        <form method="get" className="mb-4 flex flex-wrap items-end gap-4">
          <input type="hidden" name="view" value="all" />
          <label className="font-semibold">
            Status
            <select
              name="status"
              defaultValue={selected.status ?? ""}
              className="mt-1 block rounded border-2 border-nhs-text bg-white px-2 py-1.5 font-normal"
            >
              <option value="">Any status</option>
              {STATUSES.map((s) => (
                <option key={s} value={s}>
                  {QIA_STATUS_LABELS[s]}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className="rounded border-2 border-nhs-blue px-3 py-1.5 font-semibold text-nhs-blue">
            Filter
          </button>
        </form>
      )}
      <Card>
        {rows.length === 0 ? (
          <p>
            {selected.kind === "awaiting-me"
              ? "Nothing is awaiting your signature."
              : selected.kind === "overdue"
                ? "No post-implementation review is overdue."
                : "No QIAs match."}
          </p>
        ) : (
          <DataTable
            caption={`${rows.length} QIAs`}
            columns={[
              { label: "Scheme" },
              { label: "Organisation" },
              { label: "Version" },
              { label: "Status" },
              { label: "Signatures" },
              { label: "Review date" },
            ]}
          >
            {rows.map((r) => (
              <tr key={r.id} className={rowClass}>
                <td className={cellClass}>
                  <Link href={routes.schemeQia(r.scheme.id)}>
                    {r.scheme.code} {r.scheme.title}
                  </Link>
                  <span className="block text-sm text-nhs-secondary">Lead: {r.scheme.lead.name}</span>
                </td>
                <td className={cellClass}>{r.scheme.organisation.code}</td>
                <td className={cellClass}>{r.number}</td>
                <td className={cellClass}>
                  {QIA_STATUS_LABELS[r.status]}
                  {!r.screeningComplete && <span className="block text-sm">Screening not finished</span>}
                  {r.screeningComplete && !r.fullRequired && (
                    <span className="block text-sm">{SCREENED_OUT_LABEL}</span>
                  )}
                </td>
                <td className={cellClass}>
                  {r.fullRequired
                    ? CLINICAL_CAPACITIES.map((c) => {
                        const s = r.signOffs.find((x) => x.capacity === c);
                        return (
                          <span key={c} className="block">
                            {CAPACITY_LABELS[c]}: {s ? `${s.user.name}` : "awaited"}
                          </span>
                        );
                      })
                    : "–"}
                </td>
                <td className={cellClass}>
                  {r.reviewDate ? formatDate(r.reviewDate) : "–"}
                  {r.reviewOverdue && <strong className="block text-nhs-red">Overdue</strong>}
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </Card>
    </>
  );
}
