"use client";

import Link from "next/link";
import { useRef, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { DataTable, cellClass, numberCellClass, rowClass } from "@/components/ui/data-table";
import type { ActionState } from "@/server/action";
import { routes } from "@/server/routes";
import { previewImportAction, runImportAction } from "../import-actions";
import { changesAnything } from "../import-counts";
import type { ImportOutcome, ImportPreview } from "../run-import";

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString("en-GB")} ${n === 1 ? one : many}`;

function Counts({ preview, done }: { preview: ImportPreview; done: boolean }) {
  const c = preview.counts;
  return (
    <ul className="mb-4 list-disc pl-6" aria-label={done ? "What was imported" : "What the import would do"}>
      <li>
        {plural(c.create, "scheme")} {done ? "created" : "to create"}
      </li>
      <li>
        {plural(c.update, "scheme")} {done ? "updated" : "to update"}
      </li>
      <li>{plural(c.unchanged, "scheme")} unchanged</li>
      <li>
        {plural(c.months, "month row")} {done ? "written" : "to write"}
      </li>
      {c.risks.create + c.risks.update + c.risks.unchanged > 0 && (
        <>
          <li>
            {plural(c.risks.create, "risk")} {done ? "created" : "to create"}
          </li>
          <li>
            {plural(c.risks.update, "risk")} {done ? "updated" : "to update"}
          </li>
          <li>{plural(c.risks.unchanged, "risk")} unchanged</li>
        </>
      )}
    </ul>
  );
}

/** "3 schemes", "2 risks" or "3 schemes and 2 risks": what the import button writes. */
function importWhat(preview: ImportPreview): string {
  const c = preview.counts;
  const parts = [
    c.create + c.update > 0 || c.risks.create + c.risks.update === 0 ? plural(c.create + c.update, "scheme") : "",
    c.risks.create + c.risks.update > 0 ? plural(c.risks.create + c.risks.update, "risk") : "",
  ];
  return parts.filter(Boolean).join(" and ");
}

function Problems({ preview }: { preview: ImportPreview }) {
  if (preview.problems.length === 0) return null;
  return (
    <div className="mb-4">
      <h4 className="mb-2 font-bold" id="import-problems">
        {plural(preview.problems.length, "problem")} to fix before anything can be imported
      </h4>
      <DataTable
        caption="Problems in the file, by sheet, row and column"
        columns={[{ label: "Sheet" }, { label: "Row", align: "right" }, { label: "Column" }, { label: "Problem" }]}
      >
        {preview.problems.slice(0, 500).map((p, i) => (
          <tr key={i} className={rowClass}>
            <td className={cellClass}>{p.sheet}</td>
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

function Changes({ preview }: { preview: ImportPreview }) {
  if (preview.changes.length === 0) return null;
  return (
    <details className="mb-4">
      <summary className="cursor-pointer font-semibold">Schemes to create or update</summary>
      <DataTable
        caption="Schemes the import creates or updates"
        columns={[{ label: "Reference" }, { label: "Title" }, { label: "Change" }]}
      >
        {preview.changes.map((c) => (
          <tr key={c.code} className={rowClass}>
            <td className={cellClass}>{c.code}</td>
            <td className={cellClass}>{c.title}</td>
            <td className={cellClass}>{c.kind === "create" ? "New" : `Update: ${c.changedFields.join(", ")}`}</td>
          </tr>
        ))}
      </DataTable>
    </details>
  );
}

/**
 * Upload -> preview -> import. The file stays chosen between the two steps; the import sends
 * it again with the SHA-256 of the previewed file, so what is imported is what was previewed.
 */
export function ImportForm({ organisationName }: { organisationName: string }) {
  const formRef = useRef<HTMLFormElement>(null);
  const [preview, setPreview] = useState<ActionState<ImportPreview> | null>(null);
  const [outcome, setOutcome] = useState<ActionState<ImportOutcome> | null>(null);
  const [phase, setPhase] = useState("");
  const [pending, startTransition] = useTransition();

  const run = (step: "preview" | "import") => {
    const data = new FormData(formRef.current!);
    if (step === "import" && preview?.ok) data.set("sha256", preview.data.sha256);
    setPhase(
      step === "preview"
        ? "Reading the file and checking every row…"
        : "Importing: writing schemes, months and audit events in one transaction…",
    );
    startTransition(async () => {
      if (step === "preview") {
        setOutcome(null);
        setPreview(await previewImportAction(null, data));
      } else setOutcome(await runImportAction(null, data));
      setPhase("");
    });
  };

  const shown = outcome?.ok ? outcome.data.preview : preview?.ok ? preview.data : null;
  const failure = outcome && !outcome.ok ? outcome : preview && !preview.ok ? preview : null;
  const canImport =
    !outcome && preview?.ok && preview.data.problems.length === 0 && changesAnything(preview.data.counts);
  const imported = outcome?.ok && outcome.data.status === "imported";

  return (
    <form
      ref={formRef}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        run("preview");
      }}
    >
      <div className="mb-4">
        <label htmlFor="import-file" className="mb-1 block font-semibold">
          Workbook or CSV file
        </label>
        <p id="import-file-hint" className="mb-2 text-nhs-secondary">
          The filled-in template (.xlsx), or one sheet as a .csv file, up to 10 MB. Nothing is written until you
          confirm.
        </p>
        <input
          id="import-file"
          name="file"
          type="file"
          accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
          aria-describedby={`import-file-hint${failure?.fieldErrors?.file ? " import-file-error" : ""}`}
          aria-invalid={failure?.fieldErrors?.file ? true : undefined}
          onChange={() => {
            setPreview(null);
            setOutcome(null);
          }}
          className="block"
        />
        {failure?.fieldErrors?.file && (
          <p id="import-file-error" className="mt-1 font-semibold text-nhs-red">
            {failure.fieldErrors.file.join(" ")}
          </p>
        )}
      </div>
      <Button type="submit" variant="secondary" disabled={pending}>
        Check the file
      </Button>

      <div role="status" aria-live="polite" className="mt-4">
        {pending && <p className="font-semibold">{phase}</p>}
        {!pending && imported && (
          <div className="mb-4 border-l-4 border-nhs-green bg-white p-3">
            <p className="font-semibold">
              Imported {outcome.data.preview.fileName} into {organisationName}&rsquo;s tracker.
            </p>
            <p>
              <Link href={routes.dashboard}>See the finance dashboard</Link> or{" "}
              <Link href={routes.schemes}>the scheme register</Link>.
            </p>
          </div>
        )}
        {!pending && outcome?.ok && !imported && <p className="mb-4 font-semibold">{outcome.message}</p>}
      </div>
      {failure && !pending && (
        <div role="alert" className="my-4 border-4 border-nhs-red bg-white p-3">
          <p className="font-semibold">{failure.message}</p>
        </div>
      )}
      {shown && !pending && (
        <section aria-labelledby="import-preview-heading" className="mt-4">
          <h3 id="import-preview-heading" className="mb-2 text-lg font-bold">
            {imported ? "What was imported" : `Preview of ${shown.fileName}`}
          </h3>
          <Counts preview={shown} done={Boolean(imported)} />
          {shown.ignoredColumns.map((c) => (
            <p key={c.sheet} className="mb-2">
              {c.sheet}: these columns are not in the template and were ignored: {c.headers.join(", ")}.
            </p>
          ))}
          <Problems preview={shown} />
          <Changes preview={shown} />
          {canImport && (
            <Button type="button" disabled={pending} onClick={() => run("import")}>
              Import {importWhat(shown)}
            </Button>
          )}
          {!imported && preview?.ok && shown.problems.length === 0 && !changesAnything(shown.counts) && (
            <p>Nothing to import: everything in the file is already in the app.</p>
          )}
        </section>
      )}
    </form>
  );
}
