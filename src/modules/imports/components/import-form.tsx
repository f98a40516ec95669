"use client";

import Link from "next/link";
import { DataTable, cellClass, rowClass } from "@/components/ui/data-table";
import { SpreadsheetUploadForm, plural } from "@/modules/spreadsheets/components/spreadsheet-upload-form";
import { routes } from "@/server/routes";
import { changesAnything } from "../import-counts";
import type { ImportOutcome, ImportPreview } from "../run-import";
import { streamImport } from "./stream-import";

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
 * The tracker import: upload -> check -> import through the streamed route, so a file of
 * thousands of rows shows what has been read, checked and written while it runs.
 */
export function ImportForm({ organisationName }: { organisationName: string }) {
  return (
    <SpreadsheetUploadForm<ImportPreview, ImportOutcome>
      id="import"
      label="Workbook or CSV file"
      hint="The filled-in template (.xlsx), or one sheet as a .csv file, up to 10 MB. Nothing is written until you confirm."
      check={(data, onProgress) => streamImport("preview", data, onProgress)}
      run={(data, onProgress) => streamImport("import", data, onProgress)}
      pendingText={{
        preview: "Uploading the file…",
        import: "Uploading the file to import it…",
      }}
      writes={(p) => changesAnything(p.counts)}
      counts={(p, imported) => <Counts preview={p} done={imported} />}
      details={(p) => <Changes preview={p} />}
      importLabel={(p) => `Import ${importWhat(p)}`}
      nothingText="Nothing to import: everything in the file is already in the app."
      importedText={(o) => (
        <div className="mb-4 border-l-4 border-nhs-green bg-white p-3">
          <p className="font-semibold">
            Imported {o.preview.fileName} into {organisationName}&rsquo;s tracker.
          </p>
          <p>
            <Link href={routes.dashboard}>See the finance dashboard</Link> or{" "}
            <Link href={routes.schemes}>the scheme register</Link>.
          </p>
        </div>
      )}
      problemsCaption={() => "Problems in the file, by sheet, row and column"}
      showSheet
    />
  );
}
