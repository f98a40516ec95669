import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { DataTable, cellClass, numberCellClass, rowClass } from "@/components/ui/data-table";
import { Card, PageHeader } from "@/components/ui/page-header";
import { formatDate } from "@/lib/dates";
import { formatFinancialYear, monthLabel, type FinancialMonth } from "@/lib/financial-year";
import { formatMoney } from "@/lib/money";
import { CumulativeChart, MaturityChart } from "@/modules/dashboards/components/finance-charts";
import { HeadlineTiles } from "@/modules/dashboards/components/finance-tables";
import { financeBreakdowns, financeHeadline } from "@/modules/dashboards/finance-dashboard";
import { SYSTEM_VIEW, dashboardSelection, maturitySegments } from "@/modules/dashboards/finance-dashboard-view";
import { identifiedByStage, monthlyCumulative } from "@/modules/dashboards/scheme-figures";
import { findTopRisks } from "@/modules/risks/find-risks";
import { canAnywhere } from "@/server/auth/actor";
import { currentOrganisation } from "@/server/auth/current-organisation";
import { requireActor } from "@/server/auth/session";
import { routes } from "@/server/routes";

export const metadata: Metadata = { title: "Board summary" };

const yearParam = (year: number) => `${year}-${String((year + 1) % 100).padStart(2, "0")}`;

/**
 * The board's read-only summary for one organisation or the whole system: the headline
 * figures, maturity, the cumulative position and top risks, laid out to print on A4.
 * It has no forms except the GET selector, which is not printed.
 */
export default async function BoardSummaryPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor();
  if (!canAnywhere(actor, "dashboard.view")) notFound();
  const now = new Date();
  const selection = dashboardSelection(actor, await searchParams, (await currentOrganisation(actor))?.id, now);
  const { scope, year, organisationId } = selection;
  const [headline, stages, months, breakdowns, risks] = await Promise.all([
    financeHeadline(scope, year, now),
    identifiedByStage(scope, year),
    monthlyCumulative(scope, year, { stage: "IDENTIFIED" }),
    financeBreakdowns(scope, year, now),
    findTopRisks(actor, 5),
  ]);
  const segments = maturitySegments(stages, headline.unidentifiedPence);
  const viewName = organisationId ? (selection.organisations.find((o) => o.id === organisationId)?.name ?? "") : "All organisations (system view)";
  const byOrganisation = organisationId ? breakdowns.category : breakdowns.organisation;
  const byLabel = organisationId ? "category" : "organisation";
  return (
    <div className="board-summary">
      <PageHeader title="Board summary" caption={`${viewName} · Financial recovery ${formatFinancialYear(year)} · as at ${formatDate(now)}`} />
      <form method="get" action={routes.board} className="no-print mb-6 flex flex-wrap items-end gap-4" aria-label="Choose the organisation and year">
        <label className="font-semibold">
          Organisation
          <select name="org" defaultValue={organisationId ?? SYSTEM_VIEW} className="mt-1 block rounded border-2 border-nhs-text bg-white px-2 py-1.5 font-normal">
            <option value={SYSTEM_VIEW}>All organisations (system view)</option>
            {selection.organisations.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
        </label>
        <label className="font-semibold">
          Financial year
          <select name="year" defaultValue={yearParam(year)} className="mt-1 block rounded border-2 border-nhs-text bg-white px-2 py-1.5 font-normal">
            {[year - 1, year, year + 1].map((y) => (
              <option key={y} value={yearParam(y)}>
                {formatFinancialYear(y)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="rounded bg-nhs-blue px-4 py-2 font-semibold text-white">
          Show
        </button>
      </form>
      <Card title="Headline figures">
        <HeadlineTiles h={headline} />
      </Card>
      <div className="grid gap-6 lg:grid-cols-2 print:grid-cols-2">
        <Card title="Maturity of the savings plan">
          <MaturityChart segments={segments} />
          <DataTable caption="In-year value by stage, and the unidentified gap" className="text-sm" columns={[{ label: "Stage" }, { label: "In-year value", align: "right" }]}>
            {segments.map((s) => (
              <tr key={s.key} className={rowClass}>
                <th scope="row" className={`${cellClass} font-normal`}>
                  {s.label}
                </th>
                <td className={numberCellClass}>{formatMoney(s.pence)}</td>
              </tr>
            ))}
          </DataTable>
        </Card>
        <Card title={`Savings by ${byLabel}`}>
          <DataTable
            caption={`Identified savings and year-to-date delivery by ${byLabel}`}
            className="text-sm"
            columns={[{ label: byLabel === "organisation" ? "Organisation" : "Category" }, { label: "Identified", align: "right" }, { label: "YTD plan", align: "right" }, { label: "YTD actual", align: "right" }]}
          >
            {byOrganisation.map((r) => (
              <tr key={r.key ?? "none"} className={rowClass}>
                <th scope="row" className={`${cellClass} font-normal`}>
                  {r.label}
                </th>
                <td className={numberCellClass}>{formatMoney(r.identifiedPence)}</td>
                <td className={numberCellClass}>{formatMoney(r.ytdPlanPence)}</td>
                <td className={numberCellClass}>{formatMoney(r.ytdActualPence)}</td>
              </tr>
            ))}
          </DataTable>
        </Card>
      </div>
      <Card title="Cumulative plan, forecast and actual">
        <CumulativeChart points={months.map((m) => ({ label: monthLabel(m.month), plan: m.cumulativePlanPence, forecast: m.cumulativeForecastPence, actual: m.cumulativeActualPence }))} />
        <DataTable
          caption="Cumulative plan, forecast and actual by month"
          className="text-sm"
          columns={[{ label: "Month" }, { label: "Plan", align: "right" }, { label: "Forecast", align: "right" }, { label: "Actual", align: "right" }]}
        >
          {months.map((m) => (
            <tr key={m.month} className={rowClass}>
              <th scope="row" className={`${cellClass} font-normal`}>
                M{m.month} {monthLabel(m.month as FinancialMonth)}
              </th>
              <td className={numberCellClass}>{formatMoney(m.cumulativePlanPence)}</td>
              <td className={numberCellClass}>{formatMoney(m.cumulativeForecastPence)}</td>
              <td className={numberCellClass}>{m.cumulativeActualPence === null ? "—" : formatMoney(m.cumulativeActualPence)}</td>
            </tr>
          ))}
        </DataTable>
      </Card>
      <Card title="Top risks">
        {risks.length === 0 ? (
          <p>No open risks.</p>
        ) : (
          <DataTable caption="The five open risks with the highest current score" className="text-sm" columns={[{ label: "Risk" }, { label: "Programme" }, { label: "Owner" }, { label: "Score", align: "right" }]}>
            {risks.map((r) => (
              <tr key={r.id} className={rowClass}>
                <td className={cellClass}>{r.title}</td>
                <td className={cellClass}>{r.programme.name}</td>
                <td className={cellClass}>{r.owner.name}</td>
                <td className={numberCellClass}>{r.currentScore}</td>
              </tr>
            ))}
          </DataTable>
        )}
      </Card>
    </div>
  );
}
