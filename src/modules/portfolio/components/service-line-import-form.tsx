"use client";

import { SpreadsheetUploadForm, plural } from "@/modules/spreadsheets/components/spreadsheet-upload-form";
import type { ServiceLineImportOutcome, ServiceLinePreview } from "../import-service-lines";
import { importServiceLinesAction, previewServiceLineImportAction } from "../service-line-import-actions";

const writes = (p: ServiceLinePreview) => p.counts.linesToCreate + p.counts.sizes > 0;

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
  return (
    <>
      <p className="mb-3">
        One row per service line and financial year: its name, level, the division or specialty it is part of, and its
        budget, patients and staff for the year. <a href={templateHref}>Download the template (.xlsx)</a>.
      </p>
      <SpreadsheetUploadForm<ServiceLinePreview, ServiceLineImportOutcome>
        id="service-line"
        label="Service lines workbook or CSV file"
        hint="The filled-in template (.xlsx) or the same columns as a .csv file, up to 10 MB. Nothing is written until you import."
        hiddenFields={{ organisationId }}
        check={(data) => previewServiceLineImportAction(null, data)}
        run={(data) => importServiceLinesAction(null, data)}
        pendingText={{
          preview: "Reading the file and checking every row…",
          import: "Importing the service lines in one transaction…",
        }}
        writes={writes}
        counts={(p, imported) => (
          <ul className="mb-4 list-disc pl-6">
            <li>
              {plural(p.counts.linesToCreate, "service line")} {imported ? "created" : "to create"}
            </li>
            <li>{plural(p.counts.linesUnchanged, "service line")} already in the app</li>
            <li>
              {plural(p.counts.sizes, "year of sizes", "years of sizes")} {imported ? "written" : "to write"}
            </li>
          </ul>
        )}
        importLabel={() => "Import the service lines"}
        nothingText="Nothing to import: every service line and size in the file is already in the app."
        importedText={(_o, message) => <p className="mb-2 font-semibold">{message}</p>}
        problemsCaption={(n) => `${plural(n, "problem")} to fix before anything can be imported`}
      />
    </>
  );
}
