import { z } from "zod";
import { uuidField } from "@/lib/form-fields";

/** A file from the form, read into bytes by the action; its JSON form (for audit) is its name and size. */
export interface UploadedAttachment {
  fileName: string;
  bytes: Uint8Array;
}

export const uploadAttachmentSchema = z.object({
  schemeId: uuidField("a scheme"),
  file: z.custom<UploadedAttachment>(
    (v) => typeof v === "object" && v !== null && (v as UploadedAttachment).bytes instanceof Uint8Array,
    { error: "Choose a file to attach" },
  ),
});
export type UploadAttachmentInput = z.infer<typeof uploadAttachmentSchema>;

export const deleteAttachmentSchema = z.object({
  schemeId: uuidField("a scheme"),
  attachmentId: uuidField("an attachment"),
});
export type DeleteAttachmentInput = z.infer<typeof deleteAttachmentSchema>;
