import Link from "next/link";
import { Card } from "@/components/ui/page-header";
import { formatDate, startOfUtcDay } from "@/lib/dates";
import type { Actor } from "@/server/auth/actor";
import { routes } from "@/server/routes";
import { EIA_STATUS_LABELS } from "../eia-rules";
import { getAssessmentSummary } from "../get-scheme-qia";
import {
  CAPACITY_LABELS,
  CLINICAL_CAPACITIES,
  QIA_STATUS_LABELS,
  SCREENED_OUT_LABEL,
  SIGN_OFF_OUTCOME_LABELS,
  isReviewOverdue,
} from "../qia-rules";

/** For the scheme page: where the scheme's QIA and EIA stand, with links to both. */
export async function SchemeAssessmentsCard({ schemeId, actor }: { schemeId: string; actor: Actor }) {
  const { qia, eia } = await getAssessmentSummary(actor, schemeId);
  const today = startOfUtcDay(new Date());
  return (
    <Card title="Quality and equality impact">
      <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
        <dt className="font-semibold">QIA</dt>
        <dd>
          {!qia ? (
            "Not started"
          ) : (
            <>
              Version {qia.number}: {QIA_STATUS_LABELS[qia.status]}
              {!qia.screeningComplete
                ? " · screening not finished"
                : qia.fullRequired
                  ? " · full QIA required"
                  : ` · ${SCREENED_OUT_LABEL}`}
              {qia.fullRequired && (
                <ul className="mt-1 list-disc pl-6">
                  {CLINICAL_CAPACITIES.map((c) => {
                    const s = qia.signOffs.find((x) => x.capacity === c);
                    return (
                      <li key={c}>
                        {s
                          ? `${CAPACITY_LABELS[c]}: ${SIGN_OFF_OUTCOME_LABELS[s.outcome]} by ${s.user.name}`
                          : `${CAPACITY_LABELS[c]} signature awaited`}
                      </li>
                    );
                  })}
                </ul>
              )}
              {qia.reviewDate && (
                <span className="block">
                  Post-implementation review {formatDate(qia.reviewDate)}
                  {isReviewOverdue({ ...qia, reviewCount: qia._count.reviews }, today) && (
                    <strong className="ml-2 text-nhs-red">Overdue</strong>
                  )}
                </span>
              )}
            </>
          )}
        </dd>
        <dt className="font-semibold">EIA</dt>
        <dd>
          {!eia
            ? "Not started"
            : `${EIA_STATUS_LABELS[eia.status]}${!eia.screeningComplete ? " · screening not answered" : eia.fullRequired ? " · full EIA required" : " · no full EIA required"}`}
        </dd>
      </dl>
      <p className="mt-3 flex flex-wrap gap-4">
        <Link href={routes.schemeQia(schemeId)} className="font-semibold">
          Quality impact assessment
        </Link>
        <Link href={routes.schemeEia(schemeId)} className="font-semibold">
          Equality impact assessment
        </Link>
      </p>
    </Card>
  );
}
