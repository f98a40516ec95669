import { z } from "zod";

/**
 * A spreadsheet upload from a form, for server actions: the file read into bytes and handed to
 * authedAction as a plain value whose JSON form (what a refusal's audit event records) is its
 * name and size, never its contents.
 */

export interface UploadedBytes {
  fileName: string;
  bytes: Uint8Array;
}

export const uploadedFileField = z.custom<UploadedBytes>(
  (v) => typeof v === "object" && v !== null && (v as UploadedBytes).bytes instanceof Uint8Array,
  { error: "Choose the .xlsx workbook or a .csv file to upload" },
);

export const previewedSha256Field = z
  .string()
  .regex(/^[0-9a-f]{64}$/, "Preview the file again, then import")
  .optional();

/** The form's file and previewed hash; a missing file is left for the schema to word. */
export async function uploadFrom(formData: FormData): Promise<{ file: UploadedBytes; sha256?: string }> {
  const file = formData.get("file");
  const sha256 = formData.get("sha256");
  if (!(file instanceof File) || file.size === 0) return { file: undefined as unknown as UploadedBytes };
  const uploaded = {
    fileName: file.name.slice(0, 255),
    bytes: new Uint8Array(await file.arrayBuffer()),
    toJSON: () => ({ fileName: file.name.slice(0, 255), size: file.size }),
  };
  return { file: uploaded, sha256: typeof sha256 === "string" && sha256 ? sha256 : undefined };
}
