import { z } from "zod";
import { requiredText, uuidField } from "@/lib/form-fields";
import { financialYearField } from "@/modules/programmes/programme-schemas";
import { monthField } from "@/modules/schemes/financials/financials-schemas";

/** The longest commentary: about a page of the pack at print size (the table checks it too). */
export const BOARD_COMMENTARY_MAX = 4000;

/**
 * Finance's commentary on the month for the board pack. `version` is the one the writer saw:
 * 0 when there was none yet, so two people writing the first commentary at once cannot both win.
 */
export const saveBoardCommentarySchema = z.object({
  organisationId: uuidField("an organisation"),
  financialYear: financialYearField,
  month: monthField,
  body: requiredText("the commentary", 1, BOARD_COMMENTARY_MAX),
  version: z.coerce.number({ error: "Reload the page and try again" }).int().min(0),
});
export type SaveBoardCommentaryInput = z.infer<typeof saveBoardCommentarySchema>;
