"use client";

import { Button } from "@/components/ui/button";
import { FieldIdPrefix, SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { FormStatus, InlineFormStatus, fieldErrors } from "@/components/ui/form-status";
import { useFormAction } from "@/components/forms/use-form-action";
import {
  decideGatewayAction,
  meetGatewayConditionAction,
  moveSchemeStageAction,
  rebaselinePlanAction,
  returnSchemeAction,
  submitForGatewayAction,
  validateBenefitAction,
} from "../gateway-actions";

interface SchemeRef {
  schemeId: string;
  version: number;
}

const Hidden = ({ schemeId, version }: SchemeRef) => (
  <>
    <input type="hidden" name="schemeId" value={schemeId} />
    <input type="hidden" name="version" value={version} />
  </>
);

export function SubmitForGatewayForm({ gate, ...ref }: SchemeRef & { gate: number }) {
  const { state, formAction, pending, formKey } = useFormAction(submitForGatewayAction);
  return (
    <form key={formKey} action={formAction} noValidate>
      <FormStatus state={state} />
      <Hidden {...ref} />
      <input type="hidden" name="gate" value={gate} />
      <Button type="submit" disabled={pending}>
        Submit for gateway {gate}
      </Button>
    </form>
  );
}

export function DecideGatewayForm({ gate, ...ref }: SchemeRef & { gate: number }) {
  const { state, formAction, pending, values, formKey } = useFormAction(decideGatewayAction);
  return (
    <FieldIdPrefix value="decide-gateway">
      <form key={formKey} action={formAction} noValidate>
        <FormStatus state={state} />
        <Hidden {...ref} />
        <input type="hidden" name="gate" value={gate} />
        <SelectField
          name="decision"
          label={`Decision at gateway ${gate}`}
          placeholder="Choose"
          options={[
            { value: "APPROVE", label: "Approve" },
            { value: "REJECT", label: "Reject" },
            { value: "DEFER", label: "Defer" },
          ]}
          defaultValue={values.decision ?? ""}
          errors={fieldErrors(state, "decision")}
        />
        <TextAreaField
          name="reason"
          label="Reason or comments"
          hint="Needed to reject or defer."
          rows={3}
          defaultValue={values.reason}
          errors={fieldErrors(state, "reason")}
        />
        <TextAreaField
          name="conditions"
          label="Conditions of approval (optional)"
          hint="One per line; each is tracked until finance marks it met."
          rows={3}
          defaultValue={values.conditions}
          errors={fieldErrors(state, "conditions")}
        />
        <TextField
          name="conditionsDueOn"
          label="Conditions to be met by (optional)"
          hint="The scheme's lead is reminded once this date has passed and a condition is still open."
          type="date"
          defaultValue={values.conditionsDueOn}
          errors={fieldErrors(state, "conditionsDueOn")}
        />
        <Button type="submit" disabled={pending}>
          Record the decision
        </Button>
      </form>
    </FieldIdPrefix>
  );
}

const STAGE_OPTIONS = { OPPORTUNITY: "Opportunity", PLANNING: "Planning", DELIVERY: "Delivery" } as const;

export function ReturnSchemeForm({ stages, ...ref }: SchemeRef & { stages: (keyof typeof STAGE_OPTIONS)[] }) {
  const { state, formAction, pending, values, formKey } = useFormAction(returnSchemeAction);
  return (
    <FieldIdPrefix value="return-scheme">
      <form key={formKey} action={formAction} noValidate>
        <FormStatus state={state} />
        <Hidden {...ref} />
        <SelectField
          name="toStage"
          label="Return to stage"
          placeholder="Choose"
          options={stages.map((s) => ({ value: s, label: STAGE_OPTIONS[s] }))}
          defaultValue={values.toStage ?? ""}
          errors={fieldErrors(state, "toStage")}
        />
        <TextAreaField
          name="reason"
          label="Reason for returning it"
          rows={2}
          defaultValue={values.reason}
          errors={fieldErrors(state, "reason")}
        />
        <Button type="submit" variant="secondary" disabled={pending}>
          Return the scheme
        </Button>
      </form>
    </FieldIdPrefix>
  );
}

const MOVE_LABELS = { HOLD: "Put on hold", RESUME: "Resume", WITHDRAW: "Withdraw the scheme" } as const;

export function MoveSchemeForm({ move, ...ref }: SchemeRef & { move: keyof typeof MOVE_LABELS }) {
  const { state, formAction, pending, values, formKey } = useFormAction(moveSchemeStageAction);
  return (
    <FieldIdPrefix value={`move-${move.toLowerCase()}`}>
      <form key={formKey} action={formAction} noValidate>
        <FormStatus state={state} />
        <Hidden {...ref} />
        <input type="hidden" name="move" value={move} />
        <TextAreaField
          name="reason"
          label={`Reason (${MOVE_LABELS[move].toLowerCase()})`}
          rows={2}
          defaultValue={values.reason}
          errors={fieldErrors(state, "reason")}
        />
        <Button type="submit" variant={move === "WITHDRAW" ? "danger" : "secondary"} disabled={pending}>
          {MOVE_LABELS[move]}
        </Button>
      </form>
    </FieldIdPrefix>
  );
}

const MONTH_NAMES = ["Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec", "Jan", "Feb", "Mar"];

export function RebaselinePlanForm({ plan, ...ref }: SchemeRef & { plan: string[] }) {
  const { state, formAction, pending, allValues, formKey } = useFormAction(rebaselinePlanAction);
  const submitted = allValues("plan");
  const planErrors = fieldErrors(state, "plan");
  return (
    <FieldIdPrefix value="rebaseline">
      <form key={formKey} action={formAction} noValidate>
        <FormStatus state={state} />
        <Hidden {...ref} />
        <fieldset aria-describedby={planErrors ? "rebaseline-plan-error" : undefined}>
          <legend className="mb-2 font-semibold">New plan by month (£)</legend>
          <div className="grid grid-cols-3 gap-3 sm:grid-cols-6">
            {MONTH_NAMES.map((name, i) => (
              <label key={name} className="block">
                M{i + 1} {name}
                <input
                  name="plan"
                  inputMode="decimal"
                  defaultValue={submitted[i] ?? plan[i]}
                  aria-invalid={planErrors ? true : undefined}
                  className="mt-1 block w-full rounded border-2 border-nhs-text bg-white px-2 py-1"
                />
              </label>
            ))}
          </div>
          {planErrors && (
            <p id="rebaseline-plan-error" className="mt-2 font-semibold text-nhs-red">
              {planErrors.join(" ")}
            </p>
          )}
        </fieldset>
        <TextAreaField name="reason" label="Reason for re-baselining" rows={2} errors={fieldErrors(state, "reason")} />
        <Button type="submit" disabled={pending}>
          Re-baseline the plan
        </Button>
      </form>
    </FieldIdPrefix>
  );
}

export function ValidateBenefitForm(ref: SchemeRef) {
  const { state, formAction, pending, values, formKey } = useFormAction(validateBenefitAction);
  return (
    <FieldIdPrefix value="validate-benefit">
      <form key={formKey} action={formAction} noValidate>
        <FormStatus state={state} />
        <Hidden {...ref} />
        <TextAreaField
          name="note"
          label="Validation note (optional)"
          hint="E.g. the ledger codes the saving was seen in."
          rows={2}
          defaultValue={values.note}
          errors={fieldErrors(state, "note")}
        />
        <Button type="submit" variant="secondary" disabled={pending}>
          Validate the benefit
        </Button>
      </form>
    </FieldIdPrefix>
  );
}

export function MeetConditionForm({ conditionId, description }: { conditionId: string; description: string }) {
  const { state, formAction, pending, formKey } = useFormAction(meetGatewayConditionAction);
  return (
    <form key={formKey} action={formAction} className="mt-1 flex flex-wrap items-center gap-2">
      <input type="hidden" name="conditionId" value={conditionId} />
      <button
        type="submit"
        disabled={pending}
        className="rounded border-2 border-nhs-blue px-2 py-0.5 text-sm font-semibold text-nhs-blue"
      >
        Mark met<span className="sr-only">: {description}</span>
      </button>
      <InlineFormStatus state={state} />
    </form>
  );
}
