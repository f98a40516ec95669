import { z } from "zod";
import { readAttachmentForDownload } from "@/modules/schemes/attachments/attachment-reads";
import { contentDisposition } from "@/modules/schemes/attachments/attachment-types";
import { getActor } from "@/server/auth/session";

export const dynamic = "force-dynamic";

const params = z.object({ schemeId: z.uuid(), attachmentId: z.uuid() });

/**
 * A scheme's attachment, for those who may see the scheme. Always a download (Content-Disposition
 * attachment, the type found from the bytes at upload, nosniff), so no file renders in the app's origin.
 */
export async function GET(_request: Request, context: { params: Promise<{ schemeId: string; attachmentId: string }> }) {
  const actor = await getActor();
  if (!actor) return new Response("Sign in to download this attachment.", { status: 401 });
  const parsed = params.safeParse(await context.params);
  if (!parsed.success) return new Response("That attachment was not found.", { status: 404 });
  const file = await readAttachmentForDownload(actor, parsed.data.schemeId, parsed.data.attachmentId);
  if (!file) return new Response("That attachment was not found.", { status: 404 });
  return new Response(new Uint8Array(file.bytes), {
    headers: {
      "Content-Type": file.contentType,
      "Content-Length": String(file.bytes.length),
      "Content-Disposition": contentDisposition(file.fileName),
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    },
  });
}
