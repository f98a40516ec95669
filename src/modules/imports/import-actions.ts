"use server";

import { z } from "zod";
import { authedAction, type ActionState } from "@/server/action";
import { routes } from "@/server/routes";
import { previewedSha256Field, uploadFrom, uploadedFileField } from "@/modules/spreadsheets/upload-form";
import { previewImport, runImport, type ImportOutcome, type ImportPreview } from "./run-import";

/** The import page's two steps as server actions (the file read by uploadFrom). */

const uploadSchema = z.object({ file: uploadedFileField, sha256: previewedSha256Field });

const preview = authedAction("previewImport", uploadSchema, async (actor, input) => ({
  data: await previewImport(actor, input.file),
}));

const importFile = authedAction("runImport", uploadSchema, async (actor, input) => {
  const outcome = await runImport(actor, input.file, input.sha256);
  return {
    data: outcome,
    message:
      outcome.status === "imported"
        ? "Imported."
        : outcome.status === "nothing-to-do"
          ? "Nothing to import: everything in the file is already in the app."
          : "The file has errors, so nothing was imported.",
    revalidate: outcome.status === "imported" ? [routes.schemes, routes.dashboard, routes.home] : [],
  };
});

export async function previewImportAction(
  _previous: ActionState<ImportPreview> | null,
  formData: FormData,
): Promise<ActionState<ImportPreview>> {
  return preview(null, await uploadFrom(formData));
}

export async function runImportAction(
  _previous: ActionState<ImportOutcome> | null,
  formData: FormData,
): Promise<ActionState<ImportOutcome>> {
  return importFile(null, await uploadFrom(formData));
}
