import { formatFinancialYear, monthLabel, type FinancialYear } from "@/lib/financial-year";
import { SCHEME_STAGE_LABELS } from "@/modules/schemes/scheme-rules";
import { writeXlsx, type ColumnSpec } from "@/modules/spreadsheets/xlsx";
import { BREAKDOWN_DIMENSIONS, financeBreakdowns, financeHeadline } from "./finance-dashboard";
import { identifiedByStage, monthlyCumulative, type OrganisationScope } from "./scheme-figures";

/**
 * The finance dashboard's figures as a workbook for a board pack: headline, maturity by stage,
 * breakdowns and cumulative months, each a sheet with £ formats and a frozen header. The same
 * SQL as the page, so the workbook and the dashboard always agree.
 */

const pounds = (pence: number | null) => (pence === null ? null : pence / 100);
const money = (header: string): ColumnSpec => ({ header, format: "pounds", width: 18 });

export async function financeDashboardXlsx(
  scope: OrganisationScope,
  scopeName: string,
  year: FinancialYear,
  now = new Date(),
): Promise<Buffer> {
  const [h, stages, breakdowns, months] = await Promise.all([
    financeHeadline(scope, year, now),
    identifiedByStage(scope, year),
    financeBreakdowns(scope, year, now),
    monthlyCumulative(scope, year, { stage: "IDENTIFIED" }),
  ]);
  const headline: [string, number | null][] = [
    ["Target", pounds(h.targetPence)],
    ["Identified", pounds(h.identifiedPence)],
    ["Risk-adjusted", pounds(h.riskAdjustedPence)],
    ["Unidentified gap", pounds(h.unidentifiedPence)],
    ["Year-to-date plan", pounds(h.ytdPlanPence)],
    ["Year-to-date actual", pounds(h.ytdActualPence)],
    ["Year-to-date variance", pounds(h.ytdVariancePence)],
    ["Forecast outturn", pounds(h.forecastOutturnPence)],
    ["Recurrent", pounds(h.recurrentPence)],
    ["Non-recurrent", pounds(h.nonRecurrentPence)],
    ["Cash-releasing", pounds(h.cashReleasingPence)],
  ];
  return writeXlsx({
    sheets: [
      {
        name: "Headline",
        columns: [{ header: `${scopeName} · ${formatFinancialYear(year)}`, width: 36 }, money("Amount (£)")],
        rows: [...headline, ["Schemes", h.schemeCount], ["Months elapsed", h.elapsedMonths]],
        inputRows: 0,
      },
      {
        name: "Maturity",
        columns: [
          { header: "Stage" },
          { header: "Schemes", format: "number" },
          money("In-year value (£)"),
          money("Risk-adjusted (£)"),
        ],
        rows: stages.map((s) => [
          SCHEME_STAGE_LABELS[s.stage],
          s.count,
          pounds(s.inYearPence),
          pounds(s.riskAdjustedPence),
        ]),
        inputRows: 0,
      },
      ...BREAKDOWN_DIMENSIONS.map((dimension) => ({
        name: `By ${dimension}`,
        columns: [
          { header: dimension[0]!.toUpperCase() + dimension.slice(1), width: 36 },
          { header: "Schemes", format: "number" as const },
          money("Identified (£)"),
          money("Risk-adjusted (£)"),
          money("YTD plan (£)"),
          money("YTD actual (£)"),
          money("YTD variance (£)"),
        ],
        rows: breakdowns[dimension].map((r) => [
          r.label,
          r.schemeCount,
          pounds(r.identifiedPence),
          pounds(r.riskAdjustedPence),
          pounds(r.ytdPlanPence),
          pounds(r.ytdActualPence),
          pounds(r.ytdVariancePence),
        ]),
        autoFilter: true,
        inputRows: 0,
      })),
      {
        name: "Cumulative months",
        columns: [
          { header: "Month" },
          money("Plan (£)"),
          money("Forecast (£)"),
          money("Actual (£)"),
          money("Cumulative plan (£)"),
          money("Cumulative forecast (£)"),
          money("Cumulative actual (£)"),
        ],
        rows: months.map((m) => [
          `M${m.month} ${monthLabel(m.month)}`,
          pounds(m.planPence),
          pounds(m.forecastPence),
          pounds(m.actualPence),
          pounds(m.cumulativePlanPence),
          pounds(m.cumulativeForecastPence),
          pounds(m.cumulativeActualPence),
        ]),
        inputRows: 0,
      },
    ],
  });
}
