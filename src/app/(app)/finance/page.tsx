import type { Metadata } from "next";
import Link from "next/link";
import { AccessDenied } from "@/components/ui/access-denied";
import { DataTable, cellClass, numberCellClass, rowClass } from "@/components/ui/data-table";
import { Card, PageHeader } from "@/components/ui/page-header";
import { formatDate } from "@/lib/dates";
import { financialYearOf, formatFinancialYear } from "@/lib/financial-year";
import { formatMoney } from "@/lib/money";
import { PeriodCloseTable } from "@/modules/schemes/financials/components/period-close-table";
import { SavingsTargetForm } from "@/modules/schemes/financials/components/savings-target-form";
import { StageWeightsForm } from "@/modules/schemes/financials/components/stage-weights-form";
import { findStageWeights } from "@/modules/schemes/financials/stage-weights";
import { GatewaySettingsForm } from "@/modules/gateways/components/gateway-settings-form";
import { findGatewaySettings } from "@/modules/gateways/gateway-settings";
import {
  financeOrganisations,
  findPeriods,
  findProgrammeTypes,
  findSavingsTargets,
} from "@/modules/schemes/financials/financials-reads";
import { PROGRAMME_TYPE_LABELS } from "@/modules/organisations/programme-types";
import { monthName } from "@/modules/schemes/financials/month-grid";
import { can } from "@/server/auth/actor";
import { currentOrganisation } from "@/server/auth/current-organisation";
import { requireActor } from "@/server/auth/session";
import { configuredYearRange, financialYearOptions } from "@/server/financial-year-range";
import { isInYearRange } from "@/lib/financial-year-range";
import { routes } from "@/server/routes";

export const metadata: Metadata = { title: "Finance settings" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** The year asked for, if it is in the service's range and not after this financial year. */
function chosenYear(text: string | string[] | undefined, thisYear: number, now: Date): number {
  const year = Number(typeof text === "string" ? text : undefined);
  return isInYearRange(year, configuredYearRange(now)) && year <= thisYear ? year : thisYear;
}

export default async function FinanceSettingsPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireActor();
  const organisations = financeOrganisations(actor);
  if (organisations.length === 0) return <AccessDenied what="finance settings" />;
  const params = await searchParams;
  const current = await currentOrganisation(actor);
  const organisation =
    organisations.find((o) => o.id === params.organisation) ??
    organisations.find((o) => o.id === current?.id) ??
    organisations[0]!;
  const now = new Date();
  const thisYear = financialYearOf(now);
  const year = chosenYear(params.year, thisYear, now);
  const canClose = can(actor, "period.close", organisation.id);
  const canSetTargets = can(actor, "target.manage", organisation.id);
  const [periods, targets, weights, gatewaySettings, programmeTypes] = await Promise.all([
    canClose ? findPeriods(actor, organisation.id, year, now) : Promise.resolve([]),
    canSetTargets ? findSavingsTargets(actor, organisation.id) : Promise.resolve([]),
    findStageWeights(organisation.id),
    findGatewaySettings(organisation.id),
    findProgrammeTypes(organisation.id),
  ]);
  const isDirector =
    can(actor, "gateway.decide", organisation.id) && organisation.financeCapacities.includes("DIRECTOR");
  const years = financialYearOptions(now);

  return (
    <>
      <PageHeader title="Finance settings" caption={organisation.name} />
      {canClose && (
        <p className="mb-6">
          <Link href={routes.reminderSettingsAt(organisation.id)}>Reminder settings</Link>: when monthly updates and the
          month-end close fall due, and when overdue updates are escalated.
        </p>
      )}
      {organisations.length > 1 && (
        <nav aria-label="Organisations" className="mb-6">
          <ul className="flex flex-wrap gap-x-4 gap-y-1">
            {organisations.map((o) => (
              <li key={o.id}>
                <Link
                  href={routes.financeSettingsAt(o.id, year)}
                  aria-current={o.id === organisation.id ? "page" : undefined}
                  className={o.id === organisation.id ? "font-bold" : ""}
                >
                  {o.name}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      )}
      {can(actor, "scheme.edit.any", organisation.id) && (
        <p className="mb-6">
          <Link href={routes.importsAt(organisation.id)} className="font-semibold">
            Import schemes and months from Excel
          </Link>{" "}
          ·{" "}
          <a href={routes.trackerExport(organisation.id)} className="font-semibold">
            Export schemes and months (Excel)
          </a>
        </p>
      )}
      {canSetTargets && (
        <Card title="Savings targets">
          {targets.length === 0 ? (
            <p className="mb-4">No savings target has been set yet.</p>
          ) : (
            <div className="mb-4">
              <DataTable
                caption={`Savings targets of ${organisation.name}`}
                columns={[{ label: "Financial year" }, { label: "Programme" }, { label: "Target", align: "right" }]}
              >
                {targets.map((t) => (
                  <tr key={`${t.financialYear}-${t.programmeType}`} className={rowClass}>
                    <td className={cellClass}>{formatFinancialYear(t.financialYear)}</td>
                    <td className={cellClass}>{t.programmeType}</td>
                    <td className={numberCellClass}>{formatMoney(Number(t.targetPence), { style: "full" })}</td>
                  </tr>
                ))}
              </DataTable>
            </div>
          )}
          <h3 className="mb-2 text-lg font-bold">Set a target</h3>
          <SavingsTargetForm
            organisationId={organisation.id}
            years={years}
            defaultYear={formatFinancialYear(thisYear)}
            programmeTypes={programmeTypes.map((t) => ({ value: t, label: PROGRAMME_TYPE_LABELS[t] }))}
          />
        </Card>
      )}
      <Card title="Gateway and QIA thresholds">
        {isDirector ? (
          <GatewaySettingsForm organisationId={organisation.id} {...gatewaySettings} />
        ) : (
          <p>
            Gateways 2 and 3 of schemes with a full-year effect of{" "}
            {formatMoney(gatewaySettings.directorThresholdPence, { style: "full" })} or more need the finance director.
            A negative quality impact scoring more than {gatewaySettings.qiaThreshold} needs the full QIA. Only the
            finance director can change these.
          </p>
        )}
      </Card>
      {canSetTargets && (
        <Card title="Risk adjustment by stage">
          <p className="mb-3">
            How much of a scheme&rsquo;s in-year value counts towards the risk-adjusted figure at each stage. Defaults:
            opportunity 25%, planning 50%, delivery 90%, complete 100%.
          </p>
          <StageWeightsForm organisationId={organisation.id} weights={weights} />
        </Card>
      )}
      {canClose && (
        <Card title={`Month-end close, ${formatFinancialYear(year)}`}>
          <p className="mb-3">
            Once a month is closed, its actuals can only be changed by finance, with a reason.{" "}
            {year === thisYear ? (
              <Link href={routes.financeSettingsAt(organisation.id, thisYear - 1)}>
                Show {formatFinancialYear(thisYear - 1)}
              </Link>
            ) : (
              <Link href={routes.financeSettingsAt(organisation.id, thisYear)}>
                Show {formatFinancialYear(thisYear)}
              </Link>
            )}
          </p>
          <PeriodCloseTable
            organisationId={organisation.id}
            financialYear={year}
            periods={periods.map((p) => ({
              month: p.month,
              name: monthName(year, p.month),
              status:
                p.state === "closed"
                  ? `Closed by ${p.closedBy} on ${formatDate(p.closedAt!)}`
                  : p.state === "open"
                    ? "Open"
                    : "Not ended yet",
              closable: p.state === "open",
            }))}
          />
        </Card>
      )}
    </>
  );
}
