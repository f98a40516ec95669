import type { Metadata } from "next";
import Link from "next/link";
import { Card, PageHeader } from "@/components/ui/page-header";
import { financialYearOf, formatFinancialYear, isOverdue } from "@/lib/financial-year";
import { formatMoney } from "@/lib/money";
import { timescaleFromColumns } from "@/modules/activities/activity-timescale";
import { ActivityTable } from "@/modules/activities/components/activity-table";
import { CreateActivityForm } from "@/modules/activities/components/create-activity-form";
import { KpiList } from "@/modules/kpis/components/kpi-list";
import { DependencyList } from "@/modules/programmes/components/dependency-list";
import { EditProgrammeForm } from "@/modules/programmes/components/edit-programme-form";
import { SetTargetForm } from "@/modules/programmes/components/set-target-form";
import { WorkstreamForm } from "@/modules/programmes/components/workstream-form";
import { findLeads, getProgramme } from "@/modules/programmes/find-programmes";
import { canManageProgramme } from "@/modules/programmes/programme-access";
import { requireActor } from "@/server/auth/session";
import { financialYearOptions } from "@/server/financial-year-range";
import { countOpenRisks } from "@/modules/risks/find-risks";
import { canManageRisk } from "@/modules/risks/risk-access";
import { RegisterSummary, registerLinks } from "@/modules/risks/components/register-summary";
import { orNotFound } from "@/server/page-helpers";
import { routes } from "@/server/routes";

export const metadata: Metadata = { title: "Programme" };

export default async function ProgrammePage({ params }: { params: Promise<{ programmeId: string }> }) {
  const actor = await requireActor();
  const { programmeId } = await params;
  const programme = await orNotFound(getProgramme(actor, programmeId));
  const canManage = canManageProgramme(actor, programme);
  const leads = canManage ? await findLeads(programme.systemId) : [];
  const openRisks = await countOpenRisks(programme.id);
  const riskLinks = registerLinks(programme.id);
  const now = new Date();
  const activities = programme.activities.map((a) => ({
    ...a,
    overdue: isOverdue(timescaleFromColumns(a.startQuarter, a.endQuarter), a.status, now),
  }));
  const thisYear = financialYearOf(now);
  const years = financialYearOptions(now);
  return (
    <>
      <PageHeader
        title={programme.name}
        caption={`${programme.theme} · ${programme.organisation?.name ?? `${programme.system.name} system`}`}
      >
        <Link href={`${routes.routeMap}?programme=${programme.id}`} className="font-semibold">
          Route map for this programme
        </Link>
      </PageHeader>
      <Card title="Objective">
        <p>{programme.objective}</p>
        <dl className="mt-4 grid gap-x-6 gap-y-1 sm:grid-cols-[max-content_1fr]">
          <dt className="font-semibold">Senior responsible owner</dt>
          <dd>{programme.sro ?? "Not recorded"}</dd>
          <dt className="font-semibold">Savings targets</dt>
          <dd>
            {programme.targets.length === 0
              ? "Not set"
              : programme.targets
                  .map((t) => `${formatFinancialYear(t.financialYear)}: ${formatMoney(Number(t.targetPence))}`)
                  .join(" · ")}
          </dd>
        </dl>
      </Card>
      <Card title="Workstreams">
        {programme.workstreams.length === 0 ? (
          <p>No workstreams.</p>
        ) : (
          <ul className="list-disc pl-6">
            {programme.workstreams.map((w) => (
              <li key={w.id}>
                <Link href={routes.workstream(w.id)}>{w.name}</Link>
                {w.targetPence !== null && (
                  <span className="text-nhs-secondary"> · target {formatMoney(Number(w.targetPence))}</span>
                )}
              </li>
            ))}
          </ul>
        )}
      </Card>
      <Card title="Key activities">
        <ActivityTable
          caption={`Key activities of ${programme.name}`}
          activities={activities}
          showWorkstream={programme.workstreams.length > 0}
        />
      </Card>
      <Card title="KPIs">
        <KpiList kpis={programme.kpis} />
      </Card>
      <Card title="Risks">
        <RegisterSummary
          openCount={openRisks}
          registerHref={riskLinks.registerHref}
          raiseHref={canManageRisk(actor, programme) ? riskLinks.raiseHref : undefined}
        />
      </Card>
      <Card title="Dependencies, constraints and assumptions">
        <DependencyList dependencies={programme.dependencies} />
      </Card>
      {canManage && (
        <>
          <Card title="Add an activity">
            <CreateActivityForm
              programmeId={programme.id}
              workstreams={programme.workstreams.map((w) => ({ id: w.id, name: w.name }))}
              leads={leads}
            />
          </Card>
          <Card title="Add a workstream">
            <WorkstreamForm programmeId={programme.id} />
          </Card>
          <Card title="Set a savings target">
            <SetTargetForm programmeId={programme.id} years={years} defaultYear={formatFinancialYear(thisYear)} />
          </Card>
          <Card title="Edit the programme">
            <EditProgrammeForm
              programme={{
                id: programme.id,
                version: programme.version,
                theme: programme.theme,
                name: programme.name,
                objective: programme.objective,
                sro: programme.sro,
              }}
            />
          </Card>
        </>
      )}
    </>
  );
}
