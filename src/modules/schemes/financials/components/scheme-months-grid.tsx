"use client";

import { useActionState, useRef, useState, type ClipboardEvent, type KeyboardEvent } from "react";
import { Button } from "@/components/ui/button";
import { FieldIdPrefix, TextAreaField } from "@/components/ui/field";
import { FormStatus } from "@/components/ui/form-status";
import { formatFinancialYear, type FinancialMonth } from "@/lib/financial-year";
import { formatMoney } from "@/lib/money";
import { saveSchemeMonthsAction } from "../financials-actions";
import {
  GRID_ROWS,
  GRID_ROW_LABELS,
  MONTHS,
  applyPaste,
  cellKey,
  cellLabel,
  cellText,
  isMultiCellPaste,
  parseCell,
  parsePastedBlock,
  rowTotal,
  shortMonthName,
  type GridRow,
  type GridTexts,
} from "../month-grid";
import { Variance } from "@/components/ui/variance";
import { gridSummary } from "../grid-summary";
import { GridCell } from "./grid-cell";
import { gridMove } from "./grid-keys";

export interface SchemeMonthsGridProps {
  schemeId: string;
  version: number;
  financialYear: number;
  /** Cell texts by key ("plan.3"), as `cellText` shows the stored pence. */
  initial: GridTexts;
  closedMonths: number[];
  /** Months 1..startedThrough have begun; later ones cannot have an actual yet. */
  startedThrough: number;
  /** Finance may change a closed month's actual, giving a reason. */
  mayAmendClosed: boolean;
  /** Gateway 2 baselined the plan: it changes only by finance re-baselining it. */
  planLocked: boolean;
  /**
   * The monthly update on the same page owns this month's actual and the forecasts after it:
   * the grid shows those cells read-only, so no figure has two inputs on one page.
   */
  updateMonth?: number;
}

const sameTexts = (a: GridTexts, b: GridTexts) =>
  GRID_ROWS.every((row) => MONTHS.every((m) => (a[cellKey(row, m)] ?? "") === (b[cellKey(row, m)] ?? "")));

/**
 * Plan, forecast and actual for M1-M12 as a spreadsheet-like table of inputs: arrow keys and
 * Enter move between cells, a row pasted from a spreadsheet fills the cells to the right, row
 * totals follow every keystroke (in integer pence). One Save sends the whole year; the server
 * checks every cell and reports each refused one, here and in a summary above the table.
 */
export function SchemeMonthsGrid(props: SchemeMonthsGridProps) {
  const fy = props.financialYear;
  const [state, formAction, pending] = useActionState(saveSchemeMonthsAction, null);
  const [base, setBase] = useState({ version: props.version, initial: props.initial });
  const [texts, setTexts] = useState(props.initial);
  const [reason, setReason] = useState("");
  const [announcement, setAnnouncement] = useState("");
  const inputs = useRef(new Map<string, HTMLInputElement>());

  // The page re-renders with newer figures after a save (ours or another form's). Take them
  // unless the user has unsaved edits: those keep the old version, so saving them is refused
  // as stale rather than silently overwriting the newer figures.
  const savedHere = state?.ok ? state.data.version : 0;
  if (props.version > base.version && (props.version === savedHere || sameTexts(texts, base.initial))) {
    setBase({ version: props.version, initial: props.initial });
    setTexts(props.initial);
  }
  const version = Math.max(base.version, savedHere);

  const errors = state && !state.ok ? state.fieldErrors : undefined;
  const summary = gridSummary(texts);
  const idOf = (key: string) => `fin-${fy}-${key.replace(".", "-")}`;
  const closed = new Set(props.closedMonths);
  const notes = {
    future: `fin-${fy}-note-future`,
    closed: `fin-${fy}-note-closed`,
    keys: `fin-${fy}-note-keys`,
    locked: `fin-${fy}-note-locked`,
    update: `fin-${fy}-note-update`,
  };

  const inUpdate = (row: GridRow, month: number) =>
    props.updateMonth !== undefined &&
    ((row === "actual" && month === props.updateMonth) || (row === "forecast" && month > props.updateMonth));

  // A rule of the cell itself (locked plan, future or closed month) is named before "entered in the update".
  const ownRule = (row: GridRow, month: number) => {
    if (row === "plan") return props.planLocked ? notes.locked : undefined;
    if (row !== "actual") return undefined;
    if (month > props.startedThrough) return notes.future;
    return closed.has(month) && !props.mayAmendClosed ? notes.closed : undefined;
  };
  const readOnlyNote = (row: GridRow, month: number) =>
    ownRule(row, month) ?? (inUpdate(row, month) ? notes.update : undefined);

  const focusCell = (rowIndex: number, month: number) => {
    const row = GRID_ROWS[rowIndex];
    const input = row && month >= 1 && month <= 12 ? inputs.current.get(cellKey(row, month)) : undefined;
    input?.focus();
  };

  const onKeyDown = (rowIndex: number, month: number) => (event: KeyboardEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const move = gridMove(event.key, event.shiftKey, {
      start: input.selectionStart,
      end: input.selectionEnd,
      length: input.value.length,
    });
    if (!move) return;
    event.preventDefault(); // Enter must not submit the form; arrows must not scroll.
    focusCell(rowIndex + move.rows, month + move.months);
  };

  const onPaste = (row: GridRow, month: number) => (event: ClipboardEvent<HTMLInputElement>) => {
    const block = parsePastedBlock(event.clipboardData.getData("text/plain"));
    if (!isMultiCellPaste(block)) return; // one value: let the input paste it as usual
    event.preventDefault();
    const result = applyPaste(texts, block, row, month, (r, m) => readOnlyNote(r, m) === undefined);
    setTexts(result.texts);
    const skipped = result.skipped ? ` ${result.skipped} left out: beyond M12, below the last row or read-only.` : "";
    setAnnouncement(
      `Pasted ${result.pasted} values from ${GRID_ROW_LABELS[row]} ${shortMonthName(month as FinancialMonth)}.${skipped}`,
    );
  };

  // Tidy a valid amount into the grid's style ("1500" -> "1,500"); leave invalid text for the user to fix.
  const normalise = (key: string) => {
    const parsed = parseCell(texts[key] ?? "");
    if (parsed.ok) setTexts((current) => ({ ...current, [key]: cellText(parsed.pence) }));
  };

  const cellError = (row: GridRow, month: number) => {
    const message = errors?.[cellKey(row, month)]?.join(". ");
    const prefix = `${GRID_ROW_LABELS[row]} ${shortMonthName(month as FinancialMonth)}: `;
    return message?.startsWith(prefix) ? message.slice(prefix.length) : message;
  };

  return (
    <FieldIdPrefix value={`fin-${fy}`}>
      <form action={formAction} noValidate>
        <FormStatus
          state={state}
          fieldId={(key) =>
            key === "reason" ? `fin-${fy}-reason` : /^(plan|forecast|actual)\.\d+$/.test(key) ? idOf(key) : undefined
          }
        />
        <input type="hidden" name="schemeId" value={props.schemeId} />
        <input type="hidden" name="version" value={version} />
        <input type="hidden" name="financialYear" value={formatFinancialYear(fy)} />
        <p id={notes.keys} className="mb-2 text-sm text-nhs-secondary">
          Amounts in pounds (whole pounds unless you enter pence). Arrow keys move between cells and Enter moves down.
          Paste a row copied from a spreadsheet into a cell to fill the cells to its right.
        </p>
        <div className="relative overflow-x-auto">
          <table className="text-sm" aria-describedby={notes.keys}>
            <caption className="sr-only">
              Monthly plan, forecast and actual, {formatFinancialYear(fy)}, editable
            </caption>
            <thead>
              <tr className="border-b-2 border-nhs-border">
                <th scope="col" className="sticky left-0 z-10 bg-white pr-2 text-left">
                  <span className="sr-only">Row</span>
                </th>
                {MONTHS.map((m) => (
                  <th key={m} scope="col" className="px-0.5 pb-1 text-right align-bottom" data-grid-month={m}>
                    M{m}
                    <span className="block font-normal">{shortMonthName(m).split(" ")[1]}</span>
                    {closed.has(m) && <span className="block text-xs font-normal text-nhs-secondary">Closed</span>}
                  </th>
                ))}
                <th scope="col" className="pl-2 text-right align-bottom" data-grid-month="total">
                  Full year
                </th>
              </tr>
            </thead>
            <tbody>
              {GRID_ROWS.map((row, rowIndex) => {
                const total = rowTotal(MONTHS.map((m) => texts[cellKey(row, m)] ?? ""));
                return (
                  <tr key={row} className="border-b border-nhs-border">
                    <th scope="row" className="sticky left-0 z-10 bg-white pr-2 text-left align-top">
                      <span className="inline-block py-1.5">{GRID_ROW_LABELS[row]}</span>
                    </th>
                    {MONTHS.map((m) => {
                      const key = cellKey(row, m);
                      return (
                        <GridCell
                          key={key}
                          id={idOf(key)}
                          name={key}
                          label={cellLabel(row, fy, m)}
                          value={texts[key] ?? ""}
                          error={cellError(row, m)}
                          readOnlyNoteId={readOnlyNote(row, m)}
                          inputRef={(el) => {
                            if (el) inputs.current.set(key, el);
                            else inputs.current.delete(key);
                          }}
                          onChange={(value) => setTexts((current) => ({ ...current, [key]: value }))}
                          onBlur={() => normalise(key)}
                          onKeyDown={onKeyDown(rowIndex, m)}
                          onPaste={onPaste(row, m)}
                        />
                      );
                    })}
                    <td className="pl-2 text-right align-top font-semibold tabular-nums">
                      <span className="inline-block py-1.5">{formatMoney(total.pence, { style: "full" })}</span>
                      {total.invalid > 0 && (
                        <span className="block text-xs text-nhs-red">
                          {total.invalid} {total.invalid === 1 ? "cell" : "cells"} not counted
                        </span>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
            <tfoot className="text-right tabular-nums">
              <SummaryRow
                label="Variance (actual − plan)"
                values={summary.variance}
                total={summary.varianceToDate}
                variance
              />
              <SummaryRow label="Cumulative plan" values={summary.cumulativePlan} />
              <SummaryRow label="Cumulative actual" values={summary.cumulativeActual} />
              <SummaryRow label="Cumulative variance" values={summary.cumulativeVariance} variance />
            </tfoot>
          </table>
        </div>
        <ul className="mt-2 text-sm text-nhs-secondary">
          <li id={notes.future}>Actuals can be entered once a month has started.</li>
          {props.updateMonth !== undefined && (
            <li id={notes.update}>
              M{props.updateMonth}&apos;s actual and the forecasts after it are entered in the{" "}
              <a href="#monthly-update">monthly update</a> below.
            </li>
          )}
          {props.planLocked && (
            <li id={notes.locked}>
              The plan was baselined at gateway 2; only finance can re-baseline it, with a reason.
            </li>
          )}
          {closed.size > 0 && (
            <li id={notes.closed}>
              {props.mayAmendClosed
                ? "Closed months' actuals can be changed by finance, with a reason."
                : "Closed months' actuals can only be changed by finance."}
            </li>
          )}
        </ul>
        {props.mayAmendClosed && closed.size > 0 && (
          <TextAreaField
            name="reason"
            label="Reason for changing a closed month's actual"
            hint="Needed only when you change an actual of a closed month; it is kept in the audit log."
            rows={2}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            errors={errors?.reason}
          />
        )}
        <p role="status" aria-live="polite" className="mt-2 text-sm text-nhs-secondary">
          {announcement}
        </p>
        <Button type="submit" disabled={pending} className="mt-3">
          Save {formatFinancialYear(fy)} financials
        </Button>
      </form>
    </FieldIdPrefix>
  );
}

/** A worked row under the grid (variance, cumulative figures); blank where it does not apply yet. */
function SummaryRow({
  label,
  values,
  total,
  variance = false,
}: {
  label: string;
  values: (number | null)[];
  total?: number | null;
  variance?: boolean;
}) {
  const show = (pence: number) =>
    variance ? <Variance pence={pence} style="full" /> : formatMoney(pence, { style: "full" });
  return (
    <tr className="border-b border-nhs-border text-xs">
      <th scope="row" className="sticky left-0 z-10 bg-white py-1 pr-2 text-left font-semibold">
        {label}
      </th>
      {values.map((pence, i) => (
        <td key={i} className="px-1 py-1">
          {pence === null ? <span className="text-nhs-secondary">—</span> : show(pence)}
        </td>
      ))}
      <td className="py-1 pl-2 font-semibold">{total === undefined || total === null ? "" : show(total)}</td>
    </tr>
  );
}
