import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { StageBarChart } from "@/components/charts/stage-bar-chart";
import { CumulativeLineChart, InMonthBarChart } from "@/components/charts/monthly-charts";
import { WaterfallChart } from "@/components/charts/waterfall-chart";
import { formatDate } from "@/lib/dates";
import { elapsedMonths, formatFinancialYear, monthLabel, type FinancialMonth } from "@/lib/financial-year";
import {
  findOverdueGatewayDecisions,
  findPackRisks,
  findSchemesBehindPlan,
  findUnsignedQias,
} from "@/modules/board/board-exceptions";
import { findOutturnByStage } from "@/modules/board/board-outturn";
import { waterfallSteps } from "@/modules/board/board-pack-view";
import { commentaryOrganisation, findBoardCommentary } from "@/modules/board/save-board-commentary";
import { BoardCommentaryForm } from "@/modules/board/components/board-commentary-form";
import { BoardPackPrintStyle, BoardCommentaryText } from "@/modules/board/components/board-pack-frame";
import {
  BreakdownTotalsTable,
  MaturityShareTable,
  MonthlyPositionTable,
  PackHeadline,
  TopRisksTable,
  WaterfallTable,
} from "@/modules/board/components/board-pack-tables";
import { BoardSection, type BoardSlotProps } from "@/modules/board/components/board-section";
import { BoardSpcSection } from "@/modules/spc/components/board-spc-section";
import { ExecutiveSummary } from "@/modules/board/components/executive-summary";
import { PrintButton } from "@/modules/board/components/print-button";
import { DashboardSelector } from "@/modules/dashboards/components/dashboard-selector";
import { SEGMENT_COLOURS } from "@/modules/dashboards/components/segment-colours";
import { financeBreakdowns, financeHeadline } from "@/modules/dashboards/finance-dashboard";
import { maturitySegments } from "@/modules/dashboards/finance-dashboard-view";
import { dashboardPageSelection } from "@/modules/dashboards/dashboard-page-selection";
import { identifiedByStage, monthlyCumulative } from "@/modules/dashboards/scheme-figures";
import { can, canAnywhere } from "@/server/auth/actor";
import { requireActor } from "@/server/auth/session";
import { selectableYears } from "@/server/financial-year-range";
import { YearNotice } from "@/components/ui/year-notice";
import { routes } from "@/server/routes";

export const metadata: Metadata = { title: "Board summary" };

/**
 * The board pack for one organisation or the whole system, read-only for the board: page 1 the
 * headline figures, the executive summary with its exceptions and finance's commentary for the
 * month; page 2 the charts (server-rendered SVG, so they print straight after loading), each with
 * its table, and the top risks. Printed on landscape A4 with the organisation, year, month and
 * "as at" date and the page number on every page (@page margin boxes).
 */
export default async function BoardPackPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireActor();
  if (!canAnywhere(actor, "dashboard.view")) notFound();
  const now = new Date();
  const selection = await dashboardPageSelection(actor, await searchParams, now);
  const { scope, year, organisationId } = selection;
  const systemView = organisationId === undefined;
  // The month the pack reports: the last one ended (M1 before the year has a closed month).
  const month = Math.min(12, Math.max(1, elapsedMonths(year, now))) as FinancialMonth;
  const [headline, stages, months, breakdowns, outturn, behindPlan, overdueDecisions, unsignedQias, risks, author] =
    await Promise.all([
      financeHeadline(scope, year, now),
      identifiedByStage(scope, year),
      monthlyCumulative(scope, year, { stage: "IDENTIFIED" }),
      financeBreakdowns(scope, year, now),
      findOutturnByStage(scope, year, now),
      findSchemesBehindPlan(scope, year, now),
      findOverdueGatewayDecisions(actor, scope, now),
      findUnsignedQias(actor, scope),
      findPackRisks(actor, scope, systemView),
      commentaryOrganisation(scope, organisationId),
    ]);
  const commentary = author ? await findBoardCommentary(author.id, year, month) : null;
  const mayWrite = author !== null && can(actor, "board.commentary.write", author.id);
  const segments = maturitySegments(stages, headline.unidentifiedPence);
  const steps = waterfallSteps(headline.targetPence, outturn);
  const slotProps: BoardSlotProps = { scope, organisationId, year, asAt: now };
  const viewName = organisationId
    ? (selection.organisations.find((o) => o.id === organisationId)?.name ?? "")
    : "All organisations (system view)";
  const monthText = `M${month} (${monthLabel(month)})`;
  const header = `${viewName} · Financial recovery ${formatFinancialYear(year)} · ${monthText} · as at ${formatDate(now)}`;
  const points = months.map((m) => ({
    label: monthLabel(m.month),
    plan: m.cumulativePlanPence,
    forecast: m.cumulativeForecastPence,
    actual: m.cumulativeActualPence,
  }));
  const inMonth = months.map((m) => ({
    label: monthLabel(m.month),
    plan: m.planPence,
    forecast: m.forecastPence,
    actual: m.actualPence,
  }));
  const breakdownRows = systemView ? breakdowns.organisation : breakdowns.category;
  return (
    <div className="board-pack">
      <BoardPackPrintStyle header={header} />
      <div className="mb-4 flex flex-wrap items-end justify-between gap-4">
        <div>
          <p className="text-nhs-secondary" data-pack-header="">
            {header}
          </p>
          <h1 className="text-3xl font-bold">Board summary</h1>
        </div>
        <div className="no-print">
          <PrintButton />
        </div>
      </div>
      <YearNotice notice={selection.yearNotice} />
      <div className="no-print mb-4">
        <DashboardSelector
          action={routes.board}
          organisations={selection.organisations}
          organisationId={organisationId}
          year={year}
          years={selectableYears(now)}
        />
      </div>

      <div className="pack-page">
        <PackHeadline h={headline} />
        <div className="mt-3 grid grid-cols-1 gap-3 lg:grid-cols-5 print:grid-cols-5">
          <BoardSection id="board-summary" title="Executive summary" className="lg:col-span-3 print:col-span-3">
            <ExecutiveSummary
              h={headline}
              exceptions={{ behindPlan, overdueDecisions, unsignedQias, redRisks: risks.redCount }}
            />
          </BoardSection>
          <div className="lg:col-span-2 print:col-span-2">
            <BoardSection id="board-commentary" title={`Finance commentary, ${monthText}`}>
              <BoardCommentaryText commentary={commentary} authorName={author?.name ?? null} />
              {mayWrite && author && (
                <BoardCommentaryForm
                  organisationId={author.id}
                  financialYear={year}
                  month={month}
                  monthText={`${monthText} ${formatFinancialYear(year)}`}
                  body={commentary?.body ?? ""}
                  version={commentary?.version ?? 0}
                />
              )}
            </BoardSection>
            <BoardSection id="board-risks" title="Top risks">
              <TopRisksTable risks={risks.top} />
            </BoardSection>
          </div>
        </div>
      </div>

      <div className="pack-page pack-page-break">
        <div className="grid grid-cols-1 gap-3 lg:grid-cols-3 print:grid-cols-3">
          <BoardSection id="board-waterfall" title="Target to gap">
            <WaterfallChart bars={steps} />
            <details className="print:hidden">
              <summary className="cursor-pointer text-sm">Table of the figures</summary>
              <WaterfallTable steps={steps} />
            </details>
          </BoardSection>
          <BoardSection id="board-cumulative" title="Cumulative plan, forecast and actual">
            <CumulativeLineChart points={points} targetPence={headline.targetPence} />
          </BoardSection>
          <BoardSection id="board-in-month" title="In month: plan and actual">
            <InMonthBarChart points={inMonth} />
          </BoardSection>
        </div>
        <BoardSection id="board-months" title="Monthly position">
          <MonthlyPositionTable months={months} />
        </BoardSection>
        <div className="grid grid-cols-1 gap-3 lg:grid-cols-5 print:grid-cols-5">
          <BoardSection
            id="board-maturity"
            className="lg:col-span-2 print:col-span-2"
            title="Maturity of the savings plan"
          >
            <StageBarChart
              segments={segments.map((s) => ({ ...s, colour: SEGMENT_COLOURS[s.key] ?? "#212b32" }))}
              targetPence={headline.targetPence}
            />
            <MaturityShareTable segments={segments} targetPence={headline.targetPence} />
          </BoardSection>
          <BoardSection
            id="board-breakdown"
            className="lg:col-span-3 print:col-span-3"
            title={`Savings by ${systemView ? "organisation" : "category"}`}
          >
            <BreakdownTotalsTable rows={breakdownRows} label={systemView ? "Organisation" : "Category"} />
          </BoardSection>
        </div>
        {/*
          SPC SLOT (issue 14, helper "spc"): replace `{spcSection(slotProps)}` with
          <BoardSpcSection {...slotProps} /> (a server component in src/modules/spc/components/ that renders
          one or more <BoardSection>s) and delete the stub above. Layout contract: /work/notes/board-layout.md.
        */}
        <BoardSpcSection {...slotProps} />
      </div>
    </div>
  );
}
