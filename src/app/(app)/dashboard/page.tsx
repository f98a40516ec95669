import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DataTable, cellClass, rowClass } from "@/components/ui/data-table";
import { Card, PageHeader } from "@/components/ui/page-header";
import { formatFinancialYear, monthLabel, type FinancialMonth } from "@/lib/financial-year";
import { schemeRegisterHref } from "@/modules/schemes/register/register-filter";
import { TopRisksTable } from "@/modules/board/components/board-pack-tables";
import { DashboardSelector } from "@/modules/dashboards/components/dashboard-selector";
import { CumulativeChart, MaturityChart } from "@/modules/dashboards/components/finance-charts-lazy";
import { CumulativeTable, MaturityTable } from "@/modules/dashboards/components/position-tables";
import { BreakdownTable, HeadlineTiles } from "@/modules/dashboards/components/finance-tables";
import { BREAKDOWN_DIMENSIONS, financeBreakdowns, financeHeadline } from "@/modules/dashboards/finance-dashboard";
import { overdueMonthlyUpdates } from "@/modules/dashboards/finance-dashboard-overdue";
import { maturitySegments } from "@/modules/dashboards/finance-dashboard-view";
import { figuresByProgrammeType } from "@/modules/dashboards/programme-type-figures";
import { ProgrammeTypeTable } from "@/modules/dashboards/components/programme-type-table";
import { dashboardPageSelection } from "@/modules/dashboards/dashboard-page-selection";
import { identifiedByStage, monthlyCumulative } from "@/modules/dashboards/scheme-figures";
import { findTopRisks, organisationsRiskWhere } from "@/modules/risks/find-risks";
import { countSchemesAwaitingDecision } from "@/modules/gateways/find-gateway-pipeline";
import { countQiasAwaitingSignOff } from "@/modules/quality/find-qias";
import { canAnywhere } from "@/server/auth/actor";
import { requireActor } from "@/server/auth/session";
import { selectableYears } from "@/server/financial-year-range";
import { YearNotice } from "@/components/ui/year-notice";
import { routes } from "@/server/routes";
import { SavingsSpcSection } from "@/modules/spc/components/savings-spc-section";

export const metadata: Metadata = { title: "Finance dashboard" };

export default async function FinanceDashboardPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireActor();
  if (!canAnywhere(actor, "dashboard.view")) notFound();
  const now = new Date();
  const selection = await dashboardPageSelection(actor, await searchParams, now);
  const { scope, year, organisationId, type } = selection;
  const byType = type ? { type } : {};
  const [headline, stages, months, breakdowns, overdue, risks, awaitingDecision, awaitingSignature, programmes] =
    await Promise.all([
      financeHeadline(scope, year, now, type),
      identifiedByStage(scope, year, byType),
      monthlyCumulative(scope, year, { stage: "IDENTIFIED", ...byType }),
      financeBreakdowns(scope, year, now, type),
      overdueMonthlyUpdates(scope, year, now),
      // The same registers as the board pack for this selection (the system view adds shared programmes).
      findTopRisks(actor, 5, organisationsRiskWhere(scope, !organisationId)),
      countSchemesAwaitingDecision(actor, [...scope]),
      countQiasAwaitingSignOff(actor, [...scope]),
      // The system view shows CIP, QIPP and their total side by side (unless one type is chosen).
      !organisationId && !type ? figuresByProgrammeType(scope, year, now) : Promise.resolve(null),
    ]);
  const segments = maturitySegments(stages, headline.unidentifiedPence);
  const viewName = organisationId
    ? (selection.organisations.find((o) => o.id === organisationId)?.name ?? "")
    : "All my organisations";
  const base = { year, organisation: organisationId, ...byType };

  return (
    <>
      <PageHeader
        title="Finance dashboard"
        caption={`${viewName} · ${formatFinancialYear(year)}${type ? ` · ${type} only` : ""}`}
      />
      <YearNotice notice={selection.yearNotice} />
      <Card title="Show">
        <DashboardSelector
          action={routes.dashboard}
          organisations={selection.organisations}
          organisationId={organisationId}
          year={year}
          years={selectableYears(now)}
          programmeType={type}
          offerProgrammeTypes
        />
      </Card>

      {programmes && (
        <Card title="CIP and QIPP">
          <ProgrammeTypeTable
            rows={programmes}
            caption={`CIP, QIPP and their total, ${formatFinancialYear(year)}: maturity as shares of the identified value`}
          />
        </Card>
      )}

      <p className="mb-4">
        <a
          href={`${routes.dashboardExport}?year=${year}${organisationId ? `&organisation=${encodeURIComponent(organisationId)}` : ""}`}
          className="font-semibold"
        >
          Download these figures (Excel)
        </a>
      </p>
      <Card title="Headline figures">
        <HeadlineTiles h={headline} />
        <p className="mt-3 text-sm">
          Schemes of {formatFinancialYear(year)} and schemes of other years with figures in its months, at the plan of
          those months; a full-year effect and WTE movements count in the scheme&apos;s own year only.
        </p>
      </Card>

      <Card title="Awaiting decisions">
        <ul className="space-y-1">
          <li>
            <Link href={routes.gateways}>
              {awaitingDecision === 1 ? "1 scheme awaits" : `${awaitingDecision} schemes await`} a gateway decision
            </Link>
          </li>
          <li>
            <Link href={routes.qias}>
              {awaitingSignature === 1 ? "1 QIA awaits" : `${awaitingSignature} QIAs await`} clinical sign-off
            </Link>
          </li>
        </ul>
      </Card>

      <Card title="Maturity by stage">
        <MaturityChart segments={segments} targetPence={headline.targetPence} />
        <MaturityTable segments={segments} />
      </Card>

      <Card title="Cumulative plan, forecast and actual">
        <CumulativeChart
          targetPence={headline.targetPence}
          points={months.map((m) => ({
            label: monthLabel(m.month),
            plan: m.cumulativePlanPence,
            forecast: m.cumulativeForecastPence,
            actual: m.cumulativeActualPence,
          }))}
        />
        <CumulativeTable months={months} />
      </Card>

      <Card title="Savings delivered: statistical process control">
        <SavingsSpcSection actor={actor} scope={scope} organisationId={organisationId} now={now} />
      </Card>

      {BREAKDOWN_DIMENSIONS.map((dimension) => (
        <Card key={dimension} title={`By ${dimension}`}>
          <BreakdownTable dimension={dimension} rows={breakdowns[dimension]} base={base} />
        </Card>
      ))}

      <Card title="Overdue monthly updates">
        {overdue.month === 0 ? (
          <p>No month of {formatFinancialYear(year)} has ended yet.</p>
        ) : overdue.total === 0 ? (
          <p>Every active scheme has its update for M{overdue.month}.</p>
        ) : (
          <>
            {overdue.total > overdue.schemes.length && (
              <p className="mb-2">
                The first {overdue.schemes.length} of {overdue.total.toLocaleString("en-GB")} by organisation and code.{" "}
                <Link
                  href={schemeRegisterHref({
                    organisation: organisationId,
                    year,
                    noUpdate: overdue.month as FinancialMonth,
                  })}
                >
                  All {overdue.total.toLocaleString("en-GB")} in the scheme register
                </Link>
              </p>
            )}
            <DataTable
              caption={`Active schemes with no monthly update for M${overdue.month}`}
              columns={[{ label: "Scheme" }, { label: "Lead" }, { label: "Organisation" }]}
            >
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
          </>
        )}
      </Card>

      <Card title="Top risks">
        <TopRisksTable risks={risks} small={false} />
      </Card>
    </>
  );
}
