import type { Metadata } from "next";
import Link from "next/link";
import { Card, PageHeader } from "@/components/ui/page-header";
import { isoDate } from "@/lib/dates";
import { FullQiaForm } from "@/modules/quality/components/full-qia-form";
import {
  CommitteeOverrideForm,
  QiaCommandForm,
  RecordQiaReviewForm,
} from "@/modules/quality/components/qia-action-forms";
import {
  ConditionsPanel,
  FullQiaSummary,
  IndicatorsTable,
  ReviewsList,
  ScreeningTable,
  SignOffPanel,
  VersionHistory,
} from "@/modules/quality/components/qia-panels";
import { QiaScreeningForm } from "@/modules/quality/components/qia-screening-form";
import { getSchemeQia } from "@/modules/quality/get-scheme-qia";
import { RESIDUAL_SCORE_LIMIT } from "@/modules/gateways/gateway-rules";
import {
  QIA_STATUS_LABELS,
  capacitiesOpenTo,
  fullQiaGaps,
  highestResidualScore,
  isAboveThreshold,
  mayBeReviewed,
  qiaEditMode,
  SCREENED_OUT_REASON,
  screeningScore,
} from "@/modules/quality/qia-rules";
import {
  canEditAssessment,
  canFollowUpQuality,
  canOverrideQuality,
  signatoryAt,
} from "@/modules/quality/quality-access";
import { requireActor } from "@/server/auth/session";
import { orNotFound } from "@/server/page-helpers";
import { GuardrailAlert } from "@/modules/spc/components/guardrail-alert";
import { findKpiReadings } from "@/modules/spc/find-kpi-readings";
import { routes } from "@/server/routes";

export const metadata: Metadata = { title: "Quality impact assessment" };

export default async function SchemeQiaPage({
  params,
  searchParams,
}: {
  params: Promise<{ schemeId: string }>;
  searchParams: Promise<{ version?: string }>;
}) {
  const actor = await requireActor();
  const { schemeId } = await params;
  const { version } = await searchParams;
  const requested = version && /^\d{1,4}$/.test(version) ? Number(version) : undefined;
  const { scheme, dimensions, versions, indicators, qia, isCurrent } = await orNotFound(
    getSchemeQia(actor, schemeId, requested),
  );
  const guardrails = await findKpiReadings({ schemeId: scheme.id, qualityIndicator: true });
  const editor = canEditAssessment(actor, scheme);
  const mode = qia && isCurrent ? qiaEditMode(qia.status, qia.signOffs.length) : "closed";
  const mayEdit = editor && (mode === "edit" || mode === "back-to-draft");
  const followUp = isCurrent && canFollowUpQuality(actor, scheme);
  const above = qia ? qia.dimensions.filter((d) => isAboveThreshold(d, qia.threshold)) : [];
  const gaps = qia
    ? fullQiaGaps({
        ...qia,
        indicatorCount: indicators.length,
        dimensions: qia.dimensions.map((d) => ({ ...d, name: d.dimension.name })),
      })
    : [];
  const openCapacities =
    qia && isCurrent && qia.status === "AWAITING_SIGN_OFF"
      ? capacitiesOpenTo(signatoryAt(actor, scheme.organisationId), scheme, qia.signOffs)
      : [];
  const residual = qia ? highestResidualScore(qia.dimensions) : null;
  return (
    <>
      <PageHeader title="Quality impact assessment" caption={`${scheme.code} · ${scheme.title}`}>
        <Link href={routes.scheme(scheme.id)} className="font-semibold">
          Back to the scheme
        </Link>
      </PageHeader>
      <GuardrailAlert readings={guardrails} />
      {!qia ? (
        <Card>
          <p className="mb-4">No QIA has been started for this scheme.</p>
          {editor && <QiaCommandForm command="start" fields={{ schemeId: scheme.id }} />}
        </Card>
      ) : (
        <>
          <Card>
            <p className="text-lg">
              <strong>Version {qia.number}</strong>: {QIA_STATUS_LABELS[qia.status]} · threshold {qia.threshold} · lead{" "}
              {scheme.lead.name}
            </p>
            {!isCurrent && (
              <p className="mt-2 border-l-4 border-nhs-warm-yellow bg-white p-3">
                This is an earlier version, kept as it was signed. Open the current version from the version history.
              </p>
            )}
            {qia.screeningComplete && (
              <p className={`mt-2 font-semibold ${qia.fullRequired ? "text-nhs-red" : ""}`}>
                {qia.fullRequired
                  ? `Full QIA required: ${above.map((d) => `${d.dimension.name} (${screeningScore(d.likelihood, d.consequence)})`).join(", ")}.`
                  : SCREENED_OUT_REASON}
              </p>
            )}
            {editor && mode === "new-version" && (
              <div className="mt-4">
                <p className="mb-2">
                  This version has been signed or decided. To change it, start a new version; it will need both
                  signatures again.
                </p>
                <QiaCommandForm command="revise" fields={{ assessmentId: qia.id, version: qia.version }} />
              </div>
            )}
          </Card>
          <Card title="Screening">
            {mayEdit ? (
              <QiaScreeningForm
                assessmentId={qia.id}
                version={qia.version}
                threshold={qia.threshold}
                dimensions={dimensions.map((d) => ({ id: d.id, name: d.name, description: d.description }))}
                answers={Object.fromEntries(
                  qia.dimensions.map((d) => [
                    d.dimensionId,
                    { impact: d.impact, likelihood: String(d.likelihood), consequence: String(d.consequence) },
                  ]),
                )}
              />
            ) : qia.dimensions.length ? (
              <ScreeningTable qia={qia} />
            ) : (
              <p>Screening not answered yet.</p>
            )}
          </Card>
          {qia.fullRequired && (
            <Card title="Full QIA">
              {mayEdit && qia.screeningComplete ? (
                <FullQiaForm
                  assessmentId={qia.id}
                  version={qia.version}
                  impactSummary={qia.impactSummary ?? ""}
                  reviewDate={qia.reviewDate ? isoDate(qia.reviewDate) : ""}
                  dimensions={above.map((d) => ({
                    id: d.dimensionId,
                    name: d.dimension.name,
                    score: screeningScore(d.likelihood, d.consequence),
                    description: d.description ?? "",
                    mitigations: d.mitigations ?? "",
                    residualLikelihood: d.residualLikelihood?.toString() ?? "",
                    residualConsequence: d.residualConsequence?.toString() ?? "",
                  }))}
                  indicators={indicators.map((k) => ({
                    id: k.id,
                    name: k.name,
                    unit: k.unit,
                    direction: k.direction,
                    baseline: k.baseline?.toString() ?? "",
                    target: k.target?.toString() ?? "",
                  }))}
                />
              ) : (
                <FullQiaSummary qia={qia} indicators={indicators} />
              )}
              {editor && isCurrent && qia.status === "DRAFT" && qia.screeningComplete && (
                <div className="mt-6">
                  <h3 className="mb-2 text-lg font-bold">Send for sign-off</h3>
                  {gaps.length > 0 ? (
                    <>
                      <p>Before it can go to the signatories:</p>
                      <ul className="mb-2 list-disc pl-6">
                        {gaps.map((g) => (
                          <li key={g}>{g}</li>
                        ))}
                      </ul>
                    </>
                  ) : (
                    <QiaCommandForm command="submit" fields={{ assessmentId: qia.id, version: qia.version }} />
                  )}
                </div>
              )}
            </Card>
          )}
          {!qia.fullRequired && indicators.length > 0 && (
            <Card title="Quality indicators">
              <IndicatorsTable indicators={indicators} />
            </Card>
          )}
          {qia.fullRequired && <SignOffPanel qia={qia} openCapacities={openCapacities} />}
          <ConditionsPanel qia={qia} mayMarkMet={followUp} />
          {(qia.committeeOverride || (residual !== null && residual >= RESIDUAL_SCORE_LIMIT)) && (
            <Card title="Quality committee override">
              <p className="mb-4">
                {qia.committeeOverride ??
                  `A dimension keeps a residual score of ${residual}; gateway 2 needs a recorded quality committee override.`}
              </p>
              {isCurrent && canOverrideQuality(actor, scheme) && (
                <CommitteeOverrideForm assessmentId={qia.id} version={qia.version} />
              )}
            </Card>
          )}
          <Card title="Post-implementation reviews">
            <ReviewsList qia={qia} />
            {followUp && mayBeReviewed(qia) && <RecordQiaReviewForm assessmentId={qia.id} version={qia.version} />}
          </Card>
          <Card title="Version history">
            <VersionHistory schemeId={scheme.id} versions={versions} shown={qia.number} />
          </Card>
        </>
      )}
    </>
  );
}
