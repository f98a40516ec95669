import Link from "next/link";
import type { DeliveryRag, SchemeStage } from "@/generated/prisma/enums";
import { CompactMoney } from "@/components/ui/money";
import { formatDate } from "@/lib/dates";
import { formatFinancialYear } from "@/lib/financial-year";
import { GATE_NAMES } from "@/modules/gateways/gateway-flow";
import type { GatewayPanelData } from "@/modules/gateways/get-gateway-panel";
import { monthName } from "../../financials/month-grid";
import { SCHEME_STAGE_LABELS, ragDisplay } from "../../scheme-rules";
import type { MonthlyUpdateState } from "../../scheme-summary-rules";

interface Props {
  scheme: {
    stage: SchemeStage;
    rag: DeliveryRag | null;
    financialYear: number;
    inYearValuePence: bigint;
    submittedAt: Date | null;
    lead: { name: string };
  };
  gateway: Pick<GatewayPanelData, "verdicts" | "nextGate" | "pendingGate">;
  update: MonthlyUpdateState;
  /** True when this person can submit the update on this page. */
  mayUpdate: boolean;
}

const MISSING_SHOWN = 4;

/** The scheme at a glance: stage, RAG, value, the next gate and what it still needs, this month's update. */
export function SchemeSummary({ scheme, gateway, update, mayUpdate }: Props) {
  const rag = ragDisplay(scheme.stage, scheme.rag);
  const verdict = gateway.nextGate ? gateway.verdicts.find((v) => v.gate === gateway.nextGate) : undefined;
  return (
    <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-[max-content_1fr]">
      <dt className="font-semibold">Stage</dt>
      <dd>{SCHEME_STAGE_LABELS[scheme.stage]}</dd>
      <dt className="font-semibold">Delivery RAG</dt>
      <dd>
        <span className={`rounded px-2 py-0.5 text-sm font-semibold ${rag.className}`}>{rag.label}</span>
      </dd>
      <dt className="font-semibold">In-year value ({formatFinancialYear(scheme.financialYear)})</dt>
      <dd>
        <CompactMoney pence={Number(scheme.inYearValuePence)} />
      </dd>
      <dt className="font-semibold">Lead</dt>
      <dd>{scheme.lead.name}</dd>
      <dt className="font-semibold">Next gate</dt>
      <dd>
        {gateway.pendingGate ? (
          <>
            {GATE_NAMES[gateway.pendingGate as 1 | 2 | 3]}: submitted
            {scheme.submittedAt ? ` on ${formatDate(scheme.submittedAt)}` : ""}, awaiting the decision.
          </>
        ) : !gateway.nextGate || !verdict ? (
          "None: no gate follows this stage."
        ) : verdict.passes ? (
          <>
            {GATE_NAMES[gateway.nextGate]}: every criterion is met, ready to{" "}
            <Link href="#gateway">submit for the decision</Link>.
          </>
        ) : (
          <>
            {GATE_NAMES[gateway.nextGate]}:{" "}
            {verdict.failures.length === 1 ? "1 item" : `${verdict.failures.length} items`} missing
            <ul className="mt-1 ml-5 list-disc">
              {verdict.failures.slice(0, MISSING_SHOWN).map((f) => (
                <li key={f.key}>{f.message}</li>
              ))}
              {verdict.failures.length > MISSING_SHOWN && <li>and {verdict.failures.length - MISSING_SHOWN} more</li>}
            </ul>
            <Link href="#gateway">See the gateway checklist</Link>
          </>
        )}
      </dd>
      <dt className="font-semibold">Monthly update</dt>
      <dd>
        {update.kind === "due" ? (
          <>
            <strong className="text-nhs-red">Due</strong> for {monthName(update.financialYear, update.month)}
            {mayUpdate ? (
              <>
                : <Link href="#monthly-update">submit it</Link>
              </>
            ) : (
              ", from the scheme's lead"
            )}
            .
          </>
        ) : update.kind === "done" ? (
          <>
            Done for {monthName(update.financialYear, update.month)}: submitted by {update.by} on{" "}
            {formatDate(update.submittedAt)}.
          </>
        ) : update.reason === "stage" ? (
          `None due: the scheme is ${SCHEME_STAGE_LABELS[scheme.stage].toLowerCase()}.`
        ) : (
          `None due yet: the scheme's year, ${formatFinancialYear(scheme.financialYear)}, has not begun.`
        )}
      </dd>
    </dl>
  );
}
