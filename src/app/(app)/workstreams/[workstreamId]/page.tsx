import type { Metadata } from "next";
import Link from "next/link";
import { Card, PageHeader } from "@/components/ui/page-header";
import { isOverdue } from "@/lib/financial-year";
import { formatMoney, penceToPoundsString } from "@/lib/money";
import { timescaleFromColumns } from "@/modules/activities/activity-timescale";
import { ActivityTable } from "@/modules/activities/components/activity-table";
import { CreateActivityForm } from "@/modules/activities/components/create-activity-form";
import { KpiList } from "@/modules/kpis/components/kpi-list";
import { DependencyList } from "@/modules/programmes/components/dependency-list";
import { WorkstreamForm } from "@/modules/programmes/components/workstream-form";
import { findLeads, getWorkstream } from "@/modules/programmes/find-programmes";
import { canManageProgramme } from "@/modules/programmes/programme-access";
import { requireActor } from "@/server/auth/session";
import { countOpenRisks } from "@/modules/risks/find-risks";
import { canManageRisk } from "@/modules/risks/risk-access";
import { RegisterSummary, registerLinks } from "@/modules/risks/components/register-summary";
import { orNotFound } from "@/server/page-helpers";
import { routes } from "@/server/routes";

export const metadata: Metadata = { title: "Workstream" };

const pounds = (pence: bigint | null) => (pence === null ? "" : penceToPoundsString(Number(pence)));

export default async function WorkstreamPage({ params }: { params: Promise<{ workstreamId: string }> }) {
  const actor = await requireActor();
  const { workstreamId } = await params;
  const workstream = await orNotFound(getWorkstream(actor, workstreamId));
  const { programme } = workstream;
  const canManage = canManageProgramme(actor, programme);
  const leads = canManage ? await findLeads(programme.systemId) : [];
  const openRisks = await countOpenRisks(programme.id, workstream.id);
  const riskLinks = registerLinks(programme.id, workstream.id);
  const now = new Date();
  const activities = workstream.activities.map((a) => ({
    ...a,
    overdue: isOverdue(timescaleFromColumns(a.startQuarter, a.endQuarter), a.status, now),
  }));
  return (
    <>
      <PageHeader title={workstream.name} caption={`Workstream ${workstream.number ?? ""} of ${programme.name}`}>
        <Link href={routes.programme(programme.id)} className="font-semibold">
          Back to the programme
        </Link>
      </PageHeader>
      <Card title="Vision">
        <p>{workstream.vision ?? "Not recorded"}</p>
        <dl className="mt-4 grid gap-x-6 gap-y-1 sm:grid-cols-[max-content_1fr]">
          <dt className="font-semibold">Senior responsible owner</dt>
          <dd>{workstream.sro ?? "Not recorded"}</dd>
          <dt className="font-semibold">Delivery leads</dt>
          <dd>{workstream.deliveryLeads.length ? workstream.deliveryLeads.join("; ") : "Not recorded"}</dd>
          <dt className="font-semibold">Baseline</dt>
          <dd>{workstream.baselinePence === null ? "Not recorded" : formatMoney(Number(workstream.baselinePence))}</dd>
          <dt className="font-semibold">Savings target</dt>
          <dd>{workstream.targetPence === null ? "Not recorded" : formatMoney(Number(workstream.targetPence))}</dd>
        </dl>
      </Card>
      {workstream.caseForChange && (
        <Card title="Case for change">
          <p>{workstream.caseForChange}</p>
        </Card>
      )}
      <Card title="Objectives">
        {workstream.objectives.length ? (
          <ul className="list-disc pl-6">
            {workstream.objectives.map((o, i) => (
              <li key={i}>{o}</li>
            ))}
          </ul>
        ) : (
          <p>None recorded.</p>
        )}
      </Card>
      <Card title="Initiatives and activities">
        <ActivityTable caption={`Activities of ${workstream.name}`} activities={activities} />
      </Card>
      <Card title="KPIs">
        <KpiList kpis={workstream.kpis} />
      </Card>
      <Card title="Risks">
        <RegisterSummary
          openCount={openRisks}
          registerHref={riskLinks.registerHref}
          raiseHref={canManageRisk(actor, programme) ? riskLinks.raiseHref : undefined}
        />
      </Card>
      <Card title="Dependencies">
        <DependencyList dependencies={workstream.dependencies} />
      </Card>
      {canManage && (
        <>
          <Card title="Add an activity">
            <CreateActivityForm
              programmeId={programme.id}
              workstreams={[]}
              fixedWorkstreamId={workstream.id}
              leads={leads}
            />
          </Card>
          <Card title="Edit the workstream">
            <WorkstreamForm
              existing={{
                workstreamId: workstream.id,
                version: workstream.version,
                name: workstream.name,
                vision: workstream.vision ?? "",
                caseForChange: workstream.caseForChange ?? "",
                objectives: workstream.objectives.join("\n"),
                sro: workstream.sro ?? "",
                deliveryLeads: workstream.deliveryLeads.join("\n"),
                baseline: pounds(workstream.baselinePence),
                target: pounds(workstream.targetPence),
              }}
            />
          </Card>
        </>
      )}
    </>
  );
}
