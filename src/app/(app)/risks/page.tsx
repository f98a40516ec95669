import type { Metadata } from "next";
import Link from "next/link";
import { Card, PageHeader } from "@/components/ui/page-header";
import { DataTable, cellClass, rowClass } from "@/components/ui/data-table";
import { formatDate } from "@/lib/dates";
import { findRisks, riskHeatmapCounts } from "@/modules/risks/find-risks";
import { RiskBandBadge } from "@/modules/risks/components/risk-band-badge";
import { RiskHeatmap } from "@/modules/risks/components/risk-heatmap";
import { RiskFilterForm } from "@/modules/risks/components/risk-filter-form";
import { riskQuerySchema, riskQueryString } from "@/modules/risks/risk-filter";
import { RISK_CATEGORY_LABELS } from "@/modules/risks/risk-labels";
import { registerName } from "@/modules/risks/risk-access";
import { findProgrammes } from "@/modules/programmes/find-programmes";
import { financialYearOf } from "@/lib/financial-year";
import { requireActor } from "@/server/auth/session";
import { routes } from "@/server/routes";

export const metadata: Metadata = { title: "Risk register" };

export default async function RisksPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireActor();
  const query = riskQuerySchema.parse(await searchParams);
  const now = new Date();
  const [register, counts, programmes] = await Promise.all([
    findRisks(actor, query, now),
    riskHeatmapCounts(actor, query, now),
    findProgrammes(actor, financialYearOf(now)),
  ]);
  const today = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  return (
    <>
      <PageHeader title="Risk register" caption={`${register.total} risk${register.total === 1 ? "" : "s"} match`}>
        <div className="flex flex-wrap gap-4">
          <a href={`${routes.riskExport}${riskQueryString(query, { page: undefined })}`} className="font-semibold">
            Download CSV
          </a>
        </div>
      </PageHeader>
      <div className="grid gap-6 lg:grid-cols-[auto_1fr]">
        <Card>
          <RiskHeatmap
            counts={counts}
            view={query.view}
            selected={{ likelihood: query.likelihood, consequence: query.consequence }}
            hrefFor={(l, c) =>
              `${routes.risks}${riskQueryString(query, { likelihood: l, consequence: c, page: undefined })}`
            }
          />
          <p className="mt-3 flex gap-4">
            <Link
              href={`${routes.risks}${riskQueryString(query, { view: "current", likelihood: undefined, consequence: undefined })}`}
              aria-current={query.view === "current" ? "true" : undefined}
            >
              Current scores
            </Link>
            <Link
              href={`${routes.risks}${riskQueryString(query, { view: "target", likelihood: undefined, consequence: undefined })}`}
              aria-current={query.view === "target" ? "true" : undefined}
            >
              Target scores
            </Link>
            {(query.likelihood || query.consequence) && (
              <Link
                href={`${routes.risks}${riskQueryString(query, { likelihood: undefined, consequence: undefined })}`}
              >
                Clear the cell
              </Link>
            )}
          </p>
        </Card>
        <Card title="Filter">
          <RiskFilterForm
            query={query}
            programmes={programmes.map((p) => ({ value: p.id, label: p.name }))}
            organisations={actor.organisations.map((o) => ({ value: o.id, label: o.name }))}
          />
        </Card>
      </div>
      <Card>
        {register.rows.length === 0 ? (
          <p>No risks match these filters.</p>
        ) : (
          <DataTable
            caption="Risks matching the filters"
            className="text-sm"
            columns={[
              { label: "Risk" },
              { label: "Register" },
              { label: "Category" },
              { label: "Owner" },
              { label: "Current" },
              { label: "Target" },
              { label: "Review" },
            ]}
          >
            {register.rows.map((r) => (
              <tr key={r.id} className={rowClass}>
                <td className={cellClass}>
                  <Link href={routes.risk(r.id)} className="font-semibold">
                    {r.title}
                  </Link>
                  {r.status === "CLOSED" && <span className="ml-2 text-nhs-secondary">(closed)</span>}
                </td>
                <td className={cellClass}>
                  {r.scheme?.organisation.code ?? r.programme?.organisation?.code ?? "System"} · {registerName(r)}
                </td>
                <td className={cellClass}>{RISK_CATEGORY_LABELS[r.category]}</td>
                <td className={cellClass}>{r.owner.name}</td>
                <td className={cellClass}>
                  <RiskBandBadge score={r.currentScore} />
                  <span className="sr-only">
                    {" "}
                    (likelihood {r.currentLikelihood}, consequence {r.currentConsequence})
                  </span>
                </td>
                <td className={cellClass}>
                  <RiskBandBadge score={r.targetScore} />
                </td>
                <td className={`${cellClass} whitespace-nowrap`}>
                  {formatDate(r.reviewDate)}
                  {r.status === "OPEN" && r.reviewDate < today && (
                    <span className="block font-semibold text-nhs-red">Overdue</span>
                  )}
                </td>
              </tr>
            ))}
          </DataTable>
        )}
        {register.pages > 1 && (
          <nav aria-label="Pages" className="mt-4 flex items-center gap-4">
            {query.page > 1 && (
              <Link href={`${routes.risks}${riskQueryString(query, { page: query.page - 1 })}`}>Previous page</Link>
            )}
            <span>
              Page {query.page} of {register.pages}
            </span>
            {query.page < register.pages && (
              <Link href={`${routes.risks}${riskQueryString(query, { page: query.page + 1 })}`}>Next page</Link>
            )}
          </nav>
        )}
      </Card>
    </>
  );
}
