"use server";

import { z } from "zod";
import { uuidField } from "@/lib/form-fields";
import { previewedSha256Field, uploadFrom, uploadedFileField } from "@/modules/spreadsheets/upload-form";
import { authedAction, type ActionState } from "@/server/action";
import { routes } from "@/server/routes";
import {
  importServiceLines,
  previewServiceLineImport,
  type ServiceLineImportOutcome,
  type ServiceLinePreview,
} from "./import-service-lines";

const uploadSchema = z.object({
  organisationId: uuidField("an organisation"),
  file: uploadedFileField,
  sha256: previewedSha256Field,
});

async function input(formData: FormData) {
  const organisationId = formData.get("organisationId");
  return { ...(await uploadFrom(formData)), organisationId: typeof organisationId === "string" ? organisationId : "" };
}

const preview = authedAction("previewServiceLineImport", uploadSchema, async (actor, i) => ({
  data: await previewServiceLineImport(actor, i.organisationId, i.file),
}));

const run = authedAction("importServiceLines", uploadSchema, async (actor, i) => {
  const outcome = await importServiceLines(actor, i.organisationId, i.file, i.sha256);
  return {
    data: outcome,
    message:
      outcome.status === "imported"
        ? "Service lines imported."
        : outcome.status === "nothing-to-do"
          ? "Nothing to import: every service line and size in the file is already in the app."
          : "The file has errors, so nothing was imported.",
    revalidate: outcome.status === "imported" ? [routes.portfolioServiceLines, routes.portfolio] : [],
  };
});

export async function previewServiceLineImportAction(
  _previous: ActionState<ServiceLinePreview> | null,
  formData: FormData,
): Promise<ActionState<ServiceLinePreview>> {
  return preview(null, await input(formData));
}

export async function importServiceLinesAction(
  _previous: ActionState<ServiceLineImportOutcome> | null,
  formData: FormData,
): Promise<ActionState<ServiceLineImportOutcome>> {
  return run(null, await input(formData));
}
