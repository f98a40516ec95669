import type { Metadata } from "next";
import type { ReactNode } from "react";
import { notFound } from "next/navigation";
import { DataTable, cellClass, numberCellClass, rowClass } from "@/components/ui/data-table";
import { Card, PageHeader } from "@/components/ui/page-header";
import { formatDate } from "@/lib/dates";
import { formatFinancialYear, monthLabel } from "@/lib/financial-year";
import { formatMoney } from "@/lib/money";
import type { BoardSlotProps } from "@/modules/board/components/board-section";
import { DashboardSelector } from "@/modules/dashboards/components/dashboard-selector";
import { CumulativeChart, MaturityChart } from "@/modules/dashboards/components/finance-charts";
import { CumulativeTable, MaturityTable } from "@/modules/dashboards/components/position-tables";
import { HeadlineTiles } from "@/modules/dashboards/components/finance-tables";
import { financeBreakdowns, financeHeadline } from "@/modules/dashboards/finance-dashboard";
import { maturitySegments } from "@/modules/dashboards/finance-dashboard-view";
import { dashboardPageSelection } from "@/modules/dashboards/dashboard-page-selection";
import { identifiedByStage, monthlyCumulative } from "@/modules/dashboards/scheme-figures";
import { findTopRisks } from "@/modules/risks/find-risks";
import { canAnywhere } from "@/server/auth/actor";
import { requireActor } from "@/server/auth/session";
import { selectableYears } from "@/server/financial-year-range";
import { YearNotice } from "@/components/ui/year-notice";
import { routes } from "@/server/routes";

export const metadata: Metadata = { title: "Board summary" };

/** The SPC section of issue 14 plugs in here (see the SPC SLOT comment below). */
function spcSection(props: BoardSlotProps): ReactNode {
  void props;
  return null;
}

/**
 * The board's read-only summary for one organisation or the whole system: the headline
 * figures, maturity, the cumulative position and top risks, laid out to print on A4.
 * It has no forms except the GET selector, which is not printed.
 */
export default async function BoardSummaryPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireActor();
  if (!canAnywhere(actor, "dashboard.view")) notFound();
  const now = new Date();
  const selection = await dashboardPageSelection(actor, await searchParams, now);
  const { scope, year, organisationId } = selection;
  const [headline, stages, months, breakdowns, risks] = await Promise.all([
    financeHeadline(scope, year, now),
    identifiedByStage(scope, year),
    monthlyCumulative(scope, year, { stage: "IDENTIFIED" }),
    financeBreakdowns(scope, year, now),
    findTopRisks(actor, 5),
  ]);
  const segments = maturitySegments(stages, headline.unidentifiedPence);
  const viewName = organisationId
    ? (selection.organisations.find((o) => o.id === organisationId)?.name ?? "")
    : "All organisations (system view)";
  const slotProps: BoardSlotProps = { scope, organisationId, year, asAt: now };
  const byOrganisation = organisationId ? breakdowns.category : breakdowns.organisation;
  const byLabel = organisationId ? "category" : "organisation";
  return (
    <div className="board-summary">
      <PageHeader
        title="Board summary"
        caption={`${viewName} · Financial recovery ${formatFinancialYear(year)} · as at ${formatDate(now)}`}
      />
      <YearNotice notice={selection.yearNotice} />
      <div className="mb-6">
        <DashboardSelector
          action={routes.board}
          organisations={selection.organisations}
          organisationId={organisationId}
          year={year}
          years={selectableYears(now)}
        />
      </div>
      <Card title="Headline figures">
        <HeadlineTiles h={headline} />
      </Card>
      <div className="grid gap-6 lg:grid-cols-2 print:grid-cols-2">
        <Card title="Maturity of the savings plan">
          <MaturityChart segments={segments} />
          <MaturityTable segments={segments} />
        </Card>
        <Card title={`Savings by ${byLabel}`}>
          <DataTable
            caption={`Identified savings and year-to-date delivery by ${byLabel}`}
            className="text-sm"
            columns={[
              { label: byLabel === "organisation" ? "Organisation" : "Category" },
              { label: "Identified", align: "right" },
              { label: "YTD plan", align: "right" },
              { label: "YTD actual", align: "right" },
            ]}
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
        <CumulativeChart
          points={months.map((m) => ({
            label: monthLabel(m.month),
            plan: m.cumulativePlanPence,
            forecast: m.cumulativeForecastPence,
            actual: m.cumulativeActualPence,
          }))}
        />
        <CumulativeTable months={months} />
      </Card>
      {/*
        SPC SLOT (issue 14, helper "spc"): replace `null` below with
        <BoardSpcSection {...slotProps} /> (a server component in src/modules/spc/components/ that renders
        one <BoardSection id="board-spc" ...>). Layout contract: /work/notes/board-layout.md.
      */}
      {spcSection(slotProps)}
      <Card title="Top risks">
        {risks.length === 0 ? (
          <p>No open risks.</p>
        ) : (
          <DataTable
            caption="The five open risks with the highest current score"
            className="text-sm"
            columns={[
              { label: "Risk" },
              { label: "Programme" },
              { label: "Owner" },
              { label: "Score", align: "right" },
            ]}
          >
            {risks.map((r) => (
              <tr key={r.id} className={rowClass}>
                <td className={cellClass}>{r.title}</td>
                <td className={cellClass}>{r.registerName}</td>
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
