import Link from "next/link";
import { Card } from "@/components/ui/page-header";
import { DataTable, cellClass, rowClass } from "@/components/ui/data-table";
import { formatDate } from "@/lib/dates";
import { routes } from "@/server/routes";
import type { SchemeQia } from "../get-scheme-qia";
import {
  CAPACITY_LABELS,
  CLINICAL_CAPACITIES,
  IMPACT_LABELS,
  QIA_STATUS_LABELS,
  SIGN_OFF_OUTCOME_LABELS,
  isAboveThreshold,
  residualScore,
  screeningScore,
} from "../qia-rules";
import { MarkConditionMetForm } from "./qia-action-forms";
import { QiaSignOffForm } from "./qia-sign-off-form";

/** Read-only parts of the QIA page, shared by everyone who can see the scheme. */

type Qia = NonNullable<SchemeQia["qia"]>;

export function ScreeningTable({ qia }: { qia: Qia }) {
  return (
    <DataTable
      caption={`Screening of version ${qia.number}`}
      columns={[
        { label: "Dimension" },
        { label: "Impact" },
        { label: "Likelihood" },
        { label: "Consequence" },
        { label: "Score" },
        { label: "Residual" },
      ]}
    >
      {qia.dimensions.map((d) => {
        const residual = residualScore(d);
        return (
          <tr key={d.dimensionId} className={rowClass}>
            <th scope="row" className={`${cellClass} font-semibold`}>
              {d.dimension.name}
            </th>
            <td className={cellClass}>{IMPACT_LABELS[d.impact]}</td>
            <td className={cellClass}>{d.likelihood}</td>
            <td className={cellClass}>{d.consequence}</td>
            <td className={cellClass}>
              {screeningScore(d.likelihood, d.consequence)}
              {isAboveThreshold(d, qia.threshold) && (
                <strong className="block text-nhs-red">Above {qia.threshold}: full QIA</strong>
              )}
            </td>
            <td className={cellClass}>{residual ?? "–"}</td>
          </tr>
        );
      })}
    </DataTable>
  );
}

export function FullQiaSummary({ qia, indicators }: { qia: Qia; indicators: SchemeQia["indicators"] }) {
  const above = qia.dimensions.filter((d) => isAboveThreshold(d, qia.threshold));
  return (
    <>
      <dl className="mb-4 grid gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
        <dt className="font-semibold">Impact summary</dt>
        <dd>{qia.impactSummary ?? "Not written yet"}</dd>
        <dt className="font-semibold">Post-implementation review</dt>
        <dd>{qia.reviewDate ? formatDate(qia.reviewDate) : "No date set"}</dd>
        {above.map((d) => (
          <div key={d.dimensionId} className="contents">
            <dt className="font-semibold">{d.dimension.name}</dt>
            <dd>
              <p>Impact: {d.description ?? "not described"}</p>
              <p>Mitigations: {d.mitigations ?? "none recorded"}</p>
              <p>Residual score: {residualScore(d) ?? "not scored"}</p>
            </dd>
          </div>
        ))}
      </dl>
      <IndicatorsTable indicators={indicators} />
    </>
  );
}

export function IndicatorsTable({ indicators }: { indicators: SchemeQia["indicators"] }) {
  if (indicators.length === 0) return <p>No quality indicators yet.</p>;
  return (
    <DataTable
      caption="Quality indicators (KPIs of the scheme)"
      columns={[
        { label: "Indicator" },
        { label: "Unit" },
        { label: "Better" },
        { label: "Baseline" },
        { label: "Target" },
      ]}
    >
      {indicators.map((k) => (
        <tr key={k.id} className={rowClass}>
          <td className={cellClass}>
            <Link href={routes.kpi(k.id)}>{k.name}</Link>
          </td>
          <td className={cellClass}>{k.unit}</td>
          <td className={cellClass}>{k.direction === "LOWER_IS_BETTER" ? "Lower" : "Higher"}</td>
          <td className={cellClass}>{k.baseline?.toString() ?? "–"}</td>
          <td className={cellClass}>{k.target?.toString() ?? "–"}</td>
        </tr>
      ))}
    </DataTable>
  );
}

/** Who signed in which capacity, what is awaited, and the form for an eligible signatory. */
export function SignOffPanel({ qia, openCapacities }: { qia: Qia; openCapacities: ("MEDICAL" | "NURSING")[] }) {
  return (
    <Card title="Sign-off">
      <ul className="mb-4 space-y-2">
        {CLINICAL_CAPACITIES.map((c) => {
          const s = qia.signOffs.find((x) => x.capacity === c);
          return (
            <li key={c}>
              <strong>{CAPACITY_LABELS[c]} signatory:</strong>{" "}
              {s ? (
                <>
                  {SIGN_OFF_OUTCOME_LABELS[s.outcome]} by {s.user.name} on {formatDate(s.signedAt)}
                  {s.comment && <span className="block text-nhs-secondary">“{s.comment}”</span>}
                </>
              ) : qia.status === "AWAITING_SIGN_OFF" ? (
                "awaited"
              ) : (
                "not signed"
              )}
            </li>
          );
        })}
      </ul>
      {openCapacities.length > 0 && (
        <QiaSignOffForm assessmentId={qia.id} version={qia.version} capacities={openCapacities} />
      )}
    </Card>
  );
}

export function ConditionsPanel({ qia, mayMarkMet }: { qia: Qia; mayMarkMet: boolean }) {
  const conditions = qia.signOffs.flatMap((s) => s.conditions.map((c) => ({ ...c, capacity: s.capacity })));
  if (conditions.length === 0) return null;
  return (
    <Card title="Conditions of the sign-off">
      <ul className="space-y-4">
        {conditions.map((c) => (
          <li key={c.id} className="border-l-4 border-nhs-border pl-3">
            <p>
              {c.description}{" "}
              <span className="text-nhs-secondary">({CAPACITY_LABELS[c.capacity].toLowerCase()} signatory)</span>
            </p>
            {c.metAt ? (
              <p className="text-nhs-green">
                Met {formatDate(c.metAt)} ({c.metBy?.name}): {c.metNote}
              </p>
            ) : (
              <>
                <p className="font-semibold text-nhs-red">Open</p>
                {mayMarkMet && <MarkConditionMetForm conditionId={c.id} description={c.description} />}
              </>
            )}
          </li>
        ))}
      </ul>
    </Card>
  );
}

export function ReviewsList({ qia }: { qia: Qia }) {
  if (qia.reviews.length === 0) return <p className="mb-4">No post-implementation review recorded on this version.</p>;
  return (
    <ul className="mb-4 space-y-2">
      {qia.reviews.map((r) => (
        <li key={r.id}>
          <strong>{formatDate(r.createdAt)}</strong>, {r.reviewedBy.name}: {r.findings}
          {r.reopened && <span className="ml-2 font-semibold">(reopened the QIA)</span>}
        </li>
      ))}
    </ul>
  );
}

export function VersionHistory({
  schemeId,
  versions,
  shown,
}: {
  schemeId: string;
  versions: SchemeQia["versions"];
  shown: number;
}) {
  return (
    <DataTable
      caption="Versions of this QIA"
      columns={[{ label: "Version" }, { label: "Status" }, { label: "Started" }, { label: "By" }]}
    >
      {versions.map((v) => (
        <tr key={v.id} className={rowClass}>
          <td className={cellClass}>
            {v.number === shown ? (
              <span aria-current="page">Version {v.number} (shown)</span>
            ) : (
              <Link href={`${routes.schemeQia(schemeId)}?version=${v.number}`}>Version {v.number}</Link>
            )}
          </td>
          <td className={cellClass}>{QIA_STATUS_LABELS[v.status]}</td>
          <td className={cellClass}>{formatDate(v.createdAt)}</td>
          <td className={cellClass}>{v.createdBy.name}</td>
        </tr>
      ))}
    </DataTable>
  );
}
