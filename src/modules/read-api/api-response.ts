import { csvCell } from "@/lib/csv";
import type { ApiColumn, ApiRow, ApiValue } from "./api-columns";

const NO_STORE = { "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" };

export function jsonResponse(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": "application/json; charset=utf-8", ...NO_STORE, ...headers },
  });
}

/** `{ "error": { "status", "message", "fields"? } }`: the one error shape of the read API. */
export function errorResponse(
  status: number,
  message: string,
  extra: { headers?: Record<string, string>; fields?: Record<string, string[]> } = {},
): Response {
  return jsonResponse({ error: { status, message, ...(extra.fields ? { fields: extra.fields } : {}) } }, status, {
    ...(status === 401 ? { "WWW-Authenticate": 'Bearer realm="recovery-tracker"' } : {}),
    ...extra.headers,
  });
}

/** A CSV cell: numbers and booleans as they are (never formulas), text through csvCell. */
function cell(value: ApiValue): string {
  if (value === null) return "";
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return csvCell(value);
}

export function csvLine(columns: readonly ApiColumn[], row: ApiRow): string {
  return columns.map((c) => cell(row[c.name] ?? null)).join(",") + "\r\n";
}

/**
 * CSV streamed batch by batch, so memory stays flat however many rows there are. The header is
 * the field names (as in JSON), after a BOM so Excel reads UTF-8.
 */
export function csvStreamResponse(
  columns: readonly ApiColumn[],
  batches: AsyncIterable<ApiRow[]>,
  filename: string,
  onError: (error: unknown) => void,
): Response {
  const iterator = batches[Symbol.asyncIterator]();
  const encoder = new TextEncoder();
  let started = false;
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode("\uFEFF" + columns.map((c) => c.name).join(",") + "\r\n"));
        return;
      }
      try {
        const next = await iterator.next();
        if (next.done) {
          controller.close();
          return;
        }
        controller.enqueue(encoder.encode(next.value.map((row) => csvLine(columns, row)).join("")));
      } catch (error) {
        onError(error);
        controller.error(error);
      }
    },
    async cancel() {
      await iterator.return?.();
    },
  });
  return new Response(stream, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
      ...NO_STORE,
    },
  });
}
