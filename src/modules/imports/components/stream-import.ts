import type { ActionState } from "@/server/action";
import { routes } from "@/server/routes";
import type { UploadProgress } from "@/modules/spreadsheets/components/spreadsheet-upload-form";
import { progressSentence, progressStep, type ImportStep } from "../import-progress";
import type { ImportStreamLine } from "../import-stream";

const LOST =
  "The connection closed before the server answered. Open the scheme register to see whether the import went in; if not, check the file again.";

/**
 * Posts the import form to the streamed route and reads its lines as they come: each progress
 * line to `onProgress`, the last line's result returned (the same shape as a server action's).
 */
export async function streamImport<T>(
  step: ImportStep,
  data: FormData,
  onProgress: (p: UploadProgress) => void,
): Promise<ActionState<T>> {
  let result: ActionState<T> | undefined;
  try {
    const response = await fetch(routes.importRun, { method: "POST", body: data });
    if (!response.body) return { ok: false, message: LOST };
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = "";
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += value;
      let end: number;
      while ((end = buffer.indexOf("\n")) >= 0) {
        const line = JSON.parse(buffer.slice(0, end)) as ImportStreamLine;
        buffer = buffer.slice(end + 1);
        if (line.type === "progress")
          onProgress({ sentence: progressSentence(line), step: progressStep(step, line.phase) });
        else result = line.state as ActionState<T>;
      }
    }
  } catch {
    return { ok: false, message: LOST };
  }
  return result ?? { ok: false, message: LOST };
}
