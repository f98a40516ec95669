"use server";

import { authedAction, type ActionState } from "@/server/action";
import { routes } from "@/server/routes";
import { deleteAttachmentSchema, uploadAttachmentSchema, type UploadedAttachment } from "./attachment-schemas";
import { deleteAttachment, uploadAttachment } from "./attachment-writes";

const upload = authedAction("uploadAttachment", uploadAttachmentSchema, async (actor, input) => {
  const attachment = await uploadAttachment(actor, input);
  return {
    data: { attachmentId: attachment.id },
    message: `Attached ${attachment.fileName}.`,
    revalidate: [routes.scheme(input.schemeId)],
  };
});

/** Reads the form's file into bytes; a missing file is left for the schema to word. */
export async function uploadAttachmentAction(
  _previous: ActionState<{ attachmentId: string }> | null,
  formData: FormData,
): Promise<ActionState<{ attachmentId: string }>> {
  const file = formData.get("file");
  const schemeId = formData.get("schemeId");
  const uploaded: UploadedAttachment | undefined =
    file instanceof File && file.size > 0
      ? Object.assign(
          { fileName: file.name, bytes: new Uint8Array(await file.arrayBuffer()) },
          // What a refusal's audit event records: never the contents.
          { toJSON: () => ({ fileName: file.name.slice(0, 255), size: file.size }) },
        )
      : undefined;
  return upload(null, { schemeId: typeof schemeId === "string" ? schemeId : "", file: uploaded as UploadedAttachment });
}

export const deleteAttachmentAction = authedAction("deleteAttachment", deleteAttachmentSchema, async (actor, input) => {
  const removed = await deleteAttachment(actor, input);
  return { data: removed, message: `Removed ${removed.fileName}.`, revalidate: [routes.scheme(input.schemeId)] };
});
