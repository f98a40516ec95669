"use client";

import { Button } from "@/components/ui/button";
import { formatFinancialYear } from "@/lib/financial-year";
import { FieldIdPrefix, TextAreaField } from "@/components/ui/field";
import { FormStatus, fieldErrors } from "@/components/ui/form-status";
import { useFormAction } from "@/components/forms/use-form-action";
import { saveBoardCommentaryAction } from "../board-actions";
import { BOARD_COMMENTARY_MAX } from "../board-commentary-schemas";

/** Finance writes the month's commentary; never printed (the pack prints the saved text). */
export function BoardCommentaryForm({
  organisationId,
  financialYear,
  month,
  monthText,
  body,
  version,
}: {
  organisationId: string;
  financialYear: number;
  month: number;
  monthText: string;
  body: string;
  version: number;
}) {
  const { state, formAction, pending, values, formKey } = useFormAction(saveBoardCommentaryAction);
  const savedVersion = state?.ok ? state.data.version : version;
  return (
    <FieldIdPrefix value="board-commentary">
      <form key={formKey} action={formAction} noValidate className="no-print mt-3">
        <FormStatus state={state} />
        <input type="hidden" name="organisationId" value={organisationId} />
        <input type="hidden" name="financialYear" value={formatFinancialYear(financialYear)} />
        <input type="hidden" name="month" value={month} />
        <input type="hidden" name="version" value={savedVersion} />
        <TextAreaField
          name="body"
          label={`Finance commentary for ${monthText}`}
          hint={`What the board should know this month: the position, the main risks, the actions. At most ${BOARD_COMMENTARY_MAX.toLocaleString("en-GB")} characters.`}
          rows={6}
          maxLength={BOARD_COMMENTARY_MAX}
          defaultValue={values.body ?? body}
          errors={fieldErrors(state, "body")}
        />
        <Button type="submit" disabled={pending}>
          Save commentary
        </Button>
      </form>
    </FieldIdPrefix>
  );
}
