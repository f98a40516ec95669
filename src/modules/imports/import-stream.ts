import { revalidatePath } from "next/cache";
import { z } from "zod";
import { recordDeniedAttempt } from "@/modules/audit/record-audit";
import { previewedSha256Field, uploadFrom, uploadedFileField } from "@/modules/spreadsheets/upload-form";
import type { ActionState } from "@/server/action";
import type { Actor } from "@/server/auth/actor";
import { getActor } from "@/server/auth/session";
import { CROSS_ORIGIN_MESSAGE, crossOriginRefusal } from "@/server/csrf/action-origin";
import { DomainError } from "@/server/errors";
import { routes } from "@/server/routes";
import type { ImportProgress } from "./import-progress";
import { assertMayImport, previewImport, runImport, type ImportOutcome, type ImportPreview } from "./run-import";

/**
 * The import page's preview and import as one streamed POST (issue 12 item 6): the response is
 * newline-delimited JSON, a `progress` line as each phase ends (and every 5,000 rows read), then
 * one `result` line holding what the server action would have returned. A 5,000-scheme file
 * takes seconds, so the page shows how far it has got instead of freezing. Authenticate ->
 * authorize (finance of an organisation; a refusal is audited) -> zod -> the use case, which
 * validates every row and writes in one transaction with its audit events -> revalidate.
 */

export type ImportStreamLine =
  | ({ type: "progress" } & ImportProgress)
  | { type: "result"; state: ActionState<ImportPreview> | ActionState<ImportOutcome> };

/** Exported so the shared control-character check probes it like every form schema. */
export const importStreamSchema = z.object({
  step: z.enum(["preview", "import"], { error: "Say whether to preview or import the file" }),
  file: uploadedFileField,
  sha256: previewedSha256Field,
});

const GENERIC_FAILURE = "Something went wrong and nothing was imported. Please try again.";
const NDJSON = { "content-type": "application/x-ndjson; charset=utf-8", "cache-control": "no-store" };

function single(status: number, state: ActionState<never>): Response {
  const line: ImportStreamLine = { type: "result", state };
  return new Response(`${JSON.stringify(line)}\n`, { status, headers: NDJSON });
}

function outcomeMessage(outcome: ImportOutcome): string {
  if (outcome.status === "imported") return "Imported.";
  if (outcome.status === "nothing-to-do") return "Nothing to import: everything in the file is already in the app.";
  return "The file has errors, so nothing was imported.";
}

async function runStep(
  actor: Actor,
  input: z.output<typeof importStreamSchema>,
  send: (line: ImportStreamLine) => void,
) {
  const onProgress = (phase: ImportProgress["phase"], detail: { done: number; total: number }) =>
    send({ type: "progress", phase, ...detail });
  if (input.step === "preview") {
    const preview = await previewImport(actor, input.file, { onProgress });
    return { ok: true as const, data: preview };
  }
  const outcome = await runImport(actor, input.file, input.sha256, { onProgress });
  if (outcome.status === "imported")
    for (const path of [routes.schemes, routes.dashboard, routes.home]) revalidatePath(path);
  return { ok: true as const, data: outcome, message: outcomeMessage(outcome) };
}

export async function importStreamResponse(request: Request): Promise<Response> {
  if (crossOriginRefusal(request.headers)) return single(403, { ok: false, message: CROSS_ORIGIN_MESSAGE });
  const actor = await getActor();
  if (!actor) return single(401, { ok: false, message: "Your session has ended. Sign in again, then retry." });
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return single(400, { ok: false, message: "Choose the .xlsx workbook or a .csv file to upload." });
  }
  const raw = { ...(await uploadFrom(form)), step: form.get("step") };
  const name = raw.step === "import" ? "runImport" : "previewImport";
  try {
    assertMayImport(actor);
  } catch (error) {
    await recordDeniedAttempt(actor, name, raw).catch(() => {});
    return single(403, { ok: false, message: (error as Error).message });
  }
  const parsed = importStreamSchema.safeParse(raw);
  if (!parsed.success) {
    const fieldErrors = z.flattenError(parsed.error).fieldErrors as Record<string, string[]>;
    return single(400, { ok: false, message: "Some answers need correcting.", fieldErrors });
  }
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (line: ImportStreamLine) => controller.enqueue(encoder.encode(`${JSON.stringify(line)}\n`));
      try {
        send({ type: "result", state: await runStep(actor, parsed.data, send) });
      } catch (error) {
        if (error instanceof DomainError) {
          // As authedAction: refusals, stale versions and conflicts are evidence.
          if (!error.audited && ["FORBIDDEN", "STALE", "CONFLICT"].includes(error.code))
            await recordDeniedAttempt(
              actor,
              name,
              raw,
              error.code === "FORBIDDEN" ? undefined : { code: error.code, message: error.message },
            ).catch(() => {});
          send({ type: "result", state: { ok: false, message: error.message, fieldErrors: error.fieldErrors } });
        } else {
          console.error(`[import stream ${name}] failed`, error);
          send({ type: "result", state: { ok: false, message: GENERIC_FAILURE } });
        }
      } finally {
        controller.close();
      }
    },
  });
  return new Response(body, { status: 200, headers: { ...NDJSON, "x-accel-buffering": "no" } });
}
