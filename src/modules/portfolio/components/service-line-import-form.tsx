"use client";

import { useRef, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { DataTable, cellClass, numberCellClass, rowClass } from "@/components/ui/data-table";
import type { ActionState } from "@/server/action";
import type { ServiceLineImportOutcome, ServiceLinePreview } from "../import-service-lines";
import { importServiceLinesAction, previewServiceLineImportAction } from "../service-line-import-actions";

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString("en-GB")} ${n === 1 ? one : many}`;

/**
 * Service lines from a spreadsheet: check the file (a preview that writes nothing), then import
 * the same file (sent again with the previewed SHA-256), all of it or nothing.
 */
export function ServiceLineImportForm({
  organisationId,
  templateHref,
}: {
  organisationId: string;
  templateHref: string;
}) {
  const formRef = useRef<HTMLFormElement>(null);
  const [preview, setPreview] = useState<ActionState<ServiceLinePreview> | null>(null);
  const [outcome, setOutcome] = useState<ActionState<ServiceLineImportOutcome> | null>(null);
  const [pending, startTransition] = useTransition();

  const run = (step: "preview" | "import") => {
    const data = new FormData(formRef.current!);
    if (step === "import" && preview?.ok) data.set("sha256", preview.data.sha256);
    startTransition(async () => {
      if (step === "preview") {
        setOutcome(null);
        setPreview(await previewServiceLineImportAction(null, data));
      } else setOutcome(await importServiceLinesAction(null, data));
    });
  };
  const shown = outcome?.ok ? outcome.data.preview : preview?.ok ? preview.data : null;
  const failure = outcome && !outcome.ok ? outcome : preview && !preview.ok ? preview : null;
  const writes = shown ? shown.counts.linesToCreate + shown.counts.sizes > 0 : false;
  const canImport = !outcome && preview?.ok && preview.data.problems.length === 0 && writes;
  const imported = outcome?.ok && outcome.data.status === "imported";
  const fileError = failure?.fieldErrors?.file;

  return (
    <form
      ref={formRef}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        run("preview");
      }}
    >
      <input type="hidden" name="organisationId" value={organisationId} />
      <p className="mb-3">
        One row per service line and financial year: its name, level, the division or specialty it is part of, and its
        budget, patients and staff for the year. <a href={templateHref}>Download the template (.xlsx)</a>.
      </p>
      <div className="mb-4">
        <label htmlFor="service-line-file" className="mb-1 block font-semibold">
          Service lines workbook or CSV file
        </label>
        <p id="service-line-file-hint" className="mb-2 text-nhs-secondary">
          The filled-in template (.xlsx) or the same columns as a .csv file, up to 10 MB. Nothing is written until you
          import.
        </p>
        <input
          id="service-line-file"
          name="file"
          type="file"
          accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
          aria-describedby={`service-line-file-hint${fileError ? " service-line-file-error" : ""}`}
          aria-invalid={fileError ? true : undefined}
          onChange={() => {
            setPreview(null);
            setOutcome(null);
          }}
          className="block"
        />
        {fileError && (
          <p id="service-line-file-error" className="mt-1 font-semibold text-nhs-red">
            {fileError.join(" ")}
          </p>
        )}
      </div>
      <Button type="submit" variant="secondary" disabled={pending}>
        Check the file
      </Button>
      <div role="status" aria-live="polite" className="mt-4">
        {pending && <p className="font-semibold">Reading the file and checking every row…</p>}
        {!pending && outcome?.ok && <p className="mb-2 font-semibold">{outcome.message}</p>}
      </div>
      {failure && !pending && !fileError && (
        <div role="alert" className="my-4 border-4 border-nhs-red bg-white p-3">
          <p className="font-semibold">{failure.message}</p>
        </div>
      )}
      {shown && !pending && (
        <section aria-labelledby="service-line-preview-heading" className="mt-2">
          <h3 id="service-line-preview-heading" className="mb-2 text-lg font-bold">
            {imported ? "What was imported" : `Preview of ${shown.fileName}`}
          </h3>
          <ul className="mb-4 list-disc pl-6">
            <li>
              {plural(shown.counts.linesToCreate, "service line")} {imported ? "created" : "to create"}
            </li>
            <li>{plural(shown.counts.linesUnchanged, "service line")} already in the app</li>
            <li>
              {plural(shown.counts.sizes, "year of sizes", "years of sizes")} {imported ? "written" : "to write"}
            </li>
          </ul>
          {shown.ignoredColumns.map((c) => (
            <p key={c.sheet} className="mb-2">
              These columns are not in the template and were ignored: {c.headers.join(", ")}.
            </p>
          ))}
          {shown.problems.length > 0 && (
            <DataTable
              caption={`${plural(shown.problems.length, "problem")} to fix before anything can be imported`}
              columns={[{ label: "Row", align: "right" }, { label: "Column" }, { label: "Problem" }]}
            >
              {shown.problems.slice(0, 500).map((p, i) => (
                <tr key={i} className={rowClass}>
                  <td className={numberCellClass}>{p.row ?? ""}</td>
                  <td className={cellClass}>{p.column ? `${p.column.letter} (${p.column.header})` : ""}</td>
                  <td className={`${cellClass} break-words`}>{p.message}</td>
                </tr>
              ))}
            </DataTable>
          )}
          {canImport && (
            <Button type="button" disabled={pending} onClick={() => run("import")}>
              Import the service lines
            </Button>
          )}
          {!outcome && preview?.ok && shown.problems.length === 0 && !writes && (
            <p>Nothing to import: every service line and size in the file is already in the app.</p>
          )}
        </section>
      )}
    </form>
  );
}
