"use server";

import { z } from "zod";
import { authedAction, type ActionState } from "@/server/action";
import { routes } from "@/server/routes";
import { previewImport, runImport, type ImportOutcome, type ImportPreview, type UploadedFile } from "./run-import";

/**
 * The import page's two steps as server actions. The file comes in the form; it is read into
 * bytes here and handed to authedAction as a plain value whose JSON form (what a refusal's
 * audit event records) is its name and size, never its contents.
 */

const uploadSchema = z.object({
  file: z.custom<UploadedFile>(
    (v) => typeof v === "object" && v !== null && (v as UploadedFile).bytes instanceof Uint8Array,
    { error: "Choose the .xlsx workbook or a .csv file to upload" },
  ),
  sha256: z
    .string()
    .regex(/^[0-9a-f]{64}$/, "Preview the file again, then import")
    .optional(),
});

/** The form's file and previewed hash; a missing file is left for the schema to word. */
async function uploadFrom(formData: FormData): Promise<z.input<typeof uploadSchema>> {
  const file = formData.get("file");
  const sha256 = formData.get("sha256");
  if (!(file instanceof File) || file.size === 0) return { file: undefined as unknown as UploadedFile };
  const uploaded = {
    fileName: file.name.slice(0, 255),
    bytes: new Uint8Array(await file.arrayBuffer()),
    toJSON: () => ({ fileName: file.name.slice(0, 255), size: file.size }),
  };
  return { file: uploaded, sha256: typeof sha256 === "string" && sha256 ? sha256 : undefined };
}

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
