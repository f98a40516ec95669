import type { Metadata } from "next";
import Link from "next/link";
import { Card, PageHeader } from "@/components/ui/page-header";
import { DataTable, cellClass, rowClass } from "@/components/ui/data-table";
import { formatDate, isoDate, startOfUtcDay } from "@/lib/dates";
import { findRiskOwnerCandidates, getRisk } from "@/modules/risks/find-risks";
import { RiskBandBadge } from "@/modules/risks/components/risk-band-badge";
import { AddRiskActionForm, CloseRiskForm, RiskActionStatusForm } from "@/modules/risks/components/risk-action-forms";
import { RiskForm } from "@/modules/risks/components/risk-form";
import { RiskTrendChart } from "@/modules/risks/components/risk-trend-chart";
import { canManageRisk, registerName, registerOwner } from "@/modules/risks/risk-access";
import { RISK_ACTION_STATUS_LABELS, RISK_CATEGORY_LABELS } from "@/modules/risks/risk-labels";
import { requireActor } from "@/server/auth/session";
import { orNotFound } from "@/server/page-helpers";
import { routes } from "@/server/routes";

export const metadata: Metadata = { title: "Risk" };

export default async function RiskPage({ params }: { params: Promise<{ riskId: string }> }) {
  const actor = await requireActor();
  const { riskId } = await params;
  const risk = await orNotFound(getRisk(actor, riskId));
  const owner = registerOwner(risk);
  const canManage = risk.status === "OPEN" && canManageRisk(actor, owner, risk);
  const owners = canManage ? await findRiskOwnerCandidates(owner.systemId) : [];
  const registerHref = risk.scheme
    ? `${routes.risks}?scheme=${risk.scheme.id}`
    : `${routes.risks}?programme=${risk.programme?.id ?? ""}`;
  const today = startOfUtcDay(new Date());
  const trend = risk.scoreChanges.map((c) => ({ label: formatDate(c.changedAt), score: c.currentScore }));
  return (
    <>
      <PageHeader title={risk.title} caption={`${RISK_CATEGORY_LABELS[risk.category]} risk · ${registerName(risk)}`}>
        <Link href={registerHref} className="font-semibold">
          Back to the register
        </Link>
      </PageHeader>
      <Card>
        <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
          <dt className="font-semibold">Cause</dt>
          <dd>{risk.cause}</dd>
          <dt className="font-semibold">Event</dt>
          <dd>{risk.event}</dd>
          <dt className="font-semibold">Effect</dt>
          <dd>{risk.effect}</dd>
          <dt className="font-semibold">Owner</dt>
          <dd>{risk.owner.name}</dd>
          <dt className="font-semibold">Inherent</dt>
          <dd>
            <RiskBandBadge score={risk.inherentLikelihood * risk.inherentConsequence} /> (likelihood{" "}
            {risk.inherentLikelihood} × consequence {risk.inherentConsequence})
          </dd>
          <dt className="font-semibold">Current</dt>
          <dd data-testid="current-score">
            <RiskBandBadge score={risk.currentScore} /> (likelihood {risk.currentLikelihood} × consequence{" "}
            {risk.currentConsequence})
          </dd>
          <dt className="font-semibold">Target</dt>
          <dd>
            <RiskBandBadge score={risk.targetScore} /> (likelihood {risk.targetLikelihood} × consequence{" "}
            {risk.targetConsequence})
          </dd>
          <dt className="font-semibold">Next review</dt>
          <dd>
            {formatDate(risk.reviewDate)}
            {risk.status === "OPEN" && risk.reviewDate < today && (
              <strong className="ml-2 text-nhs-red">Overdue</strong>
            )}
          </dd>
          <dt className="font-semibold">Status</dt>
          <dd>
            {risk.status === "OPEN"
              ? "Open"
              : `Closed ${risk.closedAt ? formatDate(risk.closedAt) : ""}: ${risk.closureReason ?? ""}`}
          </dd>
          {risk.sourceNote && (
            <>
              <dt className="font-semibold">Source</dt>
              <dd className="text-nhs-secondary">{risk.sourceNote}</dd>
            </>
          )}
        </dl>
      </Card>
      <Card title="Trend of the current score">
        {trend.length > 1 && <RiskTrendChart points={trend} />}
        <DataTable
          caption="Every scoring of this risk"
          className="text-sm"
          columns={[{ label: "When" }, { label: "By" }, { label: "Current" }, { label: "Target" }]}
        >
          {risk.scoreChanges.map((c) => (
            <tr key={c.id.toString()} className={rowClass}>
              <td className={cellClass}>{formatDate(c.changedAt)}</td>
              <td className={cellClass}>{c.changedBy?.name ?? "–"}</td>
              <td className={cellClass}>
                <RiskBandBadge score={c.currentScore} /> ({c.currentLikelihood} × {c.currentConsequence})
              </td>
              <td className={cellClass}>
                <RiskBandBadge score={c.targetScore} />
              </td>
            </tr>
          ))}
        </DataTable>
      </Card>
      <Card title="Mitigating actions">
        {risk.actions.length === 0 ? (
          <p>No actions yet.</p>
        ) : (
          <DataTable
            caption="Mitigating actions"
            className="text-sm"
            columns={[{ label: "Action" }, { label: "Owner" }, { label: "Due" }, { label: "Status" }]}
          >
            {risk.actions.map((a) => {
              const mayUpdate = risk.status === "OPEN" && (canManage || a.owner.id === actor.userId);
              return (
                <tr key={a.id} className={rowClass}>
                  <td className={cellClass}>{a.description}</td>
                  <td className={cellClass}>{a.owner.name}</td>
                  <td className={`${cellClass} whitespace-nowrap`}>
                    {formatDate(a.dueDate)}
                    {a.status !== "DONE" && a.dueDate < today && (
                      <span className="block font-semibold text-nhs-red">Overdue</span>
                    )}
                  </td>
                  <td className={cellClass}>
                    {mayUpdate ? (
                      <RiskActionStatusForm actionId={a.id} status={a.status} description={a.description} />
                    ) : (
                      RISK_ACTION_STATUS_LABELS[a.status]
                    )}
                  </td>
                </tr>
              );
            })}
          </DataTable>
        )}
      </Card>
      {canManage && (
        <>
          <Card title="Add a mitigating action">
            <AddRiskActionForm riskId={risk.id} owners={owners} />
          </Card>
          <Card title="Reassess the risk">
            <RiskForm
              owners={owners}
              existing={{
                riskId: risk.id,
                version: risk.version,
                values: {
                  title: risk.title,
                  cause: risk.cause,
                  event: risk.event,
                  effect: risk.effect,
                  ownerId: risk.owner.id,
                  category: risk.category,
                  reviewDate: isoDate(risk.reviewDate),
                  inherentLikelihood: String(risk.inherentLikelihood),
                  inherentConsequence: String(risk.inherentConsequence),
                  currentLikelihood: String(risk.currentLikelihood),
                  currentConsequence: String(risk.currentConsequence),
                  targetLikelihood: String(risk.targetLikelihood),
                  targetConsequence: String(risk.targetConsequence),
                },
              }}
            />
          </Card>
          <Card title="Close the risk">
            <CloseRiskForm riskId={risk.id} version={risk.version} />
          </Card>
        </>
      )}
    </>
  );
}
