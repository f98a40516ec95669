import type { Metadata } from "next";
import Link from "next/link";
import { Card, PageHeader } from "@/components/ui/page-header";
import { DataTable, cellClass, rowClass } from "@/components/ui/data-table";
import { formatDate } from "@/lib/dates";
import { EiaCommandForm, EiaScreeningForm, FullEiaForm, SignEiaForm } from "@/modules/quality/components/eia-forms";
import {
  CHARACTERISTIC_LABELS,
  EIA_STATUS_LABELS,
  PROTECTED_CHARACTERISTICS,
  eiaGaps,
  eiaSignOffRefusal,
} from "@/modules/quality/eia-rules";
import { getSchemeEia } from "@/modules/quality/get-scheme-qia";
import { IMPACT_LABELS } from "@/modules/quality/qia-rules";
import { canEditAssessment, eiaSignatoryAt } from "@/modules/quality/quality-access";
import { requireActor } from "@/server/auth/session";
import { orNotFound } from "@/server/page-helpers";
import { routes } from "@/server/routes";

export const metadata: Metadata = { title: "Equality impact assessment" };

export default async function SchemeEiaPage({ params }: { params: Promise<{ schemeId: string }> }) {
  const actor = await requireActor();
  const { schemeId } = await params;
  const { scheme, eia } = await orNotFound(getSchemeEia(actor, schemeId));
  const editor = canEditAssessment(actor, scheme);
  const maySign =
    eia?.status === "AWAITING_SIGN_OFF" &&
    eiaSignOffRefusal(eiaSignatoryAt(actor, scheme.organisationId), scheme) === null;
  const gaps = eia ? eiaGaps(eia) : [];
  const answers = Object.fromEntries(
    (eia?.screening ?? []).map((s) => [s.characteristic, { impact: s.impact, note: s.note ?? "" }]),
  );
  return (
    <>
      <PageHeader title="Equality impact assessment" caption={`${scheme.code} · ${scheme.title}`}>
        <Link href={routes.scheme(scheme.id)} className="font-semibold">
          Back to the scheme
        </Link>
      </PageHeader>
      {!eia ? (
        <Card>
          <p className="mb-4">No EIA has been started for this scheme.</p>
          {editor && <EiaCommandForm command="start" fields={{ schemeId: scheme.id }} />}
        </Card>
      ) : (
        <>
          <Card>
            <p className="text-lg">
              <strong>{EIA_STATUS_LABELS[eia.status]}</strong>
              {eia.screeningComplete
                ? eia.fullRequired
                  ? " · full EIA required: screening found a negative impact"
                  : " · no full EIA required"
                : " · screening not answered"}
            </p>
            {eia.signedOffBy && eia.signedOffAt && (
              <p className="mt-2">
                {EIA_STATUS_LABELS[eia.status]} by {eia.signedOffBy.name} on {formatDate(eia.signedOffAt)}
                {eia.signOffComment && <span className="block text-nhs-secondary">“{eia.signOffComment}”</span>}
              </p>
            )}
          </Card>
          <Card title="Screening: the nine protected characteristics">
            {editor ? (
              <EiaScreeningForm
                assessmentId={eia.id}
                version={eia.version}
                answers={answers}
                signed={eia.status !== "DRAFT"}
              />
            ) : (
              <DataTable
                caption="Screening"
                columns={[{ label: "Characteristic" }, { label: "Impact" }, { label: "Note" }]}
              >
                {PROTECTED_CHARACTERISTICS.map((c) => (
                  <tr key={c} className={rowClass}>
                    <th scope="row" className={`${cellClass} font-semibold`}>
                      {CHARACTERISTIC_LABELS[c]}
                    </th>
                    <td className={cellClass}>{answers[c] ? IMPACT_LABELS[answers[c].impact] : "Not answered"}</td>
                    <td className={cellClass}>{answers[c]?.note || "–"}</td>
                  </tr>
                ))}
              </DataTable>
            )}
          </Card>
          {eia.fullRequired && (
            <Card title="Full EIA">
              {editor ? (
                <FullEiaForm
                  assessmentId={eia.id}
                  version={eia.version}
                  analysis={eia.analysis ?? ""}
                  mitigations={eia.mitigations ?? ""}
                  engagement={eia.engagement ?? ""}
                />
              ) : (
                <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
                  <dt className="font-semibold">Analysis</dt>
                  <dd>{eia.analysis ?? "Not written yet"}</dd>
                  <dt className="font-semibold">Mitigations</dt>
                  <dd>{eia.mitigations ?? "Not written yet"}</dd>
                  <dt className="font-semibold">Engagement</dt>
                  <dd>{eia.engagement ?? "Not written yet"}</dd>
                </dl>
              )}
            </Card>
          )}
          {editor && eia.status === "DRAFT" && eia.screeningComplete && (
            <Card title="Send for sign-off">
              {gaps.length > 0 ? (
                <ul className="list-disc pl-6">
                  {gaps.map((g) => (
                    <li key={g}>{g}</li>
                  ))}
                </ul>
              ) : (
                <EiaCommandForm command="submit" fields={{ assessmentId: eia.id, version: eia.version }} />
              )}
            </Card>
          )}
          {maySign && (
            <Card title="Sign off the EIA">
              <SignEiaForm assessmentId={eia.id} version={eia.version} />
            </Card>
          )}
        </>
      )}
    </>
  );
}
