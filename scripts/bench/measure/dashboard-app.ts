import { elapsedMonths, type FinancialYear } from "../../../src/lib/financial-year";
import {
  financeBreakdowns,
  financeHeadline,
  type BreakdownRow,
} from "../../../src/modules/dashboards/finance-dashboard";
import { overdueMonthlyUpdates } from "../../../src/modules/dashboards/finance-dashboard-overdue";
import { dashboardSelection } from "../../../src/modules/dashboards/finance-dashboard-view";
import { identifiedByStage, monthlyCumulative } from "../../../src/modules/dashboards/scheme-figures";
import { findTopRisks } from "../../../src/modules/risks/find-risks";
import type { Actor } from "../../../src/server/auth/actor";
import { formatYearParam } from "../../../src/modules/schemes/register/register-filter";
import { figuresByProgrammeType } from "../../../src/modules/dashboards/programme-type-figures";
import { countSchemesAwaitingDecision } from "../../../src/modules/gateways/find-gateway-pipeline";
import { countQiasAwaitingSignOff } from "../../../src/modules/quality/find-qias";
import { findSavingsMonths, savingsSpc } from "../../../src/modules/spc/savings-spc";
import { savingsChartFor } from "../../../src/modules/spc/components/savings-spc-section";
import { DEFAULT_SPC_CONFIG, getSpcConfig } from "../../../src/modules/spc/get-spc-config";

/**
 * The finance dashboard's data exactly as src/app/(app)/dashboard/page.tsx loads it: the
 * selection from the URL (`?org=<id>` or `?org=all`), then its six loaders in parallel.
 */
export async function loadDashboard(actor: Actor, organisationId: string | "all", year: FinancialYear, now: Date) {
  const selection = dashboardSelection(actor, { org: organisationId, year: formatYearParam(year) }, undefined, now);
  const { scope } = selection;
  const [headline, stages, months, breakdowns, overdue, risks] = await Promise.all([
    financeHeadline(scope, selection.year, now),
    identifiedByStage(scope, selection.year),
    monthlyCumulative(scope, selection.year, { stage: "IDENTIFIED" }),
    financeBreakdowns(scope, selection.year, now),
    overdueMonthlyUpdates(scope, selection.year, now),
    findTopRisks(actor, 5),
  ]);
  return { scope, headline, stages, months, breakdowns, overdue, risks, elapsed: elapsedMonths(selection.year, now) };
}

/**
 * Everything dashboard/page.tsx awaits besides the figures above: the CIP/QIPP table (system
 * view), the awaiting-decision counts and the SPC section's months and charts. Not compared
 * with SQL; measured so the page's whole data cost is visible.
 */
export async function loadDashboardPage(actor: Actor, organisationId: string | "all", year: FinancialYear, now: Date) {
  const selection = dashboardSelection(actor, { org: organisationId, year: formatYearParam(year) }, undefined, now);
  const { scope } = selection;
  const single = organisationId === "all" ? undefined : organisationId;
  const chart = savingsChartFor(actor, scope, single);
  const [figures, awaitingDecision, awaitingSignature, programmes, spc] = await Promise.all([
    loadDashboard(actor, organisationId, year, now),
    countSchemesAwaitingDecision(actor, [...scope]),
    countQiasAwaitingSignOff(actor, [...scope]),
    single ? Promise.resolve(null) : figuresByProgrammeType(scope, selection.year, now),
    Promise.all([findSavingsMonths(scope, now), chart ? getSpcConfig(chart.subject, chart.subjectId) : null]).then(
      ([months, config]) => savingsSpc(months, config ?? DEFAULT_SPC_CONFIG),
    ),
  ]);
  return { figures, awaitingDecision, awaitingSignature, programmes, spc };
}

export type DashboardData = Awaited<ReturnType<typeof loadDashboard>>;

/** The figures the page shows, in the shape the hand-written SQL returns, for comparing the two. */
export function dashboardFigures(d: DashboardData) {
  const h = d.headline;
  const breakdown = (rows: BreakdownRow[]) =>
    rows.map((r) => [r.key, r.schemeCount, r.identifiedPence, r.riskAdjustedPence, r.ytdPlanPence, r.ytdActualPence]);
  return {
    headline: [
      h.schemeCount,
      h.targetPence,
      h.identifiedPence,
      h.riskAdjustedPence,
      h.ytdPlanPence,
      h.ytdActualPence,
      h.forecastOutturnPence,
      h.recurrentPence,
      h.nonRecurrentPence,
      h.cashReleasingPence,
      h.wteSubstantiveHundredths,
      h.wteBankHundredths,
      h.wteAgencyHundredths,
    ],
    stages: d.stages.map((s) => [s.stage, s.count, s.inYearPence, s.riskAdjustedPence]),
    months: d.months.map((m) => [
      m.month,
      m.planPence,
      m.forecastPence,
      m.actualPence,
      m.cumulativePlanPence,
      m.cumulativeForecastPence,
      m.cumulativeActualPence,
    ]),
    workstream: breakdown(d.breakdowns.workstream),
    division: breakdown(d.breakdowns.division),
    category: breakdown(d.breakdowns.category),
    organisation: breakdown(d.breakdowns.organisation),
    overdue: [d.overdue.total, d.overdue.schemes.map((s) => s.schemeId)] as [number, string[]],
    // Ties on (score, review date) may come back in either order, so compare what decides the order.
    topRisks: d.risks.map((r) => r.currentScore),
  };
}

export type DashboardFigures = ReturnType<typeof dashboardFigures>;
