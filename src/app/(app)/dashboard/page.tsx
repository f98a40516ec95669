import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DataTable, cellClass, numberCellClass, rowClass } from "@/components/ui/data-table";
import { Card, PageHeader } from "@/components/ui/page-header";
import { financialYearOf, formatFinancialYear, monthLabel, type FinancialMonth } from "@/lib/financial-year";
import { formatMoney } from "@/lib/money";
import { CumulativeChart, MaturityChart } from "@/modules/dashboards/components/finance-charts";
import { BreakdownTable, HeadlineTiles } from "@/modules/dashboards/components/finance-tables";
import { BREAKDOWN_DIMENSIONS, financeBreakdowns, financeHeadline } from "@/modules/dashboards/finance-dashboard";
import { overdueMonthlyUpdates } from "@/modules/dashboards/finance-dashboard-overdue";
import { SYSTEM_VIEW, dashboardSelection, maturitySegments } from "@/modules/dashboards/finance-dashboard-view";
import { identifiedByStage, monthlyCumulative } from "@/modules/dashboards/scheme-figures";
import { findTopRisks } from "@/modules/risks/find-risks";
import { canAnywhere } from "@/server/auth/actor";
import { currentOrganisation } from "@/server/auth/current-organisation";
import { requireActor } from "@/server/auth/session";
import { routes } from "@/server/routes";

export const metadata: Metadata = { title: "Finance dashboard" };

/** "2025-26", as the register writes the year in its URLs. */
const yearParam = (year: number) => `${year}-${String((year + 1) % 100).padStart(2, "0")}`;

export default async function FinanceDashboardPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor();
  if (!canAnywhere(actor, "dashboard.view")) notFound();
  const now = new Date();
  const selection = dashboardSelection(actor, await searchParams, (await currentOrganisation(actor))?.id, now);
  const { scope, year, organisationId } = selection;
  const [headline, stages, months, breakdowns, overdue, risks] = await Promise.all([
    financeHeadline(scope, year, now),
    identifiedByStage(scope, year),
    monthlyCumulative(scope, year, { stage: "IDENTIFIED" }),
    financeBreakdowns(scope, year, now),
    overdueMonthlyUpdates(scope, year, now),
    findTopRisks(actor, 5),
  ]);
  const segments = maturitySegments(stages, headline.unidentifiedPence);
  const viewName = organisationId ? (selection.organisations.find((o) => o.id === organisationId)?.name ?? "") : "All my organisations";
  const thisYear = financialYearOf(now);
  const base = { year, organisation: organisationId };

  return (
    <>
      <PageHeader title="Finance dashboard" caption={`${viewName} · ${formatFinancialYear(year)}`} />
      <Card title="Show">
        <form method="get" className="flex flex-wrap items-end gap-4">
          <label className="flex flex-col">
            Organisation
            <select name="org" defaultValue={organisationId ?? SYSTEM_VIEW} className="border-2 border-nhs-text p-2">
              <option value={SYSTEM_VIEW}>All my organisations (system view)</option>
              {selection.organisations.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                </option>
              ))}
            </select>
          </label>
          <label className="flex flex-col">
            Financial year
            <select name="year" defaultValue={yearParam(year)} className="border-2 border-nhs-text p-2">
              {[thisYear - 2, thisYear - 1, thisYear, thisYear + 1].map((y) => (
                <option key={y} value={yearParam(y)}>
                  {formatFinancialYear(y)}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className="rounded bg-nhs-green px-4 py-2 font-semibold text-white">
            Show
          </button>
        </form>
      </Card>

      <Card title="Headline figures">
        <HeadlineTiles h={headline} />
      </Card>

      <Card title="Maturity by stage">
        <MaturityChart segments={segments} />
        <DataTable caption="In-year value by stage, and the unidentified gap" columns={[{ label: "Stage" }, { label: "In-year value", align: "right" }]}>
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

      <Card title="Cumulative plan, forecast and actual">
        <CumulativeChart
          points={months.map((m) => ({ label: monthLabel(m.month), plan: m.cumulativePlanPence, forecast: m.cumulativeForecastPence, actual: m.cumulativeActualPence }))}
        />
        <DataTable
          caption="Cumulative plan, forecast and actual by month"
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

      {BREAKDOWN_DIMENSIONS.map((dimension) => (
        <Card key={dimension} title={`By ${dimension}`}>
          <BreakdownTable dimension={dimension} rows={breakdowns[dimension]} base={base} />
        </Card>
      ))}

      <Card title="Overdue monthly updates">
        {overdue.month === 0 ? (
          <p>No month of {formatFinancialYear(year)} has ended yet.</p>
        ) : overdue.schemes.length === 0 ? (
          <p>Every active scheme has its update for M{overdue.month}.</p>
        ) : (
          <DataTable caption={`Active schemes with no monthly update for M${overdue.month}`} columns={[{ label: "Scheme" }, { label: "Lead" }, { label: "Organisation" }]}>
            {overdue.schemes.map((s) => (
              <tr key={s.schemeId} className={rowClass}>
                <td className={cellClass}>
                  <Link href={routes.scheme(s.schemeId)}>
                    {s.code} {s.title}
                  </Link>
                </td>
                <td className={cellClass}>{s.leadName}</td>
                <td className={cellClass}>{s.organisationCode}</td>
              </tr>
            ))}
          </DataTable>
        )}
      </Card>

      <Card title="Top risks">
        {risks.length === 0 ? (
          <p>No open risks.</p>
        ) : (
          <DataTable caption="The five open risks with the highest current score" columns={[{ label: "Risk" }, { label: "Programme" }, { label: "Owner" }, { label: "Score", align: "right" }]}>
            {risks.map((r) => (
              <tr key={r.id} className={rowClass}>
                <td className={cellClass}>
                  <Link href={routes.risk(r.id)}>{r.title}</Link>
                </td>
                <td className={cellClass}>{r.programme?.name ?? "—"}</td>
                <td className={cellClass}>{r.owner?.name ?? "—"}</td>
                <td className={numberCellClass}>{r.currentScore}</td>
              </tr>
            ))}
          </DataTable>
        )}
      </Card>
    </>
  );
}
