import Link from "next/link";
import { cellClass, numberCellClass, rowClass } from "@/components/ui/data-table";
import { formatFinancialYear } from "@/lib/financial-year";
import { formatMoney } from "@/lib/money";
import type { SchemeRegisterRow, SchemeRegisterTotals } from "@/modules/dashboards/scheme-figures";
import { routes } from "@/server/routes";
import { SCHEME_CATEGORY_LABELS, SCHEME_STAGE_LABELS, ragDisplay } from "../../scheme-rules";
import { schemeRegisterHref, type SchemeRegisterQuery, type SchemeSort } from "../register-filter";

/** `phone`: shown below the md breakpoint too; the others fold into the scheme cell or are left to wider screens. */
type Column = { label: string; sort?: SchemeSort; numeric?: boolean; phone?: boolean };

const DESKTOP_ONLY = "hidden md:table-cell";

const COLUMNS: Column[] = [
  { label: "Code", sort: "code" },
  { label: "Scheme", sort: "title", phone: true },
  { label: "Organisation" },
  { label: "Division" },
  { label: "Workstream" },
  { label: "Lead" },
  { label: "Stage", sort: "stage" },
  { label: "RAG", sort: "rag" },
  { label: "Category" },
  { label: "Recurrence" },
  { label: "Full-year effect", sort: "fye", numeric: true },
  { label: "In-year value", sort: "inYear", numeric: true, phone: true },
  { label: "Risk-adjusted", numeric: true },
];

/** A sortable header: a link that sorts by this column (toggling direction when it is already sorted by it). */
function HeaderCell({ column, query }: { column: Column; query: SchemeRegisterQuery }) {
  const className = `py-2 pr-2 align-bottom ${column.numeric ? "text-right" : ""} ${column.phone ? "" : DESKTOP_ONLY}`;
  if (!column.sort) {
    return (
      <th scope="col" className={className}>
        {column.label}
      </th>
    );
  }
  const active = query.sort === column.sort;
  // Money reads best largest first; text and stages from the top.
  const firstDir = column.numeric ? "desc" : "asc";
  const nextDir = active ? (query.dir === "asc" ? "desc" : "asc") : firstDir;
  return (
    <th
      scope="col"
      className={className}
      aria-sort={active ? (query.dir === "asc" ? "ascending" : "descending") : "none"}
    >
      <Link
        href={schemeRegisterHref({ ...query, sort: column.sort, dir: nextDir, page: 1 })}
        className="text-nhs-text underline"
      >
        {column.label}
        <span aria-hidden="true">{active ? (query.dir === "asc" ? " ▲" : " ▼") : ""}</span>
        <span className="sr-only">, sort {nextDir === "asc" ? "ascending" : "descending"}</span>
      </Link>
    </th>
  );
}

export function SchemeRegisterTable({
  rows,
  totals,
  query,
  caption,
}: {
  rows: SchemeRegisterRow[];
  totals: SchemeRegisterTotals;
  query: SchemeRegisterQuery;
  caption: string;
}) {
  return (
    <div className="relative overflow-x-auto">
      <table className="w-full text-left text-sm">
        <caption className="mb-2 text-left font-semibold">{caption}</caption>
        <thead>
          <tr className="border-b-2 border-nhs-border">
            {COLUMNS.map((c) => (
              <HeaderCell key={c.label} column={c} query={query} />
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((s) => {
            const rag = ragDisplay(s.stage, s.rag);
            return (
              <tr key={s.id} className={rowClass}>
                <td className={`${cellClass} ${DESKTOP_ONLY} whitespace-nowrap`}>{s.code}</td>
                <td className={cellClass}>
                  <Link href={routes.scheme(s.id)}>{s.title}</Link>
                  {s.schemeYear !== query.year && (
                    <span className="block text-xs text-nhs-secondary" data-register-runs-from="">
                      {s.schemeYear < query.year ? "Continues from" : "Scheme of"} {formatFinancialYear(s.schemeYear)}:
                      its plan for {formatFinancialYear(query.year)}
                    </span>
                  )}
                  {/* On a phone the stage and RAG columns fold in here, so value and stage show without scrolling. */}
                  <span className="mt-1 block text-xs md:hidden">
                    {s.code} · <span data-register-stage="">{SCHEME_STAGE_LABELS[s.stage]}</span> ·{" "}
                    <span className={`whitespace-nowrap rounded px-1 font-semibold ${rag.className}`}>{rag.label}</span>
                  </span>
                </td>
                <td className={`${cellClass} ${DESKTOP_ONLY}`}>{s.organisationCode}</td>
                <td className={`${cellClass} ${DESKTOP_ONLY}`}>{s.divisionName ?? "—"}</td>
                <td className={`${cellClass} ${DESKTOP_ONLY}`}>{s.workstreamName ?? "—"}</td>
                <td className={`${cellClass} ${DESKTOP_ONLY}`}>{s.leadName}</td>
                <td className={`${cellClass} ${DESKTOP_ONLY}`} data-register-stage="">
                  {SCHEME_STAGE_LABELS[s.stage]}
                </td>
                <td className={`${cellClass} ${DESKTOP_ONLY}`}>
                  <span className={`whitespace-nowrap rounded px-2 py-0.5 font-semibold ${rag.className}`}>
                    {rag.label}
                  </span>
                </td>
                <td className={`${cellClass} ${DESKTOP_ONLY}`}>
                  {SCHEME_CATEGORY_LABELS[s.category]}
                  {s.subCategory ? ` · ${s.subCategory}` : ""}
                </td>
                <td className={`${cellClass} ${DESKTOP_ONLY}`}>{s.recurrent ? "Recurrent" : "Non-recurrent"}</td>
                <td className={`${numberCellClass} ${DESKTOP_ONLY}`}>
                  {s.schemeYear === query.year ? (
                    formatMoney(s.fullYearEffectPence)
                  ) : (
                    // Counted once, in the scheme's own year.
                    <span className="text-xs text-nhs-secondary">in {formatFinancialYear(s.schemeYear)}</span>
                  )}
                </td>
                <td className={`${numberCellClass} whitespace-nowrap`} data-register-value="">
                  {formatMoney(s.inYearPence)}
                </td>
                <td className={`${numberCellClass} ${DESKTOP_ONLY}`}>
                  {formatMoney(s.riskAdjustedPence)}
                  <span className="block text-xs text-nhs-secondary">at {s.weightPercent}%</span>
                </td>
              </tr>
            );
          })}
        </tbody>
        <tfoot>
          <tr className="border-t-2 border-nhs-border font-semibold">
            <th scope="row" colSpan={10} className={`py-2 pr-2 text-left ${DESKTOP_ONLY}`}>
              Total of all {totals.count} matching scheme{totals.count === 1 ? "" : "s"}
            </th>
            <th scope="row" className="py-2 pr-2 text-left md:hidden">
              Total of all {totals.count} matching scheme{totals.count === 1 ? "" : "s"}
            </th>
            <td className={`${numberCellClass} ${DESKTOP_ONLY}`}>{formatMoney(totals.fullYearEffectPence)}</td>
            <td className={`${numberCellClass} whitespace-nowrap`}>{formatMoney(totals.inYearPence)}</td>
            <td className={`${numberCellClass} ${DESKTOP_ONLY}`}>{formatMoney(totals.riskAdjustedPence)}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
