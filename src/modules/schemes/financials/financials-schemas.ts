import { z } from "zod";
import { PROGRAMME_TYPES } from "@/modules/organisations/programme-types";
import type { FinancialMonth } from "@/lib/financial-year";
import { optionalText, requiredText, uuidField } from "@/lib/form-fields";
import { financialYearField, poundsField, versionField } from "@/modules/programmes/programme-schemas";
import type { CellEdits } from "./month-changes";
import {
  GRID_ROWS,
  GRID_ROW_LABELS,
  MONTHS,
  MAX_CELL_LENGTH,
  cellKey,
  parseCell,
  shortMonthName,
  type GridRow,
} from "./month-grid";

/**
 * Inputs of the monthly financials. Cells are flat fields named like "plan.3" so a plain form
 * posts them and each error comes back keyed by the cell it belongs to.
 */

type CellKey = `${GridRow}.${FinancialMonth}`;

/** One money cell: absent = leave the stored value alone; blank = no value; else pence >= 0. */
function cellField(row: GridRow, month: FinancialMonth) {
  const label = `${GRID_ROW_LABELS[row]} ${shortMonthName(month)}`;
  return z
    .string({ error: `${label}: enter an amount in pounds` })
    .max(MAX_CELL_LENGTH, `${label}: enter at most ${MAX_CELL_LENGTH} characters`)
    .optional()
    .transform((text, ctx) => {
      if (text === undefined) return undefined;
      const parsed = parseCell(text);
      if (parsed.ok) return parsed.pence;
      ctx.addIssue({ code: "custom", message: `${label}: ${parsed.error}` });
      return z.NEVER;
    });
}
type CellField = ReturnType<typeof cellField>;

function cellFields(rows: readonly GridRow[]) {
  const shape: Partial<Record<CellKey, CellField>> = {};
  for (const row of rows) for (const month of MONTHS) shape[cellKey(row, month) as CellKey] = cellField(row, month);
  return shape as Record<CellKey, CellField>;
}

function editsFrom(values: Partial<Record<string, number | null | undefined>>, rows: readonly GridRow[]): CellEdits {
  const edits: CellEdits = {};
  for (const row of rows) {
    for (const month of MONTHS) {
      const value = values[cellKey(row, month)];
      if (value !== undefined) (edits[row] ??= {})[month] = value;
    }
  }
  return edits;
}

const reasonField = optionalText("the reason", 1000);

const gridCells = cellFields(GRID_ROWS);

export const saveSchemeMonthsSchema = z
  .object({
    schemeId: uuidField("a scheme"),
    version: versionField,
    financialYear: financialYearField,
    reason: reasonField,
    ...gridCells,
  })
  .transform(({ schemeId, version, financialYear, reason, ...cells }) => ({
    schemeId,
    version,
    financialYear,
    reason,
    cells: editsFrom(cells, GRID_ROWS),
  }));
export type SaveSchemeMonthsInput = z.infer<typeof saveSchemeMonthsSchema>;

export const monthField = z.coerce
  .number({ error: "Choose a month" })
  .int("Choose a month")
  .min(1, "Choose a month from M1 (April) to M12 (March)")
  .max(12, "Choose a month from M1 (April) to M12 (March)");

const forecastCells = cellFields(["forecast"]);

export const RAG_VALUES = ["RED", "AMBER", "GREEN"] as const;
export const MAX_COMMENTARY = 4000;

export const submitMonthlyUpdateSchema = z
  .object({
    schemeId: uuidField("a scheme"),
    version: versionField,
    financialYear: financialYearField,
    month: monthField,
    actual: z
      .string({ error: "Enter the actual saving for the month" })
      .max(MAX_CELL_LENGTH, `Enter at most ${MAX_CELL_LENGTH} characters`)
      .transform((text, ctx) => {
        const parsed = parseCell(text);
        if (parsed.ok && parsed.pence !== null) return parsed.pence;
        ctx.addIssue({
          code: "custom",
          message: parsed.ok ? "Enter the actual saving for the month (0 if nothing was saved)" : parsed.error,
        });
        return z.NEVER;
      }),
    rag: z.enum(RAG_VALUES, { error: "Choose red, amber or green" }),
    commentary: requiredText("a commentary", 1, MAX_COMMENTARY),
    reason: reasonField,
    ...forecastCells,
  })
  .transform(({ schemeId, version, financialYear, month, actual, rag, commentary, reason, ...forecasts }) => ({
    schemeId,
    version,
    financialYear,
    month: month as FinancialMonth,
    actual,
    rag,
    commentary,
    reason,
    forecasts: editsFrom(forecasts, ["forecast"]).forecast ?? {},
  }));
export type SubmitMonthlyUpdateInput = z.infer<typeof submitMonthlyUpdateSchema>;

export const closePeriodSchema = z.object({
  organisationId: uuidField("an organisation"),
  financialYear: financialYearField,
  month: monthField.transform((m) => m as FinancialMonth),
});
export type ClosePeriodInput = z.infer<typeof closePeriodSchema>;

export const setSavingsTargetSchema = z.object({
  organisationId: uuidField("an organisation"),
  financialYear: financialYearField,
  /** One the organisation holds (checked by the use case); absent = its own programme (CIP, or QIPP at an ICB). */
  programmeType: z
    .union([z.enum(PROGRAMME_TYPES), z.literal("")], { error: "Choose CIP or QIPP" })
    .optional()
    .transform((v) => v || undefined),
  target: poundsField("savings target"),
});
export type SetSavingsTargetInput = z.infer<typeof setSavingsTargetSchema>;
