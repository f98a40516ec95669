import Link from "next/link";
import { Variance } from "@/components/ui/variance";
import { formatDate } from "@/lib/dates";
import { formatMoney, formatShare } from "@/lib/money";
import type { FinanceHeadline } from "@/modules/dashboards/finance-dashboard";
import { routes } from "@/server/routes";
import {
  GATEWAY_DECISION_DAYS,
  RED_RISK_SCORE,
  type BehindPlanRow,
  type OverdueDecisionRow,
} from "../board-exceptions";

export interface PackExceptions {
  behindPlan: BehindPlanRow[];
  overdueDecisions: { count: number; rows: OverdueDecisionRow[] };
  unsignedQias: {
    count: number;
    rows: { id: string; since: Date; scheme: { id: string; code: string; title: string } }[];
  };
  redRisks: number;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/**
 * The executive summary: the position in three sentences, then the exceptions the board must
 * hear about (schemes furthest behind plan, overdue gateway decisions, unsigned QIAs, red risks).
 */
export function ExecutiveSummary({ h, exceptions }: { h: FinanceHeadline; exceptions: PackExceptions }) {
  const outturnGap = h.forecastOutturnPence - h.targetPence;
  const { behindPlan, overdueDecisions, unsignedQias, redRisks } = exceptions;
  return (
    <div className="text-sm">
      <ul className="mb-3 list-disc space-y-1 pl-5">
        <li>
          {formatMoney(h.identifiedPence)} identified against a target of {formatMoney(h.targetPence)} (
          {formatShare(h.identifiedPence, h.targetPence)})
          {h.unidentifiedPence > 0
            ? `; ${formatMoney(h.unidentifiedPence)} still to identify.`
            : "; the target is covered."}
        </li>
        <li>
          Year to date (M1–M{h.elapsedMonths}): {formatMoney(h.ytdActualPence)} delivered against a plan of{" "}
          {formatMoney(h.ytdPlanPence)}, variance <Variance pence={h.ytdVariancePence} />.
        </li>
        <li>
          Forecast outturn {formatMoney(h.forecastOutturnPence)}: <Variance pence={outturnGap} /> against target.
          Recurrent share {formatShare(h.recurrentPence, h.identifiedPence)}.
        </li>
      </ul>
      <h3 className="font-bold">Exceptions</h3>
      <dl className="space-y-2">
        <div>
          <dt className="font-semibold">Schemes furthest behind plan</dt>
          <dd>
            {behindPlan.length === 0 ? (
              "None behind their year-to-date plan."
            ) : (
              <ol className="list-decimal pl-5">
                {behindPlan.map((s) => (
                  <li key={s.id}>
                    <Link href={routes.scheme(s.id)}>
                      {s.code} {s.title}
                    </Link>{" "}
                    ({s.leadName}): <Variance pence={s.variancePence} /> (actual {formatMoney(s.ytdActualPence)} of{" "}
                    {formatMoney(s.ytdPlanPence)})
                  </li>
                ))}
              </ol>
            )}
          </dd>
        </div>
        <div>
          <dt className="font-semibold">
            Gateway decisions overdue (more than {GATEWAY_DECISION_DAYS} days): {overdueDecisions.count}
          </dt>
          <dd>
            {overdueDecisions.rows.length === 0 ? (
              "None."
            ) : (
              <ul className="list-disc pl-5">
                {overdueDecisions.rows.map((d) => (
                  <li key={d.id}>
                    <Link href={routes.scheme(d.id)}>
                      {d.code} {d.title}
                    </Link>
                    : gateway {d.gate}, submitted {formatDate(d.submittedAt)} ({plural(d.daysWaiting, "day")} waiting)
                  </li>
                ))}
              </ul>
            )}
          </dd>
        </div>
        <div>
          <dt className="font-semibold">QIAs awaiting clinical sign-off: {unsignedQias.count}</dt>
          <dd>
            {unsignedQias.rows.length === 0 ? (
              "None."
            ) : (
              <ul className="list-disc pl-5">
                {unsignedQias.rows.map((q) => (
                  <li key={q.id}>
                    <Link href={routes.schemeQia(q.scheme.id)}>
                      {q.scheme.code} {q.scheme.title}
                    </Link>
                    , submitted {formatDate(q.since)}
                  </li>
                ))}
              </ul>
            )}
          </dd>
        </div>
        <div>
          <dt className="font-semibold">
            Red risks (current score {RED_RISK_SCORE} or more): {redRisks}
          </dt>
          <dd>{redRisks === 0 ? "None." : "The highest are listed under Top risks."}</dd>
        </div>
      </dl>
    </div>
  );
}
