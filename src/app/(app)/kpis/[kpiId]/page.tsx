import type { Metadata } from "next";
import Link from "next/link";
import { Card, PageHeader } from "@/components/ui/page-header";
import { financialYearOf, formatFinancialYear, monthLabel, type FinancialMonth } from "@/lib/financial-year";
import { RecordActualForm } from "@/modules/kpis/components/record-actual-form";
import { getKpi } from "@/modules/kpis/get-kpi";
import { canManageProgramme, holdsForProgramme } from "@/modules/programmes/programme-access";
import { canEditScheme } from "@/modules/schemes/scheme-access";
import { SpcPanel } from "@/modules/spc/components/spc-panel";
import { getSpcConfig } from "@/modules/spc/get-spc-config";
import { kpiSpc } from "@/modules/spc/kpi-spc";
import { canConfigureKpiChart } from "@/modules/spc/spc-subject";
import { requireActor } from "@/server/auth/session";
import { financialYearOptions } from "@/server/financial-year-range";
import { orNotFound } from "@/server/page-helpers";
import { routes } from "@/server/routes";

export const metadata: Metadata = { title: "KPI" };

export default async function KpiPage({ params }: { params: Promise<{ kpiId: string }> }) {
  const actor = await requireActor();
  const { kpiId } = await params;
  const kpi = await orNotFound(getKpi(actor, kpiId));
  const points = kpi.points.map((p) => ({
    label: `${monthLabel(p.month as FinancialMonth)} ${formatFinancialYear(p.financialYear)}`,
    trajectory: p.trajectory === null ? null : Number(p.trajectory),
    actual: p.actual === null ? null : Number(p.actual),
  }));
  const programme = kpi.programme;
  const owns =
    programme !== null &&
    kpi.ownerLead?.userId === actor.userId &&
    holdsForProgramme(actor, "kpi.update.own", programme);
  const canRecord = kpi.scheme
    ? canEditScheme(actor, kpi.scheme)
    : owns || (programme !== null && canManageProgramme(actor, programme));
  const thisYear = financialYearOf(new Date());
  const years = Array.from(new Set([...kpi.points.map((p) => p.financialYear), thisYear])).sort();
  const config = await getSpcConfig("KPI", kpi.id);
  const spc = kpiSpc(kpi, config);
  const back = kpi.scheme
    ? { href: routes.scheme(kpi.scheme.id), label: "the scheme", caption: `${kpi.scheme.code} ${kpi.scheme.title}` }
    : kpi.workstream
      ? { href: routes.workstream(kpi.workstream.id), label: "the workstream", caption: kpi.workstream.name }
      : { href: routes.programme(programme?.id ?? ""), label: "the programme", caption: programme?.name ?? "" };
  return (
    <>
      <PageHeader title={kpi.name} caption={`${kpi.qualityIndicator ? "Quality indicator" : "KPI"} · ${back.caption}`}>
        <Link href={back.href} className="font-semibold">
          Back to {back.label}
        </Link>
      </PageHeader>
      <Card>
        <dl className="grid gap-x-6 gap-y-1 sm:grid-cols-[max-content_1fr]">
          <dt className="font-semibold">Baseline</dt>
          <dd>
            {kpi.baseline !== null ? `${kpi.baseline.toString()} ${kpi.unit}` : "Not set"}
            {kpi.baselineNote ? ` (${kpi.baselineNote})` : ""}
          </dd>
          <dt className="font-semibold">Target</dt>
          <dd>
            {kpi.target !== null ? `${kpi.target.toString()} ${kpi.unit}` : "Not set"}
            {kpi.targetDate ? ` by ${kpi.targetDate.toISOString().slice(0, 10)}` : ""}
            {kpi.targetNote ? ` (${kpi.targetNote})` : ""}
          </dd>
          <dt className="font-semibold">Better when</dt>
          <dd>{kpi.direction === "HIGHER_IS_BETTER" ? "higher" : "lower"}</dd>
          <dt className="font-semibold">Owner</dt>
          <dd>{kpi.ownerLead?.title ?? "Not assigned"}</dd>
        </dl>
      </Card>
      <Card title="Statistical process control (Making Data Count)">
        <SpcPanel
          id="kpi-spc"
          title={`${kpi.name}: actuals by month`}
          chart={spc.chart}
          format={spc.format}
          target={spc.target}
          reference={spc.trajectory ? { label: "Trajectory", values: spc.trajectory } : null}
          config={config}
          chartRef={{ subject: "KPI", subjectId: kpi.id }}
          canConfigure={canConfigureKpiChart(actor, kpi)}
          years={years}
        />
      </Card>
      <Card title="Trajectory and actuals">
        {points.length === 0 ? (
          <p>No trajectory or actuals recorded yet.</p>
        ) : (
          <>
            <details>
              <summary className="cursor-pointer font-semibold">Show the trajectory and actuals as a table</summary>
              <table className="mt-2 text-left text-sm">
                <caption className="sr-only">Trajectory and actual by month</caption>
                <thead>
                  <tr className="border-b-2 border-nhs-border">
                    <th scope="col" className="py-1 pr-6">
                      Month
                    </th>
                    <th scope="col" className="py-1 pr-6 text-right">
                      Trajectory
                    </th>
                    <th scope="col" className="py-1 text-right">
                      Actual
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {points.map((p) => (
                    <tr key={p.label} className="border-b border-nhs-border">
                      <td className="py-1 pr-6">{p.label}</td>
                      <td className="py-1 pr-6 text-right">{p.trajectory ?? "–"}</td>
                      <td className="py-1 text-right">{p.actual ?? "–"}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </details>
          </>
        )}
      </Card>
      {canRecord && (
        <Card title="Record an actual">
          <RecordActualForm
            kpiId={kpi.id}
            version={kpi.version}
            years={financialYearOptions()}
            defaultYear={formatFinancialYear(financialYearOf(new Date()))}
            months={Array.from({ length: 12 }, (_, i) => ({
              value: String(i + 1),
              label: `M${i + 1} ${monthLabel((i + 1) as FinancialMonth)}`,
            }))}
          />
        </Card>
      )}
    </>
  );
}
