import { importStreamResponse } from "@/modules/imports/import-stream";

export const dynamic = "force-dynamic";

/** The import page's preview or import (multipart: step, file, sha256), streamed as progress lines then the result. */
export async function POST(request: Request) {
  return importStreamResponse(request);
}
