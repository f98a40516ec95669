import Link from "next/link";
import { formatDate } from "@/lib/dates";
import { formatMoney } from "@/lib/money";
import { SCHEME_STAGE_LABELS } from "@/modules/schemes/scheme-rules";
import { criterionFixHref } from "../criterion-links";
import { GATE_NAMES } from "../gateway-flow";
import type { GatewayPanelData } from "../get-gateway-panel";
import {
  DecideGatewayForm,
  MeetConditionForm,
  MoveSchemeForm,
  RebaselinePlanForm,
  ReturnSchemeForm,
  SubmitForGatewayForm,
  ValidateBenefitForm,
} from "./gateway-forms";
import type { SchemeStage } from "@/generated/prisma/enums";

const KIND_LABELS = {
  SUBMITTED: "Submitted",
  APPROVED: "Approved",
  REJECTED: "Rejected",
  DEFERRED: "Deferred",
  RETURNED: "Returned",
  ON_HOLD: "Put on hold",
  RESUMED: "Resumed",
  WITHDRAWN: "Withdrawn",
  REBASELINED: "Plan re-baselined",
  BENEFIT_VALIDATED: "Benefit validated",
} as const;

interface Props {
  scheme: { id: string; stage: SchemeStage; version: number; submittedAt: Date | null };
  panel: GatewayPanelData;
  /** The current plan as pounds text per month, for the re-baseline form. */
  planTexts: string[];
}

/** A gate's failed criteria, each with a link to where it is fixed. */
function Checklist({
  failures,
  schemeId,
  editable,
}: {
  failures: { key: string; message: string }[];
  schemeId: string;
  editable: boolean;
}) {
  return (
    <>
      <p>Still missing:</p>
      <ul className="ml-5 list-disc">
        {failures.map((f) => (
          <li key={f.key}>
            {f.message}{" "}
            {editable || f.key === "benefit-validated" ? (
              <Link href={criterionFixHref(f.key, schemeId)}>
                Fix this<span className="sr-only">: {f.message}</span>
              </Link>
            ) : null}
          </li>
        ))}
      </ul>
    </>
  );
}

type Stored = { gate?: number; passes?: boolean; failures?: { key: string; message: string }[] };

/**
 * The scheme's gateways: each gate's checklist from the same rules the server enforces, with a
 * link to fix each missing item; what this user may do now; and the decision history.
 */
export function GatewayPanel({ scheme, panel, planTexts }: Props) {
  const ref = { schemeId: scheme.id, version: scheme.version };
  return (
    <div className="space-y-5">
      {/* Announced: the forms that caused a change disappear with it, so this line says what happened. */}
      <p role="status" aria-live="polite">
        <span className="font-semibold">Stage:</span> {SCHEME_STAGE_LABELS[scheme.stage]}
        {panel.stageImport && (
          <>
            {" "}
            · stage {SCHEME_STAGE_LABELS[panel.stageImport.stage]} set by import on {formatDate(panel.stageImport.at)}{" "}
            by {panel.stageImport.by}
          </>
        )}
        {panel.pendingGate && scheme.submittedAt && (
          <>
            {" "}
            · <strong>awaiting the gateway {panel.pendingGate} decision</strong> since {formatDate(scheme.submittedAt)}
          </>
        )}
      </p>
      <ul className="space-y-3">
        {panel.verdicts.map((v) => {
          const passed = panel.passedGates.includes(v.gate);
          const approval = panel.approvals[v.gate];
          const isNext = v.gate === panel.nextGate;
          return (
            <li
              key={v.gate}
              className={`rounded border-l-4 p-3 ${isNext ? "border-nhs-blue bg-nhs-grey-bg" : passed ? "border-nhs-green" : "border-nhs-border"}`}
            >
              <h3 className="font-bold">
                {GATE_NAMES[v.gate]}
                {isNext && <span className="ml-2 text-sm font-normal">(next)</span>}
              </h3>
              {passed ? (
                <p className="font-semibold text-nhs-green">
                  Passed{approval ? `: approved by ${approval.by} on ${formatDate(approval.at)}` : ""}.
                </p>
              ) : v.passes ? (
                <p className="font-semibold text-nhs-green">All criteria are met.</p>
              ) : isNext ? (
                <Checklist failures={v.failures} schemeId={scheme.id} editable={panel.editable} />
              ) : (
                <details>
                  <summary className="cursor-pointer">
                    Not yet: {v.failures.length === 1 ? "1 criterion" : `${v.failures.length} criteria`} to meet later
                  </summary>
                  <Checklist failures={v.failures} schemeId={scheme.id} editable={panel.editable} />
                </details>
              )}
            </li>
          );
        })}
      </ul>

      {panel.maySubmit && panel.nextGate && <SubmitForGatewayForm gate={panel.nextGate} {...ref} />}
      {panel.pendingGate && panel.mayDecide && <DecideGatewayForm gate={panel.pendingGate} {...ref} />}
      {panel.pendingGate && !panel.mayDecide && panel.decisionRefusal && (
        <p className="text-nhs-secondary">{panel.decisionRefusal}</p>
      )}
      {panel.mayValidateBenefit && <ValidateBenefitForm {...ref} />}

      {(panel.returnTo.length > 0 || panel.mayHold || panel.mayResume || panel.mayWithdraw || panel.mayRebaseline) && (
        <details className="rounded border border-nhs-border p-3">
          <summary className="cursor-pointer font-semibold">Other stage changes</summary>
          <div className="mt-3 space-y-5">
            {panel.mayRebaseline && <RebaselinePlanForm plan={planTexts} {...ref} />}
            {panel.returnTo.length > 0 && (
              <ReturnSchemeForm
                stages={panel.returnTo.filter((s) => s !== "COMPLETE") as ("OPPORTUNITY" | "PLANNING" | "DELIVERY")[]}
                {...ref}
              />
            )}
            {panel.mayResume && <MoveSchemeForm move="RESUME" {...ref} />}
            {panel.mayHold && <MoveSchemeForm move="HOLD" {...ref} />}
            {panel.mayWithdraw && <MoveSchemeForm move="WITHDRAW" {...ref} />}
          </div>
        </details>
      )}

      <div>
        <h3 className="mb-2 text-lg font-bold">Decision history</h3>
        {panel.decisions.length === 0 ? (
          <p>No gateway decisions yet.</p>
        ) : (
          <ol className="space-y-3">
            {panel.decisions.map((d) => {
              const stored = d.criteria as Stored;
              return (
                <li key={d.id} className="border-l-4 border-nhs-border pl-3">
                  <p className="font-semibold">
                    {KIND_LABELS[d.kind]}
                    {d.gate ? ` · gateway ${d.gate}` : ""} · {SCHEME_STAGE_LABELS[d.fromStage]}
                    {d.toStage !== d.fromStage ? ` → ${SCHEME_STAGE_LABELS[d.toStage]}` : ""} · {d.decidedBy.name},{" "}
                    {formatDate(d.decidedAt)}
                  </p>
                  {d.reason && <p>{d.reason}</p>}
                  {stored.failures && stored.failures.length > 0 && (
                    <details>
                      <summary className="cursor-pointer">
                        Criteria not met at the time ({stored.failures.length})
                      </summary>
                      <ul className="ml-5 list-disc">
                        {stored.failures.map((f) => (
                          <li key={f.key}>{f.message}</li>
                        ))}
                      </ul>
                    </details>
                  )}
                  {d.conditions.length > 0 && (
                    <ul className="mt-1 ml-5 list-disc">
                      {d.conditions.map((c) => (
                        <li key={c.id}>
                          Condition: {c.description}
                          {c.dueOn && ` (due ${formatDate(c.dueOn)})`} —{" "}
                          {c.metAt ? (
                            <span className="text-nhs-green font-semibold">
                              met {formatDate(c.metAt)}
                              {c.metBy ? ` (${c.metBy.name})` : ""}
                            </span>
                          ) : (
                            <span className="font-semibold">open</span>
                          )}
                          {!c.metAt && panel.mayMeetConditions && (
                            <MeetConditionForm conditionId={c.id} description={c.description} />
                          )}
                        </li>
                      ))}
                    </ul>
                  )}
                </li>
              );
            })}
          </ol>
        )}
      </div>

      {panel.baselines.length > 0 && (
        <div>
          <h3 className="mb-2 text-lg font-bold">Plan baselines</h3>
          <ul className="space-y-1">
            {panel.baselines.map((b) => (
              <li key={b.id}>
                Baseline {b.number}: {formatMoney(b.monthsPence.reduce((sum, v) => sum + Number(v), 0))} ·{" "}
                {b.createdBy.name}, {formatDate(b.createdAt)}
                {b.reason ? ` · ${b.reason}` : " · at gateway 2"}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
