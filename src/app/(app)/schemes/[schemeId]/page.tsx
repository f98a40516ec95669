import type { Metadata } from "next";
import Link from "next/link";
import { Card, PageHeader } from "@/components/ui/page-header";
import { formatDate } from "@/lib/dates";
import { formatFinancialYear, monthLabel, type FinancialMonth } from "@/lib/financial-year";
import { formatMoney, penceToPoundsString } from "@/lib/money";
import { netWteText, wteGroupsText, wteMovements } from "@/modules/dashboards/finance-dashboard-view";
import { SchemeForm } from "@/modules/schemes/components/scheme-form";
import { SchemeMonthsTable } from "@/modules/schemes/components/scheme-months-table";
import { MonthlyUpdateForm } from "@/modules/schemes/financials/components/monthly-update-form";
import { SchemeMonthsGrid } from "@/modules/schemes/financials/components/scheme-months-grid";
import { monthName } from "@/modules/schemes/financials/month-grid";
import { schemeFinancialsView } from "@/modules/schemes/financials/scheme-financials-view";
import { getScheme } from "@/modules/schemes/get-scheme";
import { canEditScheme } from "@/modules/schemes/scheme-access";
import { schemeFormOptions } from "@/modules/schemes/scheme-form-options";
import { SCHEME_CATEGORY_LABELS, ragDisplay } from "@/modules/schemes/scheme-rules";
import { can } from "@/server/auth/actor";
import { requireActor } from "@/server/auth/session";
import { orNotFound } from "@/server/page-helpers";
import { routes } from "@/server/routes";
import { countOpenSchemeRisks } from "@/modules/risks/find-risks";
import { canManageRisk } from "@/modules/risks/risk-access";
import { RegisterSummary } from "@/modules/risks/components/register-summary";
import { GatewayPanel } from "@/modules/gateways/components/gateway-panel";
import { SchemeAssessmentsCard } from "@/modules/quality/components/scheme-assessments-card";
import { getGatewayPanel } from "@/modules/gateways/get-gateway-panel";
import {
  AddMilestoneForm,
  AddSchemeKpiForm,
  MilestoneStatusForm,
} from "@/modules/schemes/components/scheme-plan-forms";
import { ACTIVITY_STATUS_LABELS } from "@/modules/activities/activity-status";
import { findDecisionForScheme } from "@/modules/portfolio/find-portfolio";
import { OPTION_LABELS } from "@/modules/portfolio/portfolio-rules";
import { GuardrailAlert } from "@/modules/spc/components/guardrail-alert";
import { findKpiReadings } from "@/modules/spc/find-kpi-readings";
import { findAttachments } from "@/modules/schemes/attachments/attachment-reads";
import { AttachmentList } from "@/modules/schemes/attachments/components/attachment-list";
import { UploadAttachmentForm } from "@/modules/schemes/attachments/components/attachment-forms";
import { findComments, findMentionableUsers } from "@/modules/schemes/comments/comment-reads";
import { CommentForm } from "@/modules/schemes/comments/components/comment-form";
import { CommentThread } from "@/modules/schemes/comments/components/comment-thread";
import { SchemeContents, type ContentsEntry } from "@/modules/schemes/components/scheme-page/scheme-contents";
import { SchemeHistory } from "@/modules/schemes/components/scheme-page/scheme-history";
import { SchemeSummary } from "@/modules/schemes/components/scheme-page/scheme-summary";
import { findSchemeHistory } from "@/modules/schemes/history/find-scheme-history";
import { monthlyUpdateState } from "@/modules/schemes/scheme-summary-rules";
import { SchemeChart } from "@/modules/schemes/components/scheme-page/scheme-chart";
import { hasMonthFigures, schemeMonthFigures } from "@/modules/schemes/financials/scheme-month-figures";

export const metadata: Metadata = { title: "Scheme" };

/** `?historyPage=n` pages the history; anything else is page 1. */
function historyPageOf(value: string | string[] | undefined): number {
  const n = Number(Array.isArray(value) ? value[0] : value);
  return Number.isInteger(n) && n >= 1 && n <= 100_000 ? n : 1;
}

export default async function SchemePage({
  params,
  searchParams,
}: {
  params: Promise<{ schemeId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireActor();
  const { schemeId } = await params;
  const historyPage = historyPageOf((await searchParams).historyPage);
  const scheme = await orNotFound(getScheme(actor, schemeId));
  const editable = canEditScheme(actor, scheme);
  const openRisks = await countOpenSchemeRisks(scheme.id);
  const portfolioOrigin = await findDecisionForScheme(scheme.id);
  const mayRaiseRisk = canManageRisk(actor, {
    organisationId: scheme.organisationId,
    systemId: scheme.organisation.systemId,
  });
  const mayComment = can(actor, "scheme.comment", scheme.organisationId);
  const [options, financials, gateway, readings, history, comments, attachments, people] = await Promise.all([
    editable ? schemeFormOptions(scheme.organisationId) : null,
    schemeFinancialsView(actor, scheme),
    getGatewayPanel(actor, scheme),
    findKpiReadings({ schemeId: scheme.id }),
    findSchemeHistory(scheme.id, historyPage),
    findComments(scheme.id),
    findAttachments(scheme.id),
    mayComment
      ? findMentionableUsers({ organisationId: scheme.organisationId, systemId: scheme.organisation.systemId })
      : Promise.resolve([]),
  ]);
  const planTexts = Array.from({ length: 12 }, (_, i) => {
    const pence = scheme.months.find((m) => m.financialYear === scheme.financialYear && m.month === i + 1)?.planPence;
    return pence === undefined || pence === null ? "" : penceToPoundsString(Number(pence));
  });
  const update = financials.monthlyUpdate;
  const chartMonths = schemeMonthFigures(scheme.months, scheme.financialYear);
  const contents: (ContentsEntry | false)[] = [
    { id: "summary", label: "Summary" },
    { id: "details", label: "Details" },
    { id: "financials", label: "Financials" },
    !!update && { id: "monthly-update", label: "Monthly update form" },
    { id: "gateway", label: "Gateways" },
    { id: "milestones", label: "Milestones" },
    { id: "quality", label: "Quality and equality" },
    { id: "risks", label: "Risks", count: openRisks },
    { id: "kpis", label: "KPIs", count: gateway.kpis.length },
    { id: "updates", label: "Monthly updates", count: scheme.updates.length },
    { id: "history", label: "History", count: history.total },
    { id: "comments", label: "Comments", count: comments.length },
    { id: "attachments", label: "Attachments", count: attachments.length },
    editable && !!options && { id: "edit-scheme", label: "Edit the scheme" },
  ];
  return (
    <>
      <PageHeader title={scheme.title} caption={`${scheme.code} · ${scheme.organisation.name}`}>
        <Link href={routes.schemes} className="font-semibold">
          Back to the schemes
        </Link>
      </PageHeader>
      <div className="2xl:grid 2xl:grid-cols-[13rem_minmax(0,1fr)] 2xl:items-start 2xl:gap-6">
        <SchemeContents entries={contents.filter((e): e is ContentsEntry => e !== false)} />
        <div className="min-w-0">
          <Card id="summary" title="Summary">
            <SchemeSummary
              scheme={scheme}
              gateway={gateway}
              update={monthlyUpdateState(scheme, new Date())}
              mayUpdate={!!update}
            />
          </Card>
          <Card id="details" title="Details">
            <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
              {portfolioOrigin && (
                <>
                  <dt className="font-semibold">Arising from</dt>
                  <dd>
                    <Link href={routes.portfolioReview(portfolioOrigin.review.id)}>{portfolioOrigin.review.name}</Link>:{" "}
                    {OPTION_LABELS[portfolioOrigin.option].toLowerCase()} {portfolioOrigin.serviceLine.name}
                  </dd>
                </>
              )}
              <dt className="font-semibold">Description</dt>
              <dd>{scheme.description}</dd>
              <dt className="font-semibold">Category</dt>
              <dd>
                {SCHEME_CATEGORY_LABELS[scheme.category]}
                {scheme.subCategory ? ` · ${scheme.subCategory}` : ""} ·{" "}
                {scheme.recurrent ? "recurrent" : "non-recurrent"} ·{" "}
                {scheme.cashReleasing ? "cash-releasing" : "productivity (not cash-releasing)"}
              </dd>
              <dt className="font-semibold">Division</dt>
              <dd>{scheme.division?.name ?? "None"}</dd>
              <dt className="font-semibold">Workstream</dt>
              <dd>
                {scheme.workstream ? (
                  <Link
                    href={routes.workstream(scheme.workstream.id)}
                  >{`${scheme.workstream.programme.name} › ${scheme.workstream.name}`}</Link>
                ) : (
                  "None"
                )}
              </dd>
              <dt className="font-semibold">Full-year effect</dt>
              <dd>{formatMoney(Number(scheme.fullYearEffectPence))}</dd>
              <dt className="font-semibold">Start month</dt>
              <dd>
                {scheme.startMonth
                  ? `M${scheme.startMonth} ${monthLabel(scheme.startMonth as FinancialMonth)}`
                  : "Not set"}
              </dd>
              <dt className="font-semibold">WTE movements</dt>
              <dd>{schemeWteText(scheme)}</dd>
            </dl>
          </Card>
          <Card
            id="financials"
            title={`Plan, forecast and actual by month, ${formatFinancialYear(scheme.financialYear)}`}
          >
            {hasMonthFigures(chartMonths) ? (
              <SchemeChart months={chartMonths} inYearValuePence={Number(scheme.inYearValuePence)} />
            ) : (
              <p>No plan, forecast or actual yet: enter the plan in the monthly financials below.</p>
            )}
          </Card>
          {financials.years.map((y) => (
            <Card key={y.financialYear} title={`Monthly financials ${formatFinancialYear(y.financialYear)}`}>
              {y.grid ? (
                <SchemeMonthsGrid {...y.grid} />
              ) : (
                <SchemeMonthsTable financialYear={y.financialYear} months={y.months} />
              )}
            </Card>
          ))}
          {update && (
            <Card id="monthly-update" title={`Submit the monthly update for M${update.month}`}>
              <p className="mb-4 text-nhs-secondary">
                {monthName(update.financialYear, update.month)}: the actual, the forecast for the rest of the year, RAG
                and commentary.
              </p>
              <MonthlyUpdateForm {...update} />
            </Card>
          )}
          <Card id="gateway" title="Gateways">
            <GatewayPanel scheme={scheme} panel={gateway} planTexts={planTexts} />
          </Card>
          <Card id="milestones" title="Milestones">
            {gateway.milestones.length === 0 ? (
              <p>No milestones yet. Gateway 2 needs at least one.</p>
            ) : (
              <ul className="mb-4 space-y-2">
                {gateway.milestones.map((m) => (
                  <li
                    key={m.id}
                    className="flex flex-wrap items-center justify-between gap-2 border-b border-nhs-border pb-2"
                  >
                    <span>
                      {m.description}
                      {m.dueDate ? ` · due ${formatDate(m.dueDate)}` : ""}
                      {!editable && ` · ${ACTIVITY_STATUS_LABELS[m.status]}`}
                    </span>
                    {editable && (
                      <MilestoneStatusForm milestoneId={m.id} status={m.status} description={m.description} />
                    )}
                  </li>
                ))}
              </ul>
            )}
            {editable && <AddMilestoneForm schemeId={scheme.id} />}
          </Card>
          <div id="quality" className="scroll-mt-4">
            <SchemeAssessmentsCard schemeId={scheme.id} actor={actor} />
          </div>
          <Card id="risks" title="Risks">
            <RegisterSummary
              openCount={openRisks}
              registerHref={`${routes.risks}?scheme=${scheme.id}`}
              raiseHref={mayRaiseRisk ? `${routes.newRisk}?scheme=${scheme.id}` : undefined}
            />
          </Card>
          <Card id="kpis" title="KPIs">
            <GuardrailAlert readings={readings} />
            {gateway.kpis.length === 0 ? (
              <p>No KPIs yet. Gateway 2 needs at least one.</p>
            ) : (
              <ul className="mb-4 space-y-1">
                {gateway.kpis.map((k) => (
                  <li key={k.id}>
                    <Link href={routes.kpi(k.id)} className="font-semibold">
                      {k.name}
                    </Link>{" "}
                    ({k.unit}, {k.direction === "LOWER_IS_BETTER" ? "lower is better" : "higher is better"})
                    {k.baseline !== null ? ` · baseline ${k.baseline.toString()}` : ""}
                    {k.target !== null ? ` · target ${k.target.toString()}` : ""}
                    {k.qualityIndicator ? " · quality indicator from the QIA" : ""}
                    {" · "}
                    {readings.find((r) => r.id === k.id)?.spc.chart.variation?.text ?? "no SPC limits yet"}
                  </li>
                ))}
              </ul>
            )}
            {editable && <AddSchemeKpiForm schemeId={scheme.id} />}
          </Card>
          <Card id="updates" title="Monthly updates">
            {scheme.updates.length === 0 ? (
              <p>No monthly updates yet.</p>
            ) : (
              <ul className="space-y-3">
                {scheme.updates.map((u) => (
                  <li key={u.id} className="border-l-4 border-nhs-border pl-3">
                    <p className="font-semibold">
                      M{u.month} {formatFinancialYear(u.financialYear)} · {ragDisplay("DELIVERY", u.rag).label} ·{" "}
                      {u.submittedBy.name}, {formatDate(u.submittedAt)}
                    </p>
                    <p>{u.commentary}</p>
                  </li>
                ))}
              </ul>
            )}
          </Card>
          <Card id="history" title="History">
            <SchemeHistory schemeId={scheme.id} history={history} />
          </Card>
          <Card id="comments" title="Comments">
            <CommentThread comments={comments} />
            {mayComment ? (
              <CommentForm schemeId={scheme.id} people={people} />
            ) : (
              <p className="mt-3 text-nhs-secondary">Board members read comments; they do not write them.</p>
            )}
          </Card>
          <Card id="attachments" title="Attachments">
            <AttachmentList schemeId={scheme.id} attachments={attachments} mayRemove={editable} />
            {editable && <UploadAttachmentForm schemeId={scheme.id} />}
          </Card>
          {editable && options && (
            <Card id="edit-scheme" title="Edit the scheme">
              <SchemeForm
                options={options}
                canChooseLead={can(actor, "scheme.edit.any", scheme.organisationId)}
                existing={{
                  schemeId: scheme.id,
                  version: scheme.version,
                  values: {
                    title: scheme.title,
                    description: scheme.description,
                    category: scheme.category,
                    subCategory: scheme.subCategory ?? "",
                    recurrent: String(scheme.recurrent),
                    cashReleasing: scheme.cashReleasing ? "on" : "",
                    divisionId: scheme.divisionId ?? "",
                    workstreamId: scheme.workstreamId ?? "",
                    leadId: scheme.leadId,
                    financialYear: formatFinancialYear(scheme.financialYear),
                    fullYearEffect: penceToPoundsString(Number(scheme.fullYearEffectPence)),
                    inYearValue: penceToPoundsString(Number(scheme.inYearValuePence)),
                    startMonth: scheme.startMonth ? String(scheme.startMonth) : "",
                    rag: scheme.rag ?? "",
                    wteSubstantive: scheme.wteSubstantive.toString(),
                    wteBank: scheme.wteBank.toString(),
                    wteAgency: scheme.wteAgency.toString(),
                  },
                }}
              />
            </Card>
          )}
        </div>
      </div>
    </>
  );
}

/** The scheme's planned WTE movements worded as on the dashboard: signed per staff group, then the net. */
function schemeWteText(scheme: {
  wteSubstantive: { toString(): string };
  wteBank: { toString(): string };
  wteAgency: { toString(): string };
}) {
  // The stored values are reductions with two decimals; hundredths keep the sums exact.
  const hundredths = (wte: { toString(): string }) => Math.round(Number(wte.toString()) * 100);
  const wte = wteMovements({
    substantive: hundredths(scheme.wteSubstantive),
    bank: hundredths(scheme.wteBank),
    agency: hundredths(scheme.wteAgency),
  });
  return `${netWteText(wte.netHundredths)}: ${wteGroupsText(wte.groups)}`;
}
