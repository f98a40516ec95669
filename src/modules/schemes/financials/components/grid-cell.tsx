"use client";

import type { ClipboardEvent, KeyboardEvent, Ref } from "react";

/** One money input of the financials grid, with its label, error and read-only reason wired by id. */
export function GridCell({
  id,
  name,
  label,
  value,
  error,
  readOnlyNoteId,
  inputRef,
  onChange,
  onBlur,
  onKeyDown,
  onPaste,
}: {
  id: string;
  name: string;
  label: string;
  value: string;
  error?: string;
  /** The id of the note saying why the cell cannot be edited; none = editable. */
  readOnlyNoteId?: string;
  inputRef: Ref<HTMLInputElement>;
  onChange: (value: string) => void;
  onBlur: () => void;
  onKeyDown: (event: KeyboardEvent<HTMLInputElement>) => void;
  onPaste: (event: ClipboardEvent<HTMLInputElement>) => void;
}) {
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [errorId, readOnlyNoteId].filter(Boolean).join(" ") || undefined;
  return (
    <td className="px-0.5 py-1 align-top">
      <label htmlFor={id} className="sr-only">
        {label}
      </label>
      <input
        id={id}
        name={name}
        ref={inputRef}
        value={value}
        inputMode="decimal"
        autoComplete="off"
        spellCheck={false}
        readOnly={readOnlyNoteId !== undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        onChange={(e) => onChange(e.target.value)}
        onFocus={(e) => e.target.select()}
        onBlur={onBlur}
        onKeyDown={onKeyDown}
        onPaste={onPaste}
        className={`w-20 rounded border-2 px-1 py-1 text-right tabular-nums ${error ? "border-nhs-red" : "border-nhs-text"} ${
          readOnlyNoteId ? "bg-nhs-grey-bg text-nhs-secondary" : "bg-white"
        }`}
      />
      {error && (
        <p id={errorId} className="mt-1 w-20 text-xs font-semibold text-nhs-red">
          <span className="sr-only">Error: </span>
          {error}
        </p>
      )}
    </td>
  );
}
