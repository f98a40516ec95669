"use client";

import { useRef, useState, useTransition, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { DataTable, cellClass, numberCellClass, rowClass } from "@/components/ui/data-table";
import type { ActionState } from "@/server/action";

/**
 * Upload -> check (a preview that writes nothing) -> import, for every spreadsheet import (the
 * scheme tracker and the service lines): the file input, the progress while the server works
 * (a live region, and a progress bar when the server reports steps), the problems table by
 * row and column, and the import button. The file stays chosen between the steps; the import
 * sends it again with the previewed SHA-256, so what is imported is what was checked.
 */

export interface UploadPreview {
  fileName: string;
  sha256: string;
  problems: { sheet?: string; row?: number; column?: { letter: string; header: string }; message: string }[];
  ignoredColumns: { sheet: string; headers: string[] }[];
}

export interface UploadProgress {
  sentence: string;
  /** Steps done of the whole, when the server reports them. */
  step?: { value: number; max: number };
}

export type UploadStepRunner<T> = (data: FormData, onProgress: (p: UploadProgress) => void) => Promise<ActionState<T>>;

export const plural = (n: number, one: string, many = `${one}s`) =>
  `${n.toLocaleString("en-GB")} ${n === 1 ? one : many}`;

export interface SpreadsheetUploadFormProps<P extends UploadPreview, O extends { status: string; preview: P }> {
  /** Prefix of the element ids ("import", "service-line"). */
  id: string;
  label: string;
  hint: string;
  hiddenFields?: Record<string, string>;
  check: UploadStepRunner<P>;
  run: UploadStepRunner<O>;
  /** Shown while a step runs until the server reports progress. */
  pendingText: { preview: string; import: string };
  /** Whether the previewed file would write anything. */
  writes: (preview: P) => boolean;
  counts: (preview: P, imported: boolean) => ReactNode;
  details?: (preview: P) => ReactNode;
  importLabel: (preview: P) => string;
  nothingText: string;
  /** What the page says once the file is imported. */
  importedText: (outcome: O, message: string | undefined) => ReactNode;
  problemsCaption: (count: number) => string;
  /** Multi-sheet files name the sheet of each problem. */
  showSheet?: boolean;
}

function ProblemsTable({
  preview,
  caption,
  showSheet,
}: {
  preview: UploadPreview;
  caption: string;
  showSheet: boolean;
}) {
  if (preview.problems.length === 0) return null;
  return (
    <div className="mb-4">
      <DataTable
        caption={caption}
        columns={[
          ...(showSheet ? [{ label: "Sheet" }] : []),
          { label: "Row", align: "right" as const },
          { label: "Column" },
          { label: "Problem" },
        ]}
      >
        {preview.problems.slice(0, 500).map((p, i) => (
          <tr key={i} className={rowClass}>
            {showSheet && <td className={cellClass}>{p.sheet}</td>}
            <td className={numberCellClass}>{p.row ?? ""}</td>
            <td className={cellClass}>{p.column ? `${p.column.letter} (${p.column.header})` : ""}</td>
            <td className={`${cellClass} break-words`}>{p.message}</td>
          </tr>
        ))}
      </DataTable>
      {preview.problems.length > 500 && <p className="mt-2">The first 500 are shown.</p>}
    </div>
  );
}

export function SpreadsheetUploadForm<P extends UploadPreview, O extends { status: string; preview: P }>(
  props: SpreadsheetUploadFormProps<P, O>,
) {
  const { id, writes } = props;
  const formRef = useRef<HTMLFormElement>(null);
  const [preview, setPreview] = useState<ActionState<P> | null>(null);
  const [outcome, setOutcome] = useState<ActionState<O> | null>(null);
  const [progress, setProgress] = useState<UploadProgress | null>(null);
  const [pending, startTransition] = useTransition();

  const runStep = (step: "preview" | "import") => {
    const data = new FormData(formRef.current!);
    data.set("step", step);
    if (step === "import" && preview?.ok) data.set("sha256", preview.data.sha256);
    setProgress({ sentence: props.pendingText[step] });
    startTransition(async () => {
      if (step === "preview") {
        setOutcome(null);
        setPreview(await props.check(data, setProgress));
      } else setOutcome(await props.run(data, setProgress));
      setProgress(null);
    });
  };

  const shown = outcome?.ok ? outcome.data.preview : preview?.ok ? preview.data : null;
  const failure = outcome && !outcome.ok ? outcome : preview && !preview.ok ? preview : null;
  const fileError = failure?.fieldErrors?.file;
  const canImport = !outcome && preview?.ok && preview.data.problems.length === 0 && writes(preview.data);
  const imported = Boolean(outcome?.ok && outcome.data.status === "imported");
  // What happened, in the live region once a step ends.
  const ended = !pending && shown && !imported && !outcome && (
    <p className="mb-2 font-semibold">
      Checked {shown.fileName}:{" "}
      {shown.problems.length > 0
        ? `${plural(shown.problems.length, "problem")} to fix; nothing can be imported yet.`
        : writes(shown)
          ? "no problems; nothing is written until you import."
          : "nothing to import."}
    </p>
  );

  return (
    <form
      ref={formRef}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        runStep("preview");
      }}
    >
      {Object.entries(props.hiddenFields ?? {}).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <div className="mb-4">
        <label htmlFor={`${id}-file`} className="mb-1 block font-semibold">
          {props.label}
        </label>
        <p id={`${id}-file-hint`} className="mb-2 text-nhs-secondary">
          {props.hint}
        </p>
        <input
          id={`${id}-file`}
          name="file"
          type="file"
          accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
          aria-describedby={`${id}-file-hint${fileError ? ` ${id}-file-error` : ""}`}
          aria-invalid={fileError ? true : undefined}
          onChange={() => {
            setPreview(null);
            setOutcome(null);
          }}
          className="block"
        />
        {fileError && (
          <p id={`${id}-file-error`} className="mt-1 font-semibold text-nhs-red">
            {fileError.join(" ")}
          </p>
        )}
      </div>
      <Button type="submit" variant="secondary" disabled={pending}>
        Check the file
      </Button>

      <div role="status" aria-live="polite" className="mt-4">
        {pending && progress && <p className="font-semibold">{progress.sentence}</p>}
        {ended}
        {!pending &&
          outcome?.ok &&
          (imported ? (
            props.importedText(outcome.data, outcome.message)
          ) : (
            <p className="mb-2 font-semibold">{outcome.message}</p>
          ))}
      </div>
      {pending && progress?.step && (
        <progress
          className="mt-2 block w-full max-w-md"
          aria-label="Import progress"
          value={progress.step.value}
          max={progress.step.max}
        />
      )}
      {failure && !pending && !fileError && (
        <div role="alert" className="my-4 border-4 border-nhs-red bg-white p-3">
          <p className="font-semibold">{failure.message}</p>
        </div>
      )}
      {shown && !pending && (
        <section aria-labelledby={`${id}-preview-heading`} className="mt-4">
          <h3 id={`${id}-preview-heading`} className="mb-2 text-lg font-bold">
            {imported ? "What was imported" : `Preview of ${shown.fileName}`}
          </h3>
          {props.counts(shown, imported)}
          {shown.ignoredColumns.map((c) => (
            <p key={c.sheet} className="mb-2">
              {props.showSheet ? `${c.sheet}: t` : "T"}hese columns are not in the template and were ignored:{" "}
              {c.headers.join(", ")}.
            </p>
          ))}
          <ProblemsTable
            preview={shown}
            caption={props.problemsCaption(shown.problems.length)}
            showSheet={props.showSheet ?? false}
          />
          {props.details?.(shown)}
          {canImport && (
            <Button type="button" disabled={pending} onClick={() => runStep("import")}>
              {props.importLabel(shown)}
            </Button>
          )}
          {!outcome && preview?.ok && shown.problems.length === 0 && !writes(shown) && <p>{props.nothingText}</p>}
        </section>
      )}
    </form>
  );
}
