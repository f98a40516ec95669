"use client";

import type { SchemeStage } from "@/generated/prisma/enums";
import { Button } from "@/components/ui/button";
import { FieldIdPrefix, TextField } from "@/components/ui/field";
import { FormStatus, fieldErrors } from "@/components/ui/form-status";
import { useFormAction } from "@/components/forms/use-form-action";
import { SCHEME_STAGES, SCHEME_STAGE_LABELS } from "../../scheme-rules";
import { setStageWeightsAction } from "../stage-weights-action";

export function StageWeightsForm({
  organisationId,
  weights,
}: {
  organisationId: string;
  weights: Record<SchemeStage, number>;
}) {
  const { state, formAction, pending, values, formKey } = useFormAction(setStageWeightsAction);
  return (
    <FieldIdPrefix value="stage-weights">
      <form key={formKey} action={formAction} noValidate>
        <FormStatus state={state} />
        <input type="hidden" name="organisationId" value={organisationId} />
        <div className="flex flex-wrap gap-x-4">
          {SCHEME_STAGES.map((stage) => (
            <div key={stage} className="w-36">
              <TextField
                name={stage}
                label={`${SCHEME_STAGE_LABELS[stage]} (%)`}
                inputMode="numeric"
                defaultValue={values[stage] ?? String(weights[stage])}
                errors={fieldErrors(state, stage)}
              />
            </div>
          ))}
        </div>
        <Button type="submit" disabled={pending}>
          Save stage weights
        </Button>
      </form>
    </FieldIdPrefix>
  );
}
